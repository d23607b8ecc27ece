"""Traces: a JSON file of phases, each with the contention it runs and the application's requirement.

A phase has `name` and `seconds`, and optionally `cpuHogs`, `memHogs`, `coRunner` (process counts; `hogs` is the
old name of `cpuHogs`), `onSeconds`/`offSeconds` (the contention comes and goes in bursts), `fps` and
`deadlineMs` (the camera's requirement from this phase on; missing = the one before). A phase without the new
keys has none of them, so the old batch-1 trace (contention.json: `targetMs` is its deadline, `fps` 0) keeps
working.
"""
import json

CONTENTION_KEYS = ("cpuHogs", "memHogs", "coRunner")
MAX_PROCESSES = 8
MAX_SECONDS = 3600


class TraceError(ValueError):
    pass


def _number(value, what, low, high):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise TraceError(f"{what} must be a number in [{low}, {high}], got {value!r}")
    return value


def normalise(raw):
    """The trace with every phase complete: contention counts, bursts, fps and deadline in force."""
    if not isinstance(raw, dict) or not isinstance(raw.get("phases"), list) or not raw["phases"]:
        raise TraceError("a trace is a JSON object with a non-empty 'phases' list")
    trace = dict(raw)
    trace.setdefault("name", "trace")
    fps = _number(raw.get("fps", 0), "fps", 0, 10000)
    deadline = _number(raw.get("deadlineMs", raw.get("targetMs", 0)), "deadlineMs", 0, 60000)
    trace["itemsPerFrame"] = int(_number(raw.get("itemsPerFrame", 1), "itemsPerFrame", 1, 4096))
    trace["accuracyFloor"] = _number(raw.get("accuracyFloor", 0), "accuracyFloor", 0, 100)
    phases = []
    for i, p in enumerate(raw["phases"]):
        if not isinstance(p, dict):
            raise TraceError(f"phase {i} is not an object")
        q = {"name": str(p.get("name", f"phase {i + 1}")),
             "seconds": _number(p.get("seconds"), f"phase {i} seconds", 0.1, MAX_SECONDS)}
        counts = dict(p)
        if "hogs" in counts and "cpuHogs" not in counts:
            counts["cpuHogs"] = counts["hogs"]
        for key in CONTENTION_KEYS:
            q[key] = int(_number(counts.get(key, 0), f"phase {i} {key}", 0, MAX_PROCESSES))
        on, off = p.get("onSeconds"), p.get("offSeconds")
        if on or off:
            q["onSeconds"] = _number(on, f"phase {i} onSeconds", 0.1, MAX_SECONDS)
            q["offSeconds"] = _number(off, f"phase {i} offSeconds", 0.1, MAX_SECONDS)
        fps = _number(p.get("fps", fps), f"phase {i} fps", 0, 10000)
        deadline = _number(p.get("deadlineMs", deadline), f"phase {i} deadlineMs", 0, 60000)
        q["fps"], q["deadlineMs"] = fps, deadline
        phases.append(q)
    trace["phases"] = phases
    return trace


def load(path):
    with open(path) as f:
        try:
            return normalise(json.load(f))
        except json.JSONDecodeError as e:
            raise TraceError(f"{path}: not JSON ({e})") from e


def effective_deadline_ms(phase):
    """The deadline frames of this phase are judged against: deadlineMs, or the frame period when 0."""
    if phase["deadlineMs"]:
        return phase["deadlineMs"]
    return 1000.0 / phase["fps"] if phase["fps"] else None


def schedule(trace, scale):
    """[(start, end, phase)] in seconds from the trace start."""
    t, out = 0.0, []
    for phase in trace["phases"]:
        d = phase["seconds"] * scale
        out.append((t, t + d, phase))
        t += d
    return out


def phase_at(sched, t):
    for start, end, phase in sched:
        if start <= t < end:
            return start, end, phase
    return None


def contention_at(phase, t_in_phase, scale):
    """The process counts in force t_in_phase seconds into the phase (bursts switch all of them on and off)."""
    counts = {k: phase[k] for k in CONTENTION_KEYS}
    on, off = phase.get("onSeconds"), phase.get("offSeconds")
    if on and off and (t_in_phase % ((on + off) * scale)) >= on * scale:
        return {k: 0 for k in CONTENTION_KEYS}
    return counts


def max_counts(phases):
    """Per contention kind, the most processes any of these phases (or count dicts) runs at once: what a run has to
    start before the trace (bursts only pause them)."""
    return {k: max([int(p.get(k, 0)) for p in phases] + [0]) for k in CONTENTION_KEYS}


def contention_key(counts):
    return ",".join(f"{k}={counts[k]}" for k in CONTENTION_KEYS if counts.get(k)) or "idle"


def onsets(trace, scale):
    """Trace times (s) where the contention grows or the deadline tightens: where a policy has to react."""
    out, before, deadline_before = [], {k: 0 for k in CONTENTION_KEYS}, None
    for start, end, phase in schedule(trace, scale):
        on, off = phase.get("onSeconds"), phase.get("offSeconds")
        starts = [start]
        if on and off:
            period = (on + off) * scale
            t = start + period
            while t < end - 1e-9:
                starts.append(t)
                t += period
        deadline = effective_deadline_ms(phase)
        for i, t in enumerate(starts):
            counts = contention_at(phase, t - start, scale)
            grew = any(counts[k] > before[k] for k in CONTENTION_KEYS)
            tighter = i == 0 and deadline_before is not None and deadline is not None and deadline < deadline_before
            if grew or tighter:
                out.append({"t": t, "phase": phase["name"], "cause": "deadline" if tighter and not grew else
                            contention_key(counts)})
            before = counts
            if on and off:
                before = {k: 0 for k in CONTENTION_KEYS}
        deadline_before = deadline
    return out
