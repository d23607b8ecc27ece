"""./dynofa experiment [--trace FILE] [--quick] [--out DIR] [--policies a,b] [--set KEY=VALUE ...]: see harness.py."""
import argparse
import json
import os
import time

import harness
import report


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--trace", default=os.path.join(harness.ROOT, "models", "traces", "contention.json"))
    ap.add_argument("--quick", action="store_true", help="phases scaled to a third of their length")
    ap.add_argument("--out", default=os.path.join(harness.ROOT, "experiment", "results"))
    ap.add_argument("--policies", default=",".join(harness.POLICIES))
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="another property of the runtime manager (io.dynofa.runtime) for every run, "
                         "e.g. keepWarmNeighbours=0; repeatable")
    args = ap.parse_args()
    for kv in args.set:
        if "=" not in kv or not kv.split("=", 1)[0].strip():
            ap.error(f"--set needs KEY=VALUE, got {kv!r}")
    extra = [kv.split("=", 1) for kv in args.set]
    with open(args.trace) as f:
        trace = json.load(f)
    scale = 1 / 3 if args.quick else 1.0
    os.makedirs(args.out, exist_ok=True)
    log = lambda m: print(time.strftime("%H:%M:%S"), m, flush=True)  # noqa: E731
    runs = [harness.run_once(f"managed: {p}", trace, scale, p, None, log, extra) for p in args.policies.split(",")]
    levels = runs[0]["levels"]
    idle = [l for l in levels if l["latencyMs"] <= trace["targetMs"]]
    statics = [("largest", levels[-1]["id"]), ("smallest", levels[0]["id"])]
    if idle and idle[-1]["id"] not in (levels[-1]["id"], levels[0]["id"]):
        statics.append(("best for idle", idle[-1]["id"]))
    runs += [harness.run_once(f"static {label}: {lid}", trace, scale, "dynofa-step", lid, log, extra)
             for label, lid in statics]
    for r in runs:
        r["scale"] = scale
    sample = harness.sample_accuracy()
    rows = [harness.summarise(r, trace["targetMs"]) for r in runs]
    rows.append(harness.oracle(runs[0], trace["targetMs"], sample))
    base = os.path.join(args.out, f"experiment-{trace['name']}{'-quick' if args.quick else ''}")
    managed = [r for r in runs if r["name"].startswith("managed")] + [r for r in runs if "largest" in r["name"]]
    report.plot(base + ".png", trace, managed)
    notes = ["windows: the gateway's 1-second lines; a window meets the target when its windowed mean latency "
             "(latency monitor) is within it",
             "frame p95: end-to-end latency of every demo frame of the run (demo monitor); accuracy: the demo's "
             "top-1 on the labelled stream over the whole run",
             "oracle: per window, the most accurate level whose measured latency times that window's observed "
             "slowdown (from the named run) fits the target; its accuracy is those levels' manifest accuracy on "
             "the sample"]
    report.write_markdown(base + ".md", trace, scale, rows, os.path.basename(base) + ".png", notes)
    report.write_json(base + ".json", trace, scale, rows, runs)
    with open(base + ".md") as f:
        print(f.read())
    log(f"wrote {base}.md, .json and .png")


if __name__ == "__main__":
    main()
