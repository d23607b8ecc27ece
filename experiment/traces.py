"""Traces: a JSON file of phases, each with the contention it runs and the application's requirement.

A phase has `name` and `seconds`, and optionally `cpuHogs`, `memHogs`, `coRunner` (process counts; `hogs` is the
old name of `cpuHogs`), `onSeconds`/`offSeconds` (the contention comes and goes in bursts), `fps` and
`deadlineMs` (the camera's requirement from this phase on; missing = the one before). A phase without the new
keys has none of them, so the old batch-1 trace (contention.json: `targetMs` is its deadline, `fps` 0) keeps
working.

Several applications on one gateway: an optional `deployments` list, each entry `name`, `priority` (1-1000),
`itemsPerFrame`, `fps` (above 0), `deadlineMs` (0 = the frame period), optionally `policy` (default: the run's),
`accuracyFloor` (default: the trace's) and `phases`, per-phase overrides by phase name, e.g.
`{"burst": {"fps": 40, "deadlineMs": 25}}` (in force from that phase on, like a phase's own fps). The first entry
is the gateway's default deployment (io.dynofa.runtime, camera io.dynofa.demo); the others get their own
deployment and camera configurations. Such a trace gives fps, deadlines and items per frame per deployment only;
once normalised, its phases' fps / deadlineMs and its itemsPerFrame are the first deployment's, and each entry's
`requirements` lists the (fps, deadlineMs) in force per phase (deployment_view: the trace as that one
application sees it).
"""
import json
import re

CONTENTION_KEYS = ("cpuHogs", "memHogs", "coRunner")
MAX_PROCESSES = 8
MAX_SECONDS = 3600
MAX_DEPLOYMENTS = 4
DEPLOYMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # as the manager accepts a deployment name
DEPLOYMENT_KEYS = {"name", "priority", "itemsPerFrame", "fps", "deadlineMs", "policy", "accuracyFloor", "phases"}
POLICY_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
OVERRIDE_KEYS = {"fps", "deadlineMs"}
PER_DEPLOYMENT_KEYS = ("fps", "deadlineMs", "targetMs", "itemsPerFrame")


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
    if "deployments" in raw:
        _with_deployments(raw, trace)
    return trace


def _with_deployments(raw, trace):
    """Checks and completes trace["deployments"]; the phases' fps / deadlineMs become the first deployment's."""
    entries = raw["deployments"]
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_DEPLOYMENTS:
        raise TraceError(f"deployments must be a list of 1 to {MAX_DEPLOYMENTS} entries")
    given = [k for k in PER_DEPLOYMENT_KEYS if k in raw] + sorted(
        {f"phase {i} {k}" for i, p in enumerate(raw["phases"]) for k in ("fps", "deadlineMs") if k in p})
    if given:
        raise TraceError(f"a trace with deployments gives fps, deadlineMs and itemsPerFrame per deployment (and "
                         f"per-phase changes in a deployment's phases); found {', '.join(given)}")
    names = [p["name"] for p in trace["phases"]]
    out = []
    for i, e in enumerate(entries):
        if not isinstance(e, dict):
            raise TraceError(f"deployment {i} is not an object")
        name = e.get("name")
        if not isinstance(name, str) or not DEPLOYMENT_NAME.fullmatch(name):
            raise TraceError(f"deployment {i} name must be 1-64 letters, digits, '.', '_' or '-' (starting with a "
                             f"letter or digit), got {name!r}")
        what = f"deployment {name}"
        unknown = sorted(set(e) - DEPLOYMENT_KEYS)
        if unknown:
            raise TraceError(f"{what}: unknown key(s) {', '.join(unknown)} "
                             f"(known: {', '.join(sorted(DEPLOYMENT_KEYS))})")
        if name in [d["name"] for d in out]:
            raise TraceError(f"{what} is there twice")
        if i > 0 and name == "default":
            raise TraceError("only the first deployment is the gateway's default one: another may not be named "
                             "default")
        policy = e.get("policy")
        if policy is not None and (not isinstance(policy, str) or not POLICY_NAME.fullmatch(policy)):
            raise TraceError(f"{what}: policy must be a policy name, got {policy!r}")
        d = {"name": name, "priority": _integer(e.get("priority"), f"{what} priority", 1, 1000),
             "itemsPerFrame": _integer(e.get("itemsPerFrame"), f"{what} itemsPerFrame", 1, 4096),
             "fps": _number(e.get("fps"), f"{what} fps", 0, 10000),
             "deadlineMs": _number(e.get("deadlineMs", 0), f"{what} deadlineMs", 0, 60000),
             "policy": policy,
             "accuracyFloor": _number(e.get("accuracyFloor", trace["accuracyFloor"]), f"{what} accuracyFloor", 0,
                                      100),
             "phases": _overrides(e.get("phases", {}), what, names)}
        if not d["fps"]:
            raise TraceError(f"{what}: fps must be above 0 (a camera on a fixed arrival clock)")
        fps, deadline, requirements = d["fps"], d["deadlineMs"], []
        for phase in trace["phases"]:
            change = d["phases"].get(phase["name"], {})
            fps, deadline = change.get("fps", fps), change.get("deadlineMs", deadline)
            requirements.append({"fps": fps, "deadlineMs": deadline})
        d["requirements"] = requirements
        out.append(d)
    trace["deployments"] = out
    trace["itemsPerFrame"] = out[0]["itemsPerFrame"]
    for phase, r in zip(trace["phases"], out[0]["requirements"]):
        phase.update(r)


def _integer(value, what, low, high):
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise TraceError(f"{what} must be a whole number in [{low}, {high}], got {value!r}")
    return value


def _overrides(raw, what, phase_names):
    """A deployment's per-phase changes {phase name: {fps, deadlineMs}}, checked against the trace's phases."""
    if not isinstance(raw, dict):
        raise TraceError(f"{what}: phases must be an object of changes by phase name, got {raw!r}")
    out = {}
    for name, change in raw.items():
        if name not in phase_names:
            raise TraceError(f"{what}: phases names {name!r}, which is not a phase of the trace "
                             f"(phases: {', '.join(phase_names)})")
        if phase_names.count(name) > 1:
            raise TraceError(f"{what}: phases names {name!r}, which several phases of the trace are called")
        if not isinstance(change, dict) or not change or set(change) - OVERRIDE_KEYS:
            raise TraceError(f"{what}: the change in phase {name!r} must be an object with fps and/or deadlineMs, "
                             f"got {change!r}")
        out[name] = {}
        if "fps" in change:
            out[name]["fps"] = _number(change["fps"], f"{what} phase {name!r} fps", 0, 10000)
            if not out[name]["fps"]:
                raise TraceError(f"{what}: phase {name!r} fps must be above 0")
        if "deadlineMs" in change:
            out[name]["deadlineMs"] = _number(change["deadlineMs"], f"{what} phase {name!r} deadlineMs", 0, 60000)
    return out


def deployments(trace):
    """The trace's deployments (normalised); a trace without the list has none."""
    return trace.get("deployments") or []


def deployment_view(trace, i):
    """The trace as deployment i sees it: a single-application trace with its items per frame, accuracy floor and
    the fps / deadline it has in each phase (for the per-frame analysis and the oracle)."""
    d = trace["deployments"][i]
    view = {k: v for k, v in trace.items() if k != "deployments"}
    view.update(name=f"{trace['name']}/{d['name']}", itemsPerFrame=d["itemsPerFrame"],
                accuracyFloor=d["accuracyFloor"],
                phases=[dict(p, **r) for p, r in zip(trace["phases"], d["requirements"])])
    return view


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
