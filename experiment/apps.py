"""Runs of a trace with several deployments on one gateway, and the calibration of their level vectors.

A run starts the real gateway headless with every deployment of the trace configured (deployments.py: the first is
the default one), each with its camera and frame log, and io.dynofa.arbitration naming the run's arbiter (the
priority-weighted one with the run's other arbitration properties, or none). While the cameras send frames the
trace's contention runs (contention.py); when a phase changes a deployment's fps or deadline, its camera and manager
configurations are rewritten. The cameras' frame logs are the measurement, each deployment's 1-s lines its windows.
"""
import os
import time

import apps_oracle as ao
import deployments as dp
import frames as fr
import harness
import traces as tr

CALIBRATION_SETTLE_S = 1.5
# level tables a calibration plan is sized for before the gateway has said how many levels it serves
PLANNED_LEVELS = 15


def scratch_dir(trace, policies, pinned, arbitration, extra=(), policy_configs=None):
    """A run's working directory: every deployment's manager and camera configuration (policies, pinned: per
    deployment) as of the first phase, the arbitration's properties ({"arbiter": ""}: none), the policies' own
    configurations {policy: properties}."""
    work = harness.scratch_dir(tr.deployment_view(trace, 0), policies[0], pinned[0], extra)
    cfg = os.path.join(work, "runtime-config")
    for i in range(len(trace["deployments"])):
        harness.write_atomically(os.path.join(cfg, dp.runtime_file(trace, i)),
                                 dp.runtime_text(trace, i, 0, policies[i], pinned[i], extra))
        harness.write_atomically(os.path.join(cfg, dp.camera_file(trace, i)),
                                 dp.camera_text(trace, i, 0, os.path.join(work, dp.frame_log_name(trace, i))))
    harness.write_atomically(os.path.join(cfg, dp.ARBITRATION_FILE), dp.arbitration_text(arbitration))
    for policy, properties in (policy_configs or {}).items():
        harness.write_atomically(os.path.join(cfg, harness.POLICY_PIDS[policy] + ".cfg"),
                                 harness.policy_cfg(properties))
    return work


def frame_logs(trace, work):
    """{gateway deployment name: its camera's frame log}, the default deployment first."""
    return {dp.gateway_name(trace, i): os.path.join(work, dp.frame_log_name(trace, i))
            for i in range(len(trace["deployments"]))}


def await_level_tables(gw, gateway_names, wait_s=10.0):
    """{deployment: level ids} of this gateway (each deployment's table is logged once its family is resident),
    waiting up to wait_s for every deployment's."""
    give_up = time.time() + wait_s
    while True:
        tables = harness.level_tables(os.path.join(gw.work, "gateway.log"))
        if all(tables.get(g) for g in gateway_names) or time.time() > give_up:
            return {g: [level["id"] for level in tables.get(g, [])] for g in gateway_names}
        gw.sleep(harness.TICK)


def pins_here(pinned, level_ids, top1):
    """pinned (per deployment; None: not pinned) with a pin the deployment does not serve on this gateway (its
    levels are profiled at each start: the Pareto set can differ by a level) replaced by its level nearest in
    top-1; level_ids: per deployment."""
    return [p if not p or not ids or p in ids else min(ids, key=lambda i: (abs(top1.get(i, 0) - top1.get(p, 0)), i))
            for p, ids in zip(pinned, level_ids)]


def phase_index_at(sched, t):
    return next(i for i, (start, end, _) in enumerate(sched) if start <= t < end)


