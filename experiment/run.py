"""./dynofa experiment [--trace FILE] [--quick] [--out DIR] [--policies a,b:k=v;k=v] [--set KEY=VALUE ...]
                     [--calibration-from REPORT.json] [--calibration-pins N] [--no-static]: see harness.py.

Runs every installed policy of --policies (paper-step as the baseline; --quick: slack-fit and paper-step), static
levels (largest, smallest and the best idle level; --quick: the largest only; --no-static: none), a calibration of
every level (--quick: every third one) under each phase's contention through the gateway (--calibration-from: the
one of an earlier report instead) and the oracle from it; writes experiment-<trace>[-quick].md, .json and .png.

A policy of --policies may carry properties of its own configuration, `NAME:key=value;key=value` (e.g.
`slack-fit:margin=0.85;upDwellMs=500`), written to its ConfigAdmin file in that run's runtime-config; the same
policy may appear several times with different properties (variants run side by side).

A trace with `deployments` (several applications on one gateway, e.g. models/traces/two-apps.json) runs as
apps_run.py says: per policy (default slack-fit) a joint-arbiter and an independent run, static runs, the oracle
over every deployment from a calibration of level vectors (--calibration-pins: pins per deployment).
"""
import argparse
import os
import re
import signal
import time

import analysis
import apps_run
import harness
import oracle
import report
import traces

QUICK_SCALE = 0.2
# --quick: the policy the frame workload is judged by and the paper's rule (the others with --policies)
QUICK_POLICIES = ("slack-fit", "paper-step")
BASELINES = ("paper-step",)
POLICY_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
PROPERTY_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_.]*")
PROPERTY_VALUE = re.compile(r"[A-Za-z0-9_.+-]+")
ARBITRATION_KEYS = ("arbiter", "margin", "cores", "claimMaxAgeMs")


def parse_policies(text):
    """--policies -> [(policy, {key: value} or None)] in order: `a,b:k=v;k2=v2`; ValueError on bad syntax, a
    property of a policy without a known configuration PID, or the same policy and properties twice."""
    out = []
    for entry in (e.strip() for e in text.split(",")):
        if not entry:
            continue
        name, colon, props = entry.partition(":")
        name = name.strip()
        if not POLICY_NAME.fullmatch(name):
            raise ValueError(f"--policies: {name!r} is not a policy name")
        config = None
        if colon:
            if name not in harness.POLICY_PIDS:
                raise ValueError(f"--policies: policy {name} has no known configuration PID for {props!r} "
                                 f"(known: {', '.join(sorted(harness.POLICY_PIDS))})")
            config = parse_properties(props, f"--policies: {entry!r}")
        if (name, config) in out:
            raise ValueError(f"--policies: {entry!r} is there twice")
        out.append((name, config))
    return out


def parse_properties(text, what):
    """`k=v;k2=v2` -> {k: v, k2: v2}; ValueError starting with `what` on bad syntax or a key set twice."""
    config = {}
    for prop in text.split(";"):
        key, eq, value = (s.strip() for s in prop.partition("="))
        if not eq or not PROPERTY_KEY.fullmatch(key) or not PROPERTY_VALUE.fullmatch(value):
            raise ValueError(f"{what}: {prop.strip()!r} is not key=value (key: letters, digits, '_' or '.'; value: "
                             "letters, digits or _ . + -)")
        if key in config:
            raise ValueError(f"{what} sets {key} twice")
        config[key] = value
    return config


def parse_arbitrations(texts):
    """--arbitration values -> [{key: value} or None] (None: the arbitration's defaults, the only one without the
    option), one joint-arbiter run each; ValueError on bad syntax, a key io.dynofa.arbitration does not have, or
    the same properties twice."""
    out = []
    for text in texts or [""]:
        config = parse_properties(text, f"--arbitration {text!r}") if text.strip() else None
        unknown = sorted(set(config or {}) - set(ARBITRATION_KEYS))
        if unknown:
            raise ValueError(f"--arbitration {text!r}: io.dynofa.arbitration has no {', '.join(unknown)} (keys: "
                             f"{', '.join(ARBITRATION_KEYS)})")
        if config in out:
            raise ValueError(f"--arbitration {text!r} is there twice")
        out.append(config)
    return out


def run_name(kind, policy, config):
    """`managed: slack-fit (margin=0.85, upDwellMs=500)`; without properties `managed: slack-fit`."""
    detail = f" ({', '.join(f'{k}={v}' for k, v in config.items())})" if config else ""
    return f"{kind}: {policy}{detail}"


def load_calibration(path, trace):
    """The calibration record (as harness.calibrate returns it, `from` = path) of an earlier report JSON;
    ValueError when it is unreadable, malformed or of another trace. A report from before the calibration
    gateway's levels were recorded has levels None, its calibrated levels those measured."""
    doc = report.read(path, trace)
    latencies = doc["calibration"]
    if not isinstance(latencies, dict) or not latencies or not all(
            isinstance(levels, dict) and all(isinstance(lid, str) and isinstance(ms, list) and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) for x in ms) for lid, ms in levels.items())
            for levels in latencies.values()):
        raise ValueError(f"--calibration-from {path}: its calibration is not {{condition: {{level: [ms]}}}}")
    measured = list(dict.fromkeys(lid for levels in latencies.values() for lid in levels))
    table = doc.get("calibrationLevels")
    if not (isinstance(table, list) and all(isinstance(l, dict) and isinstance(l.get("id"), str) for l in table)):
        table = None
    calibrated = doc.get("calibratedLevels")
    if not (isinstance(calibrated, list) and all(isinstance(lid, str) for lid in calibrated)):
        calibrated = measured
    frames = doc.get("calibrationFrames")
    if isinstance(frames, bool) or not isinstance(frames, int):
        frames = max((len(ms) for levels in latencies.values() for ms in levels.values()), default=0)
    return {"latencies": latencies, "levels": table, "calibrated": calibrated, "frames": frames, "from": path}


