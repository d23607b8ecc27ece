"""The experiment's report (Markdown + JSON) and timeline plot (PNG), judged per frame."""
import json

import analysis
import traces as tr


def fmt(v, digits=2):
    return "-" if v is None else f"{v:.{digits}f}" if isinstance(v, float) else str(v)


def pct(v, digits=1):
    return "-" if v is None else f"{100.0 * v:.{digits}f}%"


def contention_parts(p, scale):
    """A phase's length and contention in words."""
    parts = [f"{p['seconds'] * scale:g} s"]
    parts += [f"{p[k]} {label}" for k, label in (("cpuHogs", "CPU hog(s)"), ("memHogs", "memory hog(s)"),
                                                 ("coRunner", "co-running DNN app(s)")) if p[k]]
    if p.get("onSeconds"):
        parts.append(f"bursts {p['onSeconds']:g} s on / {p['offSeconds']:g} s off")
    return parts


def describe_phase(p, scale):
    parts = contention_parts(p, scale)
    deadline = tr.effective_deadline_ms(p)
    parts.append(f"{p['fps']:g} fps, deadline {fmt(deadline, 1)} ms")
    return f"{p['name']} ({', '.join(parts)})"


def calibrated_levels_phrase(calibrated, gateway_levels):
    """How many levels the calibration pinned, against the calibration gateway's own level set (profiled at its
    start: it can differ by a level from a run's)."""
    if not gateway_levels:
        return f"each of {calibrated} levels of the calibration gateway"
    if calibrated >= gateway_levels:
        return f"each of the calibration gateway's {gateway_levels} levels"
    return f"{calibrated} of the calibration gateway's {gateway_levels} levels"


FRAME_NOTES = (
    "frames within deadline: frames whose outcome is ok over frames offered (arrived) in the span; late, "
    "dropped and failed frames are misses. Frames arriving during the 2-s warm-up before the trace and "
    "after its end are not counted",
    "latency p50/p95/p99: arrival to result of the served (ok or late) frames; items/s: items of served "
    "frames per second of the span",
    "mean accuracy: the manifest's 10k test-set top-1 of the level that served each frame, weighted by "
    "frames (not the shipped sample's sampleTop1, 1-2.7 points higher); stream accuracy: correct / items "
    "on the labelled sample the camera replays",
    "contention: every process a run needs (CPU hogs, memory hogs, co-runners) is started and initialised "
    "before its gateway starts (a memory hog's array allocated and swept once, a co-runner's first batch run) "
    "and paused; at phase boundaries the harness releases (SIGCONT) and pauses (SIGSTOP) them, so an onset is "
    "the moment the contending work begins, not a process start",
)
REQUIREMENT_NOTE = ("requirement changes: the harness rewrites the camera's configuration (fps, deadlineMs) and the "
                    "runtime's targetLatencyMs at the phase start; FileInstall applies them within its 1-s poll")


def notes(trace, calibration_frames, calibrated, gateway_levels, calibration_from=None):
    """The report's notes; calibrated / gateway_levels: the levels the calibration pinned and the size of the
    calibration gateway's level table (None when unknown: a report from before it was recorded)."""
    source = f"; the calibration is taken from an earlier report, {calibration_from}" if calibration_from else ""
    return [
        *FRAME_NOTES,
        "reaction per onset (contention grows or the deadline tightens): move = onset to the first frame served on "
        "another level than the last one before the onset (the first decision that moves, plus at most a frame); "
        "back = onset to the start of the first 1-s window (0.1-s steps) whose frames are all within deadline "
        "(0 = never missed; - = not within the phase)",
        REQUIREMENT_NOTE,
        f"oracle (calibrated, not run): per phase the most accurate level whose p99 frame latency is within the "
        f"phase's deadline, measured in a calibration run of the gateway (levels are profiled at each gateway "
        f"start, so its set can differ by a level from a run's): "
        f"{calibrated_levels_phrase(calibrated, gateway_levels)} pinned in turn for {calibration_frames} frames of "
        f"{trace['itemsPerFrame']} items (camera at 10 fps, so frames do not wait) while each phase's contention "
        f"runs; its share within deadline is that level's calibrated share, its frames the phase's seconds times "
        f"fps{source}",
        f"every run has the accuracy floor {trace['accuracyFloor']:g} % (static runs pin a level)",
    ]


