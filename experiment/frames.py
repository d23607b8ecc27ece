"""The demo camera's frame log, judged per frame: parsing, per-phase statistics, reaction times.

One JSON line per frame (times: nanoTime relative to the camera start):
{"frame":n,"arrivalNs":..,"startNs":..,"endNs":..,"deadlineMs":..,"level":"ofa-12","backend":"cpu","items":K,
 "correct":k,"outcome":"ok"|"late"|"dropped"|"failed","reason":...}
A frame is within its deadline when its outcome is "ok"; late, dropped and failed frames are misses.
"""
import json
import math

OUTCOMES = ("ok", "late", "dropped", "failed")
SERVED = ("ok", "late")


class Frame:
    __slots__ = ("n", "t", "latency_ms", "deadline_ms", "level", "items", "correct", "outcome")

    def __init__(self, n, t, latency_ms, deadline_ms, level, items, correct, outcome):
        self.n, self.t, self.latency_ms, self.deadline_ms = n, t, latency_ms, deadline_ms
        self.level, self.items, self.correct, self.outcome = level, items, correct, outcome

    @property
    def within(self):
        return self.outcome == "ok"

    @property
    def served(self):
        return self.outcome in SERVED


def _int(d, key):
    v = d.get(key)
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def parse_line(line, offset_s=0.0):
    """One frame-log line -> Frame with t = arrival in trace seconds (camera time - offset_s); None if unusable."""
    try:
        d = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(d, dict) or d.get("outcome") not in OUTCOMES or _int(d, "arrivalNs") is None:
        return None
    arrival, end = d["arrivalNs"], _int(d, "endNs")
    latency = (end - arrival) / 1e6 if end is not None and d["outcome"] in SERVED else None
    deadline = d.get("deadlineMs")
    deadline = float(deadline) if isinstance(deadline, (int, float)) and not isinstance(deadline, bool) else None
    level = d.get("level") if isinstance(d.get("level"), str) else None
    return Frame(_int(d, "frame"), arrival / 1e9 - offset_s, latency, deadline, level,
                 _int(d, "items") or 0, _int(d, "correct") or 0, d["outcome"])


def parse(lines, offset_s=0.0):
    """Frames of a log (bad lines skipped and counted), ordered by arrival: (frames, skipped)."""
    frames, skipped = [], 0
    for line in lines:
        if not line.strip():
            continue
        f = parse_line(line, offset_s)
        if f is None:
            skipped += 1
        else:
            frames.append(f)
    frames.sort(key=lambda f: f.t)
    return frames, skipped


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a non-empty list; None when empty."""
    if not values:
        return None
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(q / 100.0 * len(s)) - 1))]


def switches(frames):
    levels = [f.level for f in frames if f.served and f.level]
    return sum(1 for a, b in zip(levels, levels[1:]) if a != b)


def stats(frames, seconds, top1):
    """Frame statistics of a span of `seconds`: share within deadline, latency percentiles, items/s, accuracy."""
    offered = len(frames)
    served = [f for f in frames if f.served]
    latencies = [f.latency_ms for f in served if f.latency_ms is not None]
    weighted = [top1[f.level] for f in served if f.level in top1]
    items = sum(f.items for f in served)
    counts = {o: sum(1 for f in frames if f.outcome == o) for o in OUTCOMES}
    levels = {}
    for f in served:
        levels[f.level] = levels.get(f.level, 0) + 1
    return {
        "frames": offered,
        "framesWithinDeadline": counts["ok"] / offered if offered else None,
        "late": counts["late"], "dropped": counts["dropped"], "failed": counts["failed"],
        "p50Ms": percentile(latencies, 50), "p95Ms": percentile(latencies, 95), "p99Ms": percentile(latencies, 99),
        "itemsPerSecond": items / seconds if seconds > 0 else None,
        "meanAccuracy": sum(weighted) / len(weighted) if weighted else None,
        "streamAccuracy": 100.0 * sum(f.correct for f in served) / items if items else None,
        "switches": switches(frames),
        "levels": levels,
    }


def in_span(frames, start, end):
    return [f for f in frames if start <= f.t < end]


def reaction(frames, onset_t, end_t, window_s=1.0, step_s=0.1):
    """After an onset: ms to the first frame served on another level than the last one before the onset (the
    first decision that moves), and ms to the start of the first window_s window in which every frame arrived is
    within its deadline (0 = never missed); None when it does not happen before end_t. When the frames' deadline
    tightens after onset_t (a requirement change, which reaches the camera through FileInstall's poll), both count
    from the first frame that carries the tighter deadline, and appliedMs says how long after onset_t that was."""
    before = [f for f in frames if f.t < onset_t and f.served and f.level]
    after = [f for f in frames if onset_t <= f.t < end_t]
    out = {}
    last_deadline = next((f.deadline_ms for f in reversed(before) if f.deadline_ms), None)
    if last_deadline:
        tighter = next((f for f in after if f.deadline_ms and f.deadline_ms < last_deadline - 1e-9), None)
        if tighter is not None:
            out["appliedMs"] = round((tighter.t - onset_t) * 1000.0, 1)
            onset_t = tighter.t
            after = [f for f in after if f.t >= onset_t]
    moved = None
    if before:
        first = next((f for f in after if f.served and f.level and f.level != before[-1].level), None)
        moved = None if first is None else round((first.t - onset_t) * 1000.0, 1)
    recovered, t = None, onset_t
    while t + window_s <= end_t + 1e-9:
        window = [f for f in after if t <= f.t < t + window_s]
        if window and all(f.within for f in window):
            recovered = round((t - onset_t) * 1000.0, 1)
            break
        t += step_s
    out.update({"moveMs": moved, "backWithinDeadlineMs": recovered})
    return out


def windows(frames, end_t, window_s=1.0):
    """Per window_s window from 0: (start, share within deadline or None, p95 latency ms or None)."""
    out, t = [], 0.0
    while t < end_t - 1e-9:
        w = in_span(frames, t, t + window_s)
        lat = [f.latency_ms for f in w if f.latency_ms is not None]
        out.append((t, sum(1 for f in w if f.within) / len(w) if w else None, percentile(lat, 95)))
        t += window_s
    return out
