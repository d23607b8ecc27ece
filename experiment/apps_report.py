"""The report (Markdown + JSON) and timeline plot (PNG, one panel per deployment) of a trace with several
deployments on one gateway, judged per frame and per deployment."""
import analysis
import report
import traces as tr
from report import fmt, pct

MISS_ROW = 0.8  # the timeline's rows of missed frames, in level rows


def describe_deployment(d, i):
    default = " (the gateway's default deployment)" if i == 0 else ""
    changes = "; ".join(f"from {name}: " + ", ".join(f"{k} {v:g}" for k, v in change.items())
                        for name, change in d["phases"].items())
    deadline = tr.effective_deadline_ms(d)
    policy = d["policy"] or "the run's"
    return (f"**{d['name']}**{default}: priority {d['priority']}, {d['itemsPerFrame']} items per frame at "
            f"{d['fps']:g} fps, deadline {fmt(deadline, 1)} ms, policy {policy}"
            + (f" ({changes})" if changes else ""))


def notes(trace, calibration):
    frames, pins = calibration.get("frames"), calibration.get("pins") or {}
    calibrated = calibration.get("calibrated") or {}
    source = f"; the calibration is taken from an earlier report, {calibration['from']}" if calibration.get("from") \
        else ""
    return [
        *report.FRAME_NOTES,
        "priority-weighted accuracy: the deployments' mean accuracies weighted by their priorities, "
        "sum(priority x mean accuracy) / sum(priority): what the joint arbiter maximises",
        "runs: joint arbiter = io.dynofa.arbitration with arbiter priority-weighted (its default margin and cores), "
        "each deployment deciding with its own policy; independent = the same policies with arbiter \"\" (each "
        "takes its own policy's proposal); static = every deployment pinned",
        "requirement changes (a deployment's per-phase fps or deadline): the harness rewrites that deployment's "
        "camera (fps, deadlineMs) and manager (targetLatencyMs, deadlineMs) configurations at the phase start; "
        "FileInstall applies them within its 1-s poll",
        "oracle (calibrated, not run): per phase the vector of levels, one per deployment, with the largest "
        "priority-weighted top-1 among those whose every deployment's calibrated p99 frame latency is within its "
        "deadline (none: every deployment's fastest level). Calibration: one gateway with every deployment, each "
        "camera at the phase's fps and deadline (a frame that expires unsent, as in the runs, is a miss), the "
        "levels pinned while each phase's "
        f"contention runs, {frames} frames per deployment and vector once all pins are in force. Not every vector "
        "is measured: each calibrated level of one deployment ("
        + "; ".join(f"{n}: {len(calibrated.get(n, []))}" for n in calibrated)
        + ") with every other deployment at each of its pins ("
        + "; ".join(f"{n}: {', '.join(p)}" for n, p in pins.items())
        + "); a vector not measured takes a deployment's latencies at its own level with the others rounded up "
        "to their next pin (an at least as heavy neighbour: the oracle errs towards more interference). Its share "
        f"within deadline is the calibrated share, its frames a phase's seconds times fps{source}",
        "every deployment has the accuracy floor its entry gives (default the trace's, "
        f"{trace['accuracyFloor']:g} %); static runs pin a level",
    ]


def write_markdown(path, trace, scale, rows, plot_name, notes_list):
    ds = trace["deployments"]
    with open(path, "w") as f:
        report.write_heading(f, "Several applications on one gateway", trace)
        f.write("Deployments: " + "; ".join(describe_deployment(d, i) for i, d in enumerate(ds)) + ".\n\n")
        f.write("Phases: " + "; ".join(f"{p['name']} ({', '.join(report.contention_parts(p, scale))})"
                                       for p in trace["phases"]) + ".\n\n")
        f.write("| run | kind | priority-weighted accuracy (%) | "
                + " | ".join(f"{d['name']}: within deadline | {d['name']}: mean accuracy (%)" for d in ds)
                + " |\n|---|---|---|" + "---|---|" * len(ds) + "\n")
        for r in rows:
            f.write(f"| {r['name']} | {r['kind']} | {fmt(r['priorityWeightedAccuracy'])} | " + " | ".join(
                f"{pct(e['framesWithinDeadline'])} | {fmt(e['meanAccuracy'])}" for e in r["deployments"]) + " |\n")
        f.write("\n## Per deployment\n\n| run | deployment | frames within deadline | p50 / p95 / p99 (ms) | items/s "
                "| mean accuracy (10k top-1, %) | switches | frames (late, dropped) |\n" + "|---" * 8 + "|\n")
        for r in rows:
            for e in r["deployments"]:
                f.write(f"| {r['name']} | {e['deployment']} | {pct(e['framesWithinDeadline'])} | "
                        f"{fmt(e.get('p50Ms'), 1)} / {fmt(e.get('p95Ms'), 1)} / {fmt(e.get('p99Ms'), 1)} | "
                        f"{fmt(e.get('itemsPerSecond'), 0)} | {fmt(e['meanAccuracy'])} | {e['switches']} | "
                        f"{e['frames']} ({e.get('late', '-')}, {e.get('dropped', '-')}) |\n")
        names = [p["name"] for p in trace["phases"]]
        f.write("\n## Per phase: frames within deadline / mean accuracy (%)\n\n| run | deployment | "
                + " | ".join(names) + " |\n|---|---|" + "---|" * len(names) + "\n")
        for r in rows:
            for e in r["deployments"]:
                f.write(f"| {r['name']} | {e['deployment']} | " + " | ".join(
                    f"{pct(p['framesWithinDeadline'])} / {fmt(p['meanAccuracy'])}"
                    + (f" ({p['level']})" if p.get("level") else "") for p in e["phases"]) + " |\n")
        f.write(f"\n![timeline]({plot_name})\n\n")
        for n in notes_list:
            f.write(f"- {n}\n")