def write_heading(f, title, trace):
    """The report's title (`title: trace NAME`), then the trace's description and sizing."""
    f.write(f"# {title}: trace `{trace['name']}`\n\n")
    if trace.get("description"):
        f.write(trace["description"] + "\n\n")
    if trace.get("sizing"):
        f.write(f"Sizing: {trace['sizing']}\n\n")


def write_markdown(path, trace, scale, rows, plot_name, notes_list):
    with open(path, "w") as f:
        write_heading(f, "Adaptation judged per frame", trace)
        f.write(f"{trace['itemsPerFrame']} items per frame; phases: "
                + "; ".join(describe_phase(p, scale) for p in trace["phases"]) + ".\n\n")
        f.write("| run | kind | frames within deadline | p50 / p95 / p99 (ms) | items/s | mean accuracy (10k top-1, %) "
                "| stream accuracy (%) | switches | frames (late, dropped) |\n|---|---|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write(f"| {r['name']} | {r['kind']} | {pct(r['framesWithinDeadline'])} | {fmt(r.get('p50Ms'), 1)} / "
                    f"{fmt(r.get('p95Ms'), 1)} / {fmt(r.get('p99Ms'), 1)} | {fmt(r.get('itemsPerSecond'), 0)} | "
                    f"{fmt(r['meanAccuracy'])} | {fmt(r.get('streamAccuracy'))} | {r['switches']} | {r['frames']}"
                    f" ({r.get('late', '-')}, {r.get('dropped', '-')}) |\n")
        names = [p["name"] for p in trace["phases"]]
        f.write("\n## Per phase: frames within deadline / mean accuracy (%)\n\n| run | " + " | ".join(names)
                + " |\n|---|" + "---|" * len(names) + "\n")
        for r in rows:
            f.write(f"| {r['name']} | " + " | ".join(
                f"{pct(p['framesWithinDeadline'])} / {fmt(p['meanAccuracy'])}"
                + (f" ({p['level']})" if p.get("level") else "") for p in r["phases"]) + " |\n")
        onsets = tr.onsets(trace, scale)
        if onsets:
            f.write("\n## Reaction to each onset: move / back within deadline (ms)\n\n| run | "
                    + " | ".join(f"{o['phase']} @{o['t']:g} s ({o['cause']})" for o in onsets)
                    + " |\n|---|" + "---|" * len(onsets) + "\n")
            for r in rows:
                if "reactions" in r:
                    f.write(f"| {r['name']} | " + " | ".join(
                        f"{fmt(x['moveMs'], 0)} / {fmt(x['backWithinDeadlineMs'], 0)}"
                        for x in r["reactions"]) + " |\n")
        f.write(f"\n![timeline]({plot_name})\n\n")
        for n in notes_list:
            f.write(f"- {n}\n")


def write_json(path, trace, scale, rows, runs, levels, calibration):
    """calibration: harness.calibrate's record (latencies, the calibration gateway's levels, the levels calibrated,
    frames per level; `from` when taken from an earlier report)."""
    extra = {r["name"]: r for r in runs}
    out = []
    for row in rows:
        run = extra.get(row["name"], {})
        entry = dict(row, changes=run.get("changes", []), windows=run.get("windows", []))
        if run.get("policyConfig"):
            entry["policyConfig"] = run["policyConfig"]
        out.append(entry)
    doc = {"trace": trace, "scale": scale, "levels": levels, "calibration": calibration["latencies"],
           "calibrationLevels": calibration.get("levels"), "calibratedLevels": calibration.get("calibrated"),
           "calibrationFrames": calibration.get("frames"), "runs": out}
    dump(path, doc, calibration)


def dump(path, doc, calibration):
    """Writes the report's JSON, with calibrationFrom when the calibration is an earlier report's."""
    if calibration.get("from"):
        doc["calibrationFrom"] = calibration["from"]
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)