def stop_on_signal(signum, frame):
    raise SystemExit(128 + signum)  # the harness's finally blocks stop the gateway and the contention processes


def main():
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop_on_signal)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trace", default=os.path.join(harness.ROOT, "models", "traces", "frames.json"))
    ap.add_argument("--quick", action="store_true", help="phases scaled to a fifth, slack-fit and paper-step only, "
                    "one static run (< 4 minutes); a trace with deployments: every third level calibrated")
    ap.add_argument("--jar", default=harness.JAR, help="the runnable to run (default: the CPU one)")
    ap.add_argument("--out", default=os.path.join(harness.ROOT, "experiment", "results"))
    ap.add_argument("--policies", default=None,
                    help="policies to run, comma-separated (default: every shipped one; --quick: slack-fit and "
                         "paper-step), each optionally with properties of its configuration: "
                         "'slack-fit,slack-fit:margin=0.85;upDwellMs=500' (quote the ';'); the ones the runnable "
                         "does not carry are skipped")
    ap.add_argument("--calibration-frames", type=int, default=None,
                    help="frames per level and contention condition in the oracle's calibration")
    ap.add_argument("--calibration-from", metavar="REPORT.json", default=None,
                    help="take the oracle's calibration from an earlier report of the same trace (experiment-*.json) "
                         "instead of calibrating")
    ap.add_argument("--calibration-pins", type=int, default=None,
                    help="a trace with deployments: levels of each deployment the others are calibrated beside "
                         f"(default {apps_run.PINS}; --quick: {apps_run.QUICK_PINS})")
    ap.add_argument("--arbitration", action="append", default=None, metavar="KEY=VALUE;...",
                    help="a trace with deployments: properties of io.dynofa.arbitration (arbiter, margin, cores, "
                         "claimMaxAgeMs) for a joint-arbiter run, e.g. 'cores=2;margin=0.85' (quote the ';'); "
                         "repeatable, one joint run each ('' = the defaults; default: one run with the defaults)")
    ap.add_argument("--no-static", action="store_true", help="no static runs")
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
    several = bool(traces.deployments(trace))
    pins = args.calibration_pins or (apps_run.QUICK_PINS if args.quick else apps_run.PINS)
    if not 1 <= pins <= 8:
        ap.error("--calibration-pins must be 1-8")
    default_policies = apps_run.POLICIES if several else QUICK_POLICIES if args.quick else harness.POLICIES
    try:
        wanted = parse_policies(args.policies or ",".join(default_policies))
        arbitrations = parse_arbitrations(args.arbitration)
        calibration = None if not args.calibration_from else apps_run.load_calibration(args.calibration_from, trace) \
            if several else load_calibration(args.calibration_from, trace)
    except ValueError as e:
        ap.error(str(e))
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    log = lambda m: print(time.strftime("%H:%M:%S"), m, flush=True)  # noqa: E731
    harness.JAR = os.path.abspath(args.jar)
    if several:
        apps_run.main(trace, scale, wanted, arbitrations, calibration, cal_frames, pins, extra, args.no_static,
                      args.quick, args.out, run_name, log)
        return
    installed = harness.installed_policies(harness.JAR)
    for p in dict.fromkeys(p for p, _ in wanted):
        if p not in installed:
            log(f"policy {p}: not in the runnable, skipped")
    runs = []
    for p, config in [(p, c) for p, c in wanted if p in installed]:
        kind = "baseline" if p in BASELINES else "managed"
        harness.keep(runs, harness.run_once(run_name(kind, p, config), kind, trace, scale, p, None, log, extra, config),
                     log)
    if not runs:
        raise SystemExit("experiment: no policy ran")
    levels = runs[0]["levels"]
    ids = [l["id"] for l in levels]
    top1 = harness.manifest_top1()
    if calibration is None:
        def select(level_ids):  # --quick: every third level, the largest included
            return [lid for i, lid in enumerate(level_ids) if not args.quick or i % 3 == (len(level_ids) - 1) % 3]
        calibration = harness.calibrate(trace, oracle.conditions(trace), select, cal_frames, log)
    else:
        missing = [traces.contention_key(c) for c in oracle.conditions(trace)
                   if traces.contention_key(c) not in calibration["latencies"]]
        log(f"calibration from {calibration['from']}" + (f"; it lacks {', '.join(missing)}: the oracle has no "
                                                         "level in those phases" if missing else ""))
    if not args.no_static:
        idle_deadline = traces.effective_deadline_ms(trace["phases"][0]) or trace.get("targetMs")
        # the best idle level among those this run's table has (the calibration gateway's set can differ)
        idle = {lid: ms for lid, ms in calibration["latencies"].get("idle", {}).items() if lid in ids}
        best_idle, _ = oracle.choose(idle, top1, idle_deadline)
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
    rows.append(oracle.run(trace, scale, calibration["latencies"], top1))
    base = os.path.join(args.out, f"experiment-{trace['name']}{'-quick' if args.quick else ''}")
    report.plot(base + ".png", trace, scale, runs, rows, report.level_axis(runs, top1))
    gateway_levels = len(calibration["levels"]) if calibration["levels"] is not None else None
    notes = report.notes(trace, calibration["frames"], len(calibration["calibrated"]), gateway_levels,
                         calibration.get("from"))
    report.write_markdown(base + ".md", trace, scale, rows, os.path.basename(base) + ".png", notes)
    report.write_json(base + ".json", trace, scale, rows, runs, levels, calibration)
    with open(base + ".md") as f:
        print(f.read())
    log(f"wrote {base}.md, .json and .png in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
