"""The oracle: per phase, the most accurate level meeting the deadline under that phase's contention.

Its input is a calibration: per contention condition (traces.contention_key), per level, frame latencies (ms) measured
through the gateway with the level pinned while that condition runs (harness.calibrate).
A level meets a deadline when the calibrated p99 (nearest rank: the slowest of a short calibration) is within it.
The oracle is not run: its share of frames within deadline is the chosen level's calibrated share within the
deadline, its frames the phase's seconds times its fps.
"""
import frames as fr
import traces as tr


def choose(latencies, top1, deadline_ms):
    """(level id, calibrated share within the deadline) of the most accurate level whose p99 fits; the fastest
    level (lowest median) when none does; (None, None) without measurements."""
    measured = {lid: ms for lid, ms in latencies.items() if ms and lid in top1}
    if not measured:
        return None, None
    fits = [lid for lid, ms in measured.items() if fr.percentile(ms, 99) <= deadline_ms]
    if fits:
        best = max(fits, key=lambda lid: (top1[lid], -fr.percentile(latencies[lid], 50)))
    else:
        best = min(measured, key=lambda lid: fr.percentile(measured[lid], 50))
    ms = latencies[best]
    return best, sum(1 for x in ms if x <= deadline_ms) / len(ms)


def run(trace, scale, calibration, top1):
    """The oracle's run entry (same fields as a measured run's) from a calibration."""
    phases = []
    for start, end, phase in tr.schedule(trace, scale):
        key = tr.contention_key({k: phase[k] for k in tr.CONTENTION_KEYS})
        deadline = tr.effective_deadline_ms(phase)
        level, share = choose(calibration.get(key) or {}, top1, deadline) if deadline else (None, None)
        lats = calibration[key][level] if level is not None else None
        phases.append(phase_entry(phase["name"], start, end, key, level, share, lats, phase["fps"],
                                  trace["itemsPerFrame"], top1))
    return {"name": "oracle (calibrated)", "kind": "oracle", **summary(phases)}


def phase_entry(name, start, end, key, level, share, latencies, fps, items_per_frame, top1):
    """The oracle's entry for one phase: `level` (None: no calibrated level) with its calibrated share within the
    deadline, its frames the phase's seconds times fps; latencies: that level's calibrated ones (None = a frame
    that was not served)."""
    if level is None:
        return {"name": name, "start": start, "end": end, "level": None, "frames": 0, "framesWithinDeadline": None,
                "meanAccuracy": None, "switches": 0, "calibration": key}
    served = [x for x in latencies if x is not None]
    frames = round((end - start) * fps) if fps else 0
    return {"name": name, "start": start, "end": end, "level": level, "frames": frames,
            "framesWithinDeadline": share, "meanAccuracy": top1[level], "switches": 0, "calibration": key,
            "p50Ms": fr.percentile(served, 50), "p95Ms": fr.percentile(served, 95),
            "p99Ms": fr.percentile(served, 99), "itemsPerSecond": share * frames * items_per_frame / (end - start)}


def summary(phases):
    """frames, itemsPerSecond, framesWithinDeadline, meanAccuracy (phases weighted by frames), switches, phases."""
    known = [p for p in phases if p["frames"] and p["framesWithinDeadline"] is not None]
    total = sum(p["frames"] for p in known)
    levels = [p["level"] for p in phases if p["level"]]
    seconds = sum(p["end"] - p["start"] for p in phases)
    return {"frames": total,
            "itemsPerSecond": sum(p.get("itemsPerSecond", 0) * (p["end"] - p["start"]) for p in phases) / seconds,
            "framesWithinDeadline": sum(p["framesWithinDeadline"] * p["frames"] for p in known) / total if total
            else None,
            "meanAccuracy": sum(p["meanAccuracy"] * p["frames"] for p in known) / total if total else None,
            "switches": sum(1 for a, b in zip(levels, levels[1:]) if a != b), "phases": phases}


def conditions(trace):
    """The contention conditions a calibration has to measure, in trace order (idle first)."""
    out = [{k: 0 for k in tr.CONTENTION_KEYS}]
    for phase in trace["phases"]:
        counts = {k: phase[k] for k in tr.CONTENTION_KEYS}
        if tr.contention_key(counts) not in [tr.contention_key(c) for c in out]:
            out.append(counts)
    return out
