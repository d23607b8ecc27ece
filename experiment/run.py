"""./dynofa experiment [--trace FILE] [--quick] [--out DIR] [--policies a,b] [--set KEY=VALUE ...]: see harness.py.

Runs every installed policy of --policies (paper-step as the baseline; --quick: slack-fit and paper-step), static levels (largest, smallest and the
best idle level; --quick: the largest only), a calibration of every level (--quick: every third one) under each
phase's contention through the gateway and the oracle from it; writes experiment-<trace>[-quick].md, .json and .png.
"""
import argparse
import os
import signal
import time

import analysis
import harness
import oracle
import report
import traces

QUICK_SCALE = 0.2
# --quick: the policy the frame workload is judged by and the paper's rule (the others with --policies)
QUICK_POLICIES = ("slack-fit", "paper-step")
BASELINES = ("paper-step",)


def stop_on_signal(signum, frame):
    raise SystemExit(128 + signum)  # the harness's finally blocks stop the gateway and the contention processes


def main():
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop_on_signal)
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--trace", default=os.path.join(harness.ROOT, "models", "traces", "frames.json"))
    ap.add_argument("--quick", action="store_true", help="phases scaled to a fifth, slack-fit and paper-step only, "
                    "one static run (< 4 minutes)")
    ap.add_argument("--jar", default=harness.JAR, help="the runnable to run (default: the CPU one)")
    ap.add_argument("--out", default=os.path.join(harness.ROOT, "experiment", "results"))
    ap.add_argument("--policies", default=None,
                    help="policies to run (default: every shipped one; --quick: slack-fit and paper-step); the ones "
                         "the runnable does not carry are skipped")
    ap.add_argument("--calibration-frames", type=int, default=None,
                    help="frames per level and contention condition in the oracle's calibration")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="another property of the runtime manager (io.dynofa.runtime) for every run, "
                         "e.g. keepWarmNeighbours=0; repeatable")
    args = ap.parse_args()
    for kv in args.set:
        if "=" not in kv or not kv.split("=", 1)[0].strip():
            ap.error(f"--set needs KEY=VALUE, got {kv!r}")
    extra = [kv.split("=", 1) for kv in args.set]
    try:
        trace = traces.load(args.trace)
    except (OSError, traces.TraceError) as e:
        ap.error(str(e))
    scale = QUICK_SCALE if args.quick else 1.0
    cal_frames = args.calibration_frames or (4 if args.quick else 12)
    if not 1 <= cal_frames <= 1000:
        ap.error("--calibration-frames must be 1-1000")
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    log = lambda m: print(time.strftime("%H:%M:%S"), m, flush=True)  # noqa: E731
    harness.JAR = os.path.abspath(args.jar)
    installed = harness.installed_policies(harness.JAR)
    chosen = args.policies or ",".join(QUICK_POLICIES if args.quick else harness.POLICIES)
    wanted = [p.strip() for p in chosen.split(",") if p.strip()]
    for p in wanted:
        if p not in installed:
            log(f"policy {p}: not in the runnable, skipped")
    runs = []
    for p in [p for p in wanted if p in installed]:
        kind = "baseline" if p in BASELINES else "managed"
        r = harness.run_once(f"{kind}: {p}", kind, trace, scale, p, None, log, extra)
        if r.get("skipped"):
            log(f"{p}: {r['skipped']}")
        else:
            runs.append(r)
    if not runs:
        raise SystemExit("experiment: no policy ran")
    levels = runs[0]["levels"]
    ids = [l["id"] for l in levels]
    top1 = harness.manifest_top1()
    calibrated = []

    def select(levels):  # --quick: every third level, the largest included
        calibrated[:] = [lid for i, lid in enumerate(levels) if not args.quick or i % 3 == (len(levels) - 1) % 3]
        return calibrated
    calibration = harness.calibrate(trace, oracle.conditions(trace), select, cal_frames, log)
    idle_deadline = traces.effective_deadline_ms(trace["phases"][0]) or trace.get("targetMs")
    best_idle, _ = oracle.choose(calibration["idle"], top1, idle_deadline)
    statics = [("largest", ids[-1])]
    if not args.quick:
        statics.append(("smallest", ids[0]))
        if best_idle not in (None, ids[0], ids[-1]):
            statics.append(("best idle", best_idle))
    for label, lid in statics:
        runs.append(harness.run_once(f"static {label}: {lid}", "static", trace, scale, "dynofa-step", lid, log,
                                     extra))
    rows = [analysis.summarise(r, trace, scale, top1) for r in runs]
    for row in rows:
        if row["kind"] == "static" and set(row["levels"]) - {row["pinned"]}:
            log(f"warning: {row['name']} served {sorted(row['levels'])}: the pin was refused (a level set that "
                "differs between gateway starts?)")
    rows.append(oracle.run(trace, scale, calibration, top1))
    base = os.path.join(args.out, f"experiment-{trace['name']}{'-quick' if args.quick else ''}")
    report.plot(base + ".png", trace, scale, runs, rows, ids)
    notes = report.notes(trace, cal_frames, len(calibrated), len(ids))
    report.write_markdown(base + ".md", trace, scale, rows, os.path.basename(base) + ".png", notes)
    report.write_json(base + ".json", trace, scale, rows, runs, levels, calibration)
    with open(base + ".md") as f:
        print(f.read())
    log(f"wrote {base}.md, .json and .png in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