def run(name, kind, trace, scale, policies, pinned, arbitration, log, extra=(), policy_configs=None):
    """One gateway run of the trace with every deployment (policies, pinned: per deployment; arbitration: the
    properties of io.dynofa.arbitration, {"arbiter": ""} = none); per deployment its frames' raw lines aligned to
    the trace clock, its 1-s lines and level table; the requirement changes; or, when a deployment's policy is not
    the one in force, skipped."""
    ds = trace["deployments"]
    names = [d["name"] for d in ds]
    gateway_names = [dp.gateway_name(trace, i) for i in range(len(ds))]
    sched = tr.schedule(trace, scale)
    total = sched[-1][1]
    others = harness.start_contention(trace, trace["phases"], log)
    changes = []
    try:
        work = scratch_dir(trace, policies, pinned, arbitration, extra, policy_configs)
        gw = harness.Gateway(name, work, total + harness.MAX_WARM_UP_SECONDS, frame_logs(trace, work))
        try:
            gw.wait_ready()
            if any(pinned):
                ids = await_level_tables(gw, gateway_names)
                here = pins_here(pinned, [ids[g] for g in gateway_names], harness.manifest_top1())
                for i, (asked, got) in enumerate(zip(pinned, here)):
                    if asked != got:
                        log(f"{name}: {names[i]} does not serve {asked} on this gateway (profiled at each start, the "
                            f"Pareto set can differ by a level): pinned {got}, the nearest in top-1")
                        name = name.replace(f"{names[i]} {asked}", f"{names[i]} {got}")
                        gw.write_config(dp.runtime_file(trace, i),
                                        dp.runtime_text(trace, i, 0, policies[i], got, extra))
                pinned = here
            for i, g in enumerate(gateway_names):
                in_force = policies[i] if pinned[i] else gw.policy_in_force(policies[i], g)
                if in_force != policies[i]:
                    gw.stop()
                    gw.remove()
                    return {"name": name, "kind": kind, "skipped": f"deployment {names[i]}: policy {policies[i]} not "
                                                                   f"in force (it runs {in_force}; problems: "
                                                                   f"{gw.latest(g).get('problems')})"}
            gw.warm_up()
            t0 = time.time()
            first_lines = {g: len(gw.lines_of(g)) for g in gateway_names}
            in_force = [dp.requirement(trace, i, 0) for i in range(len(ds))]
            while True:
                t = time.time() - t0
                if t >= total:
                    break
                index = phase_index_at(sched, t)
                start, _, phase = sched[index]
                others.apply(tr.contention_at(phase, t - start, scale))
                for i, g in enumerate(gateway_names):
                    wanted = dp.requirement(trace, i, index)
                    if wanted != in_force[i]:
                        in_force[i] = wanted
                        gw.write_config(dp.runtime_file(trace, i),
                                        dp.runtime_text(trace, i, index, policies[i], pinned[i], extra))
                        gw.write_config(dp.camera_file(trace, i), dp.camera_text(trace, i, index, gw.tails[g].path))
                        changes.append({"t": round(t, 3), "phase": phase["name"], "deployment": names[i],
                                        "fps": wanted[0], "deadlineMs": wanted[1]})
                gw.sleep(harness.TICK)
        finally:
            gw.stop()
    finally:
        others.stop()
    tables = harness.level_tables(os.path.join(gw.work, "gateway.log"))
    out = []
    for i, g in enumerate(gateway_names):
        out.append({"deployment": names[i], "gateway": g, "priority": ds[i]["priority"],
                    "policy": None if pinned[i] else policies[i], "pinned": pinned[i],
                    "segments": gw.tails[g].aligned_lines(t0),
                    "windows": harness.one_second_windows(gw.lines_of(g), first_lines[g], total),
                    "levels": tables.get(g, [])})
    log(f"{name}: " + "; ".join(f"{d['deployment']} {sum(len(s[0]) for s in d['segments'])} frame-log lines"
                                for d in out) + f", {len(changes)} requirement change(s)")
    gw.remove()
    result = {"name": name, "kind": kind, "arbitration": dict(arbitration), "deployments": out, "changes": changes,
              "seconds": total}
    if policy_configs:
        result["policyConfig"] = dict(policy_configs)
    return result