def read(path, trace):
    """An earlier report JSON of this trace (for its calibration); ValueError when it is unreadable, not a report
    or of another trace."""
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise ValueError(f"--calibration-from {path}: {e}") from e
    if not isinstance(doc, dict) or not isinstance(doc.get("trace"), dict) or "calibration" not in doc:
        raise ValueError(f"--calibration-from {path}: not an experiment report (no trace and calibration)")
    name = doc["trace"].get("name")
    if name != trace["name"]:
        raise ValueError(f"--calibration-from {path}: its calibration is of trace {name!r}, this run's trace is "
                         f"{trace['name']!r}")
    return doc


def level_axis(runs, top1):
    """Every level any run's table has, least accurate first (a run's level set can differ by a level)."""
    latency = {}
    for run in runs:
        for level in run.get("levels") or []:
            latency.setdefault(level["id"], level.get("latencyMs") or 0.0)
    return sorted(latency, key=lambda lid: (top1.get(lid, 0.0), latency[lid]))


def plot(path, trace, scale, runs, rows, level_ids):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    index = {lid: i for i, lid in enumerate(level_ids)}
    sched = tr.schedule(trace, scale)
    fig, axes = plt.subplots(len(runs), 1, figsize=(12, 2.3 * len(runs) + 0.6), sharex=True, squeeze=False)
    for ax, run, row in zip(axes[:, 0], runs, rows):
        frames, _ = analysis.run_frames(run)
        frames = [f for f in frames if 0 <= f.t < sched[-1][1]]
        ok = [f for f in frames if f.within and f.latency_ms is not None]
        late = [f for f in frames if f.outcome == "late" and f.latency_ms is not None]
        lost = [f for f in frames if f.outcome in ("dropped", "failed")]
        top = max([f.latency_ms for f in ok + late] + [tr.effective_deadline_ms(p) or 0 for _, _, p in sched]
                  + [1.0]) * 1.05
        ax.scatter([f.t for f in ok], [f.latency_ms for f in ok], s=2, color="tab:blue", label="frame latency")
        ax.scatter([f.t for f in late], [f.latency_ms for f in late], s=6, color="tab:red", label="late")
        ax.scatter([f.t for f in lost], [top] * len(lost), s=10, marker="x", color="black", label="dropped/failed")
        timed = [f for f in frames if f.deadline_ms is not None]
        ax.step([f.t for f in timed], [f.deadline_ms for f in timed], where="post", color="black", ls="--", lw=1,
                label="deadline (the frames')")
        ax.set_ylabel("ms")
        ax.set_ylim(0, top * 1.05)
        lv = ax.twinx()
        served = [f for f in frames if f.served and f.level in index]
        lv.step([f.t for f in served], [index[f.level] for f in served], where="post", color="tab:green", lw=1,
                label="level")
        lv.set_ylim(-0.5, len(level_ids) - 0.5)
        lv.set_ylabel("level", color="tab:green")
        for s, e, p in sched:
            ax.axvline(s, color="grey", lw=0.5)
            if any(p[k] for k in tr.CONTENTION_KEYS):
                ax.axvspan(s, e, color="orange", alpha=0.12, lw=0)
        ax.set_title(f"{row['name']}: {pct(row['framesWithinDeadline'])} within deadline, mean accuracy "
                     f"{fmt(row['meanAccuracy'])} %", fontsize=9, loc="left")
    top_ax = axes[0, 0]
    for s, e, p in sched:
        top_ax.text((s + e) / 2, 0.97, p["name"], transform=top_ax.get_xaxis_transform(), ha="center", va="top",
                    fontsize=7)
    handles, labels = top_ax.get_legend_handles_labels()
    fig.legend(handles, labels, fontsize=8, loc="lower right", ncol=4)
    axes[-1, 0].set_xlabel("trace time (s); shaded: contention")
    fig.suptitle(f"Dynofa, frame workload: trace {trace['name']} ({trace['itemsPerFrame']} items per frame)")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path, dpi=100)
    plt.close(fig)
