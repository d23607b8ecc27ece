"""The experiment's report (Markdown + JSON) and timeline plot (PNG)."""
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def fmt(v, digits=2):
    return "-" if v is None else f"{v:.{digits}f}" if isinstance(v, float) else str(v)


def write_markdown(path, trace, scale, rows, plot_name, notes):
    with open(path, "w") as f:
        f.write(f"# Adaptation under contention: trace `{trace['name']}`\n\n")
        f.write(f"Target {trace['targetMs']} ms per frame, demo camera at {trace.get('fps', 200)} fps, phases: "
                + ", ".join(f"{p['name']} ({p['seconds'] * scale:.0f} s, {p['hogs']} hog"
                            + ("s" if p['hogs'] != 1 else "") + (", bursts" if p.get('onSeconds') else "") + ")"
                            for p in trace["phases"]) + ".\n\n")
        f.write("| run | 1-s windows meeting the target | frame p95 (ms) | frames | mean accuracy (%) | switches |\n")
        f.write("|---|---|---|---|---|---|\n")
        for r in rows:
            f.write(f"| {r['run']} | {fmt(r['windowsMet'], 1)}% | {fmt(r['frameP95Ms'])} | {fmt(r['frames'])} | "
                    f"{fmt(r['accuracy'])} | {fmt(r['switches'])} |\n")
        f.write(f"\n![timeline]({plot_name})\n\n")
        for n in notes:
            f.write(f"- {n}\n")


def write_json(path, trace, scale, rows, runs):
    with open(path, "w") as f:
        json.dump({"trace": trace, "scale": scale, "summary": rows,
                   "runs": [{k: r[k] for k in ("name", "policy", "pinned", "levels", "windows")} for r in runs]},
                  f, indent=1)


def plot(path, trace, runs):
    fig, axes = plt.subplots(3, 1, figsize=(11, 8), sharex=True)
    for run in runs:
        t = [w["t"] for w in run["windows"]]
        axes[0].plot(t, [w.get("latencyMeanMs") for w in run["windows"]], label=run["name"], lw=1.2)
        axes[1].step(t, [w.get("levelIndex") for w in run["windows"]], where="post", label=run["name"], lw=1.2)
        axes[2].plot(t, [w.get("cpuLoad") for w in run["windows"]], label=run["name"], lw=1.0)
    axes[0].axhline(trace["targetMs"], color="black", ls="--", lw=1, label="target")
    axes[0].set_ylabel("mean latency (ms)")
    axes[0].set_yscale("log")
    axes[1].set_ylabel("level (0 = fastest)")
    axes[2].set_ylabel("CPU load (system)")
    axes[2].set_xlabel("time (s)")
    start = 0.0
    for phase in trace["phases"]:
        end = start + phase["seconds"] * runs[0]["scale"]
        for ax in axes:
            ax.axvline(end, color="grey", lw=0.5)
        axes[0].text((start + end) / 2, 0.98, phase["name"], transform=axes[0].get_xaxis_transform(),
                     ha="center", va="top", fontsize=8)
        start = end
    axes[0].legend(fontsize=8, loc="upper left", ncol=3)
    fig.suptitle(f"Dynofa under contention: {trace['name']} trace, target {trace['targetMs']} ms")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