def calibrate(trace, conditions, select, pin_count, frames_per_level, log, settle=CALIBRATION_SETTLE_S):
    """Per condition (apps_oracle.conditions: the contention running, each camera at its fps and deadline, so frames
    expire unsent as in the runs and a deployment's backlog does not load the other), per vector of apps_oracle.plan
    (every deployment's levels that select(level ids, fastest first) names, the others at pin_count pins each), each
    deployment's latencies of
    `frames_per_level` frames once every deployment serves its pinned level. Returns {"latencies": {condition:
    {vector: {deployment: [ms or None]}}}, "levels": {deployment: the gateway's level table}, "calibrated":
    {deployment: level ids}, "pins": {deployment: level ids}, "frames": frames_per_level}."""
    ds = trace["deployments"]
    names = [d["name"] for d in ds]
    gateway_names = [dp.gateway_name(trace, i) for i in range(len(ds))]
    planned = len(ds) * PLANNED_LEVELS * pin_count ** (len(ds) - 1)
    slowest = min(fps for _, requirements, _ in conditions for fps, _ in requirements)
    budget = len(conditions) * (settle + planned * (harness.PIN_TIMEOUT + 3 * (frames_per_level + 2) / slowest))
    others = harness.start_contention(trace, [c for c, _, _ in conditions], log)
    out = {}
    try:
        work = scratch_dir(trace, ["dynofa-step"] * len(ds), [None] * len(ds), {"arbiter": ""})
        gw = harness.Gateway("calibration", work, budget, frame_logs(trace, work))
        try:
            gw.wait_ready()
            ids = await_level_tables(gw, gateway_names)
            tables = harness.level_tables(os.path.join(gw.work, "gateway.log"))
            selected = [select(ids[g]) for g in gateway_names]
            if not all(selected):
                raise RuntimeError(f"calibration: a deployment has no levels to calibrate (see {gw.work}/gateway.log)")
            pins = [ao.pick_pins(s, pin_count) for s in selected]
            vectors = ao.plan(selected, pins)
            log(f"calibration: {len(vectors)} level vectors per condition, pins " + "; ".join(
                f"{n} {', '.join(p)}" for n, p in zip(names, pins)))
            for counts, requirements, index in conditions:
                key = ao.condition_key(counts, requirements)
                others.apply(counts)
                for i, g in enumerate(gateway_names):
                    gw.write_config(dp.camera_file(trace, i), dp.camera_text(trace, i, index, gw.tails[g].path))
                gw.sleep(settle if any(counts.values()) else 0)
                out[key] = {}
                for vector in vectors:
                    for i in range(len(ds)):
                        gw.write_config(dp.runtime_file(trace, i),
                                        dp.runtime_text(trace, i, index, "dynofa-step", vector[i]))
                    got = vector_latencies(gw, dict(zip(gateway_names, vector)), frames_per_level,
                                           min(fps for fps, _ in requirements))
                    out[key][ao.vector_key(vector)] = {n: got[g] for n, g in zip(names, gateway_names)}
                log(f"calibration {key}: {sum(1 for v in out[key].values() if all(v.values()))} of {len(vectors)} "
                    "vectors measured")
        finally:
            gw.stop()
    finally:
        others.stop()
    gw.remove()
    return {"latencies": out, "levels": {n: tables.get(g, []) for n, g in zip(names, gateway_names)},
            "calibrated": dict(zip(names, selected)), "pins": dict(zip(names, pins)), "frames": frames_per_level}


def vector_latencies(gw, pins, count, fps):
    """{deployment: latencies of its next `count` frames on its pinned level (None: dropped or failed)} counted
    once every deployment has served a frame on its pin (FileInstall polls every second), each frame the camera
    logs after that; within PIN_TIMEOUT plus three times the frames' span at fps, else what there is."""
    give_up = time.time() + harness.PIN_TIMEOUT + 3 * (count + 2) / fps
    marks = {g: gw.tails[g].mark() for g in pins}
    while not all(any(f.served and f.level == level for f in parsed(gw.tails[g].since(marks[g])))
                  for g, level in pins.items()):
        if time.time() > give_up:
            return {g: [] for g in pins}
        gw.sleep(harness.TICK)
    marks = {g: gw.tails[g].mark() for g in pins}
    got = {g: [] for g in pins}
    while any(len(ms) < count for ms in got.values()) and time.time() < give_up:
        gw.sleep(harness.TICK)
        got = {g: samples(gw.tails[g].since(marks[g]), level) for g, level in pins.items()}
    return {g: ms[:count] for g, ms in got.items()}


def parsed(lines):
    return [f for f in (fr.parse_line(line) for line in lines) if f is not None]


def samples(lines, level):
    """The latencies (ms) of the frames served on `level`, None for each frame dropped or failed, in log order."""
    return [f.latency_ms if f.served else None for f in parsed(lines)
            if (f.served and f.level == level and f.latency_ms is not None) or not f.served]