def write_json(path, trace, scale, rows, runs, calibration):
    """rows: analysis.summarise_deployments' and the oracle's; runs: apps.run's (their windows and changes join the
    rows); calibration: apps.calibrate's record (`from` when taken from an earlier report)."""
    extra = {r["name"]: r for r in runs}
    out = []
    for row in rows:
        run = extra.get(row["name"], {})
        windows = {d["deployment"]: d.get("windows", []) for d in run.get("deployments", [])}
        entry = dict(row, changes=run.get("changes", []),
                     deployments=[dict(e, windows=windows.get(e["deployment"], [])) for e in row["deployments"]])
        if run.get("policyConfig"):
            entry["policyConfig"] = run["policyConfig"]
        out.append(entry)
    levels = {d["deployment"]: d["levels"] for d in runs[0]["deployments"]} if runs else {}
    doc = {"trace": trace, "scale": scale, "deployments": [
        {"name": d["name"], "gateway": "default" if i == 0 else d["name"], "priority": d["priority"]}
        for i, d in enumerate(trace["deployments"])], "levels": levels,
        "calibration": calibration["latencies"], "calibrationLevels": calibration.get("levels"),
        "calibratedLevels": calibration.get("calibrated"), "calibrationPins": calibration.get("pins"),
        "calibrationFrames": calibration.get("frames"), "runs": out}
    report.dump(path, doc, calibration)


def plot(path, trace, scale, runs, rows, top1):
    """Per deployment one panel: each run's serving level over the trace (the oracle's per phase, dashed), each
    run's missed frames (late, dropped, failed) as marks in its colour below, contention shaded."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    ds = trace["deployments"]
    sched = tr.schedule(trace, scale)
    total = sched[-1][1]
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    fig, axes = plt.subplots(len(ds), 1, figsize=(15, 3.8 * len(ds) + 0.8), sharex=True, squeeze=False)
    by_name = {r["name"]: r for r in runs}
    for i, (ax, d) in enumerate(zip(axes[:, 0], ds)):
        levels = report.level_axis([{"levels": r["deployments"][i]["levels"]} for r in runs], top1)
        index = {lid: k for k, lid in enumerate(levels)}
        for k, row in enumerate(rows):
            colour = colours[k % len(colours)]
            e = row["deployments"][i]
            label = f"{k + 1}. {row['name']}: {pct(e['framesWithinDeadline'])}, {fmt(e['meanAccuracy'])} %"
            if row["kind"] == "oracle":
                xs, ys = [], []
                for p in e["phases"]:
                    if p["level"] in index:
                        xs += [p["start"], p["end"]]
                        ys += [index[p["level"]]] * 2
                ax.plot(xs, ys, color="black", ls="--", lw=1.2, label=label)
                continue
            run = by_name[row["name"]]["deployments"][i]
            frames, _ = analysis.run_frames(run)
            frames = [f for f in frames if 0 <= f.t < total]
            served = [f for f in frames if f.served and f.level in index]
            ax.step([f.t for f in served], [index[f.level] for f in served], where="post", color=colour, lw=1,
                    label=label)
            missed = [f.t for f in frames if not f.within]
            ax.scatter(missed, [-1.0 - MISS_ROW * k] * len(missed), s=8, marker="x", color=colour)
        misses = [-1.0 - MISS_ROW * k for k, row in enumerate(rows) if row["kind"] != "oracle"]
        ax.set_yticks(list(range(len(levels))) + misses)
        ax.set_yticklabels(levels + [f"misses {k + 1}" for k in range(len(misses))], fontsize=6)
        ax.set_ylim(min(misses + [-1.0]) - 0.5, len(levels) - 0.5)
        ax.set_ylabel("level (x: missed frames)")
        for s, e_, p in sched:
            ax.axvline(s, color="grey", lw=0.5)
            if any(p[key] for key in tr.CONTENTION_KEYS):
                ax.axvspan(s, e_, color="orange", alpha=0.12, lw=0)
            ax.text((s + e_) / 2, 1.0, p["name"], transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=7)
        ax.set_title(f"{d['name']}: priority {d['priority']}, {d['itemsPerFrame']} items at {d['fps']:g} fps, "
                     f"deadline {fmt(tr.effective_deadline_ms(d), 1)} ms (frames within deadline, mean accuracy)",
                     fontsize=9, loc="left", pad=14)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="run: within deadline, accuracy "
                  "(misses k: run k's)", title_fontsize=7)
    axes[-1, 0].set_xlabel("trace time (s); shaded: contention")
    fig.suptitle(f"Dynofa, several applications on one gateway: trace {trace['name']}")
    fig.tight_layout(rect=(0, 0, 1, 1))
    fig.savefig(path, dpi=100)
    plt.close(fig)
