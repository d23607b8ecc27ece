"""The experiment of a trace with several deployments (run.py hands it over when the trace has `deployments`):
per policy of --policies (default slack-fit) a joint-arbiter run (one per --arbitration) and an independent one,
static runs (every
deployment at its largest level, then at its smallest; --no-static: none), the calibration of level vectors
(--quick: every third level, two pins; --calibration-from: an earlier report's) and the oracle over all
deployments; writes experiment-<trace>[-quick].md, .json and .png (one panel per deployment)."""
import os
import time

import analysis
import apps
import apps_oracle
import apps_report
import deployments as dp
import harness
import report

POLICIES = ("slack-fit",)
PINS, QUICK_PINS = 3, 2


def is_vector_table(latencies, names):
    """{condition: {vector: {deployment: [ms or None]}}} over the deployments `names`."""
    return isinstance(latencies, dict) and bool(latencies) and all(
        isinstance(vectors, dict) and all(
            isinstance(key, str) and isinstance(per, dict) and set(per) <= set(names) and all(
                isinstance(ms, list) and all(x is None or (isinstance(x, (int, float)) and not isinstance(x, bool))
                                             for x in ms) for ms in per.values())
            for key, per in vectors.items()) for vectors in latencies.values())


def is_ids_by_deployment(value, names):
    return isinstance(value, dict) and set(value) == set(names) and all(
        isinstance(ids, list) and ids and all(isinstance(i, str) for i in ids) for ids in value.values())


def load_calibration(path, trace):
    """The calibration record (as apps.calibrate returns it, `from` = path) of an earlier report JSON of this
    trace; ValueError when it is unreadable, malformed, of another trace or of other deployments."""
    doc = report.read(path, trace)
    names = [d["name"] for d in trace["deployments"]]
    if not is_vector_table(doc["calibration"], names):
        raise ValueError(f"--calibration-from {path}: its calibration is not {{condition: {{vector: {{deployment: "
                         f"[ms]}}}}}} of the deployments {', '.join(names)}")
    for key in ("calibratedLevels", "calibrationPins"):
        if not is_ids_by_deployment(doc.get(key), names):
            raise ValueError(f"--calibration-from {path}: its {key} is not {{deployment: [level ids]}} of the "
                             f"deployments {', '.join(names)}")
    frames = doc.get("calibrationFrames")
    return {"latencies": doc["calibration"], "levels": doc.get("calibrationLevels"),
            "calibrated": doc["calibratedLevels"], "pins": doc["calibrationPins"],
            "frames": frames if isinstance(frames, int) and not isinstance(frames, bool) else None, "from": path}


def run_label(kind, trace, policies, config, run_name):
    """`joint arbiter: slack-fit`, or with deployments' own policies `joint arbiter: inspect slack-fit, sort
    paper-step`; run_name(kind, policy, config) adds a variant's properties."""
    if len(set(policies)) == 1:
        return run_name(kind, policies[0], config)
    return run_name(kind, ", ".join(f"{d['name']} {p}" for d, p in zip(trace["deployments"], policies)), config)


def joint_label(arbitration):
    """`joint arbiter`, with properties of the arbitration `joint arbiter (cores=2)`."""
    return "joint arbiter" + (f" ({', '.join(f'{k}={v}' for k, v in arbitration.items())})" if arbitration else "")


def main(trace, scale, wanted, arbitrations, calibration, cal_frames, pin_count, extra, no_static, quick, out_dir,
         run_name, log):
    """wanted: [(policy, properties or None)]; arbitrations: [io.dynofa.arbitration properties or None], a joint run
    each; calibration: an earlier report's record or None."""
    started = time.time()
    ds = trace["deployments"]
    installed = harness.installed_policies(harness.JAR)
    runs = []
    for policy, config in wanted:
        policies = dp.policies_of(trace, policy)
        missing = sorted(set(p for p in policies if p not in installed))
        if missing:
            log(f"policy {', '.join(missing)}: not in the runnable, runs with {policy} skipped")
            continue
        configs = {policy: config} if config else None
        variants = [("joint", dict(dp.JOINT_ARBITRATION, **(a or {})), joint_label(a)) for a in arbitrations]
        for kind, arbitration, label in variants + [("independent", {"arbiter": ""}, "independent")]:
            harness.keep(runs, apps.run(run_label(label, trace, policies, config, run_name), kind, trace, scale,
                                        policies, [None] * len(ds), arbitration, log, extra, configs), log)
    if not runs:
        raise SystemExit("experiment: no policy ran")
    ids = [[level["id"] for level in d["levels"]] for d in runs[0]["deployments"]]
    if not all(ids):
        raise SystemExit("experiment: a deployment's level table is not in the gateway's log")
    top1 = harness.manifest_top1()
    if calibration is None:
        def select(level_ids):  # --quick: every third level, the largest included
            return [lid for i, lid in enumerate(level_ids) if not quick or i % 3 == (len(level_ids) - 1) % 3]
        calibration = apps.calibrate(trace, apps_oracle.conditions(trace), select, pin_count, cal_frames, log)
    else:
        missing = [apps_oracle.condition_key(c, r) for c, r, _ in apps_oracle.conditions(trace)
                   if apps_oracle.condition_key(c, r) not in calibration["latencies"]]
        log(f"calibration from {calibration['from']}" + (f"; it lacks {', '.join(missing)}: the oracle has no "
                                                         "levels in those phases" if missing else ""))
    if not no_static:
        for label, pick in (("largest", -1), ("smallest", 0)):
            pins = [level_ids[pick] for level_ids in ids]
            runs.append(apps.run(f"static {label}: " + ", ".join(f"{d['name']} {p}" for d, p in zip(ds, pins)),
                                 "static", trace, scale, ["dynofa-step"] * len(ds), pins, {"arbiter": ""}, log,
                                 extra))
    rows = [analysis.summarise_deployments(r, trace, scale, top1) for r in runs]
    for row in rows:
        for e in row["deployments"]:
            if row["kind"] == "static" and set(e["levels"]) - {e["pinned"]}:
                log(f"warning: {row['name']}: {e['deployment']} served {sorted(e['levels'])}: the pin was refused")
    rows.append(apps_oracle.run(trace, scale, calibration, top1))
    base = os.path.join(out_dir, f"experiment-{trace['name']}{'-quick' if quick else ''}")
    apps_report.plot(base + ".png", trace, scale, runs, rows, top1)
    apps_report.write_markdown(base + ".md", trace, scale, rows, os.path.basename(base) + ".png",
                               apps_report.notes(trace, calibration))
    apps_report.write_json(base + ".json", trace, scale, rows, runs, calibration)
    with open(base + ".md") as f:
        print(f.read())
    log(f"wrote {base}.md, .json and .png in {time.time() - started:.0f} s")
