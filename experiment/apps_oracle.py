"""The oracle over several deployments: per phase the vector of levels (one per deployment) with the largest
priority-weighted top-1 among those whose every deployment's calibrated p99 frame latency is within its deadline.

Its input is a calibration (apps.calibrate): per condition (a phase's contention and every deployment's fps and
deadline, condition_key), per measured vector of pinned levels (vector_key), each deployment's frame latencies in ms
(None: a frame that was dropped or failed, a miss). Measuring every vector is out of bounds (15 levels each: 225
pairs per condition), so the approximation is: a few levels of each deployment are its pins (pick_pins: the fastest, the
largest and evenly between); every calibrated level of one deployment is measured with each other deployment at
each of its pins (plan). A deployment's latency at a vector is the measurement at exactly that vector when there is
one, else the one at its own level with every other deployment rounded up to its next pin: at least as slow a
neighbour, so the estimate errs towards more interference. The oracle is not run: a deployment's share within its
deadline is its calibrated share at the chosen vector, its frames the phase's seconds times its fps.
"""
import itertools
import math

import frames as fr
import oracle
import traces as tr

MAX_VECTORS = 200_000


def requirements_at(trace, i):
    """((fps, effective deadline ms) per deployment) in phase i."""
    return tuple((r["fps"], tr.effective_deadline_ms(r)) for r in (d["requirements"][i] for d in trace["deployments"]))


def condition_key(counts, requirements):
    """`cpuHogs=2 @ 20/10 fps, 50/100 ms`: the contention and each deployment's fps and deadline (the fps set how
    the levels interfere, the deadlines which frames expire unsent)."""
    fps = "/".join(f"{f:g}" for f, _ in requirements)
    deadlines = "/".join(f"{d:g}" for _, d in requirements)
    return f"{tr.contention_key(counts)} @ {fps} fps, {deadlines} ms"


def conditions(trace):
    """[(contention counts, requirements_at, index of the first phase with them)] in trace order, each once."""
    out, seen = [], set()
    for i, phase in enumerate(trace["phases"]):
        counts = {k: phase[k] for k in tr.CONTENTION_KEYS}
        requirements = requirements_at(trace, i)
        key = condition_key(counts, requirements)
        if key not in seen:
            seen.add(key)
            out.append((counts, requirements, i))
    return out


def pick_pins(level_ids, count):
    """count levels spread evenly over level_ids (fastest first), the fastest and the largest among them; the
    largest alone when count is 1."""
    n = len(level_ids)
    if count >= n:
        return list(level_ids)
    if count <= 1:
        return list(level_ids[-1:])
    return [level_ids[i] for i in sorted({round(k * (n - 1) / (count - 1)) for k in range(count)})]


def plan(selected, pins):
    """The vectors to measure (tuples of level ids in deployment order): every selected level of each deployment
    with the others at each combination of their pins, each vector once; consecutive vectors change one
    deployment's level."""
    out, seen = [], set()
    for d in range(len(selected)):
        others = [[None] if e == d else pins[e] for e in range(len(selected))]
        for combo in itertools.product(*others):
            for level in selected[d]:
                vector = tuple(level if e == d else combo[e] for e in range(len(selected)))
                if vector not in seen:
                    seen.add(vector)
                    out.append(vector)
    return out


def vector_key(vector):
    return "|".join(vector)


def pin_up(level, selected, pins):
    """The first of pins at or after level in selected's order (fastest first); the last pin when there is none
    or level is not a selected one."""
    at = selected.index(level) if level in selected else len(selected)
    return next((p for p in pins if p in selected and selected.index(p) >= at), pins[-1])


def latencies_at(condition, vector, d, name, selected, pins):
    """Deployment d's (named name) calibrated latencies at vector: measured at exactly that vector, else with the
    others rounded up to their pins; None when not measured."""
    exact = (condition.get(vector_key(vector)) or {}).get(name)
    if exact:
        return exact
    rounded = tuple(v if e == d else pin_up(v, selected[e], pins[e]) for e, v in enumerate(vector))
    return (condition.get(vector_key(rounded)) or {}).get(name) or None


def p99(latencies):
    """Nearest-rank p99 with a frame not served counted infinitely slow."""
    return fr.percentile([math.inf if x is None else x for x in latencies], 99)


def share_within(latencies, deadline_ms):
    return sum(1 for x in latencies if x is not None and x <= deadline_ms) / len(latencies)


def choose(condition, names, priorities, deadlines, selected, pins, top1):
    """(vector, [latencies per deployment]) with the largest sum of priority x top-1 among the vectors of selected
    levels whose every deployment's p99 is within its deadline (ties: the smaller sum of medians); none fitting:
    each deployment's fastest level; (None, None) when that is not measured."""
    space = [[lid for lid in s if lid in top1] for s in selected]
    if not all(space) or math.prod(len(s) for s in space) > MAX_VECTORS:
        return None, None
    best = None
    for vector in itertools.product(*space):
        lats = [latencies_at(condition, vector, d, names[d], selected, pins) for d in range(len(vector))]
        if not all(lats) or any(p99(ms) > deadlines[d] for d, ms in enumerate(lats)):
            continue
        rank = (sum(p * top1[lid] for p, lid in zip(priorities, vector)),
                -sum(fr.percentile(ms, 50) for ms in ([x for x in m if x is not None] for m in lats)))
        if best is None or rank > best[0]:
            best = (rank, vector, lats)
    if best is not None:
        return best[1], best[2]
    fastest = tuple(s[0] for s in space)
    lats = [latencies_at(condition, fastest, d, names[d], selected, pins) for d in range(len(fastest))]
    return (fastest, lats) if all(lats) else (None, None)


def priority_weighted(pairs):
    """sum(priority x accuracy) / sum(priority) over (priority, accuracy) pairs; None when one is unknown."""
    pairs = list(pairs)
    if not pairs or any(a is None for _, a in pairs):
        return None
    return sum(p * a for p, a in pairs) / sum(p for p, _ in pairs)


def run(trace, scale, calibration, top1):
    """The oracle's run entry (the fields of a measured run's) from a calibration record (apps.calibrate's:
    latencies, calibrated levels and pins per deployment)."""
    ds = trace["deployments"]
    names = [d["name"] for d in ds]
    selected = [calibration["calibrated"].get(n) or [] for n in names]
    pins = [calibration["pins"].get(n) or s[-1:] for n, s in zip(names, selected)]
    phases = [[] for _ in ds]
    for index, (start, end, phase) in enumerate(tr.schedule(trace, scale)):
        requirements = requirements_at(trace, index)
        key = condition_key({k: phase[k] for k in tr.CONTENTION_KEYS}, requirements)
        deadlines = [deadline for _, deadline in requirements]
        vector, lats = choose(calibration["latencies"].get(key) or {}, names, [d["priority"] for d in ds],
                              deadlines, selected, pins, top1)
        for i, d in enumerate(ds):
            level = vector[i] if vector else None
            share = share_within(lats[i], deadlines[i]) if vector else None
            phases[i].append(oracle.phase_entry(phase["name"], start, end, key, level, share,
                                                lats[i] if vector else None, requirements[i][0],
                                                d["itemsPerFrame"], top1))
    entries = [{"deployment": d["name"], "priority": d["priority"], **oracle.summary(p)} for d, p in zip(ds, phases)]
    return {"name": "oracle (calibrated)", "kind": "oracle", "deployments": entries,
            "priorityWeightedAccuracy": priority_weighted((e["priority"], e["meanAccuracy"]) for e in entries)}
