"""A run's frames judged per phase: the fields of the report's JSON (pure: no gateway, no files)."""
import apps_oracle
import frames as fr
import traces as tr


def run_frames(run):
    """All frames of a run's frame-log segments on the trace clock, and the number of unusable lines."""
    out, skipped = [], 0
    for lines, offset in run["segments"]:
        f, s = fr.parse(lines, offset)
        out += f
        skipped += s
    out.sort(key=lambda f: f.t)
    return out, skipped


def summarise(run, trace, scale, top1):
    """name, kind, framesWithinDeadline, meanAccuracy, frames, switches, ... overall and per phase (frames that
    arrived in the trace's span only; warm-up and shutdown frames are left out), with the reactions to onsets."""
    frames, skipped = run_frames(run)
    sched = tr.schedule(trace, scale)
    total = sched[-1][1]
    inside = fr.in_span(frames, 0.0, total)
    row = {"name": run["name"], "kind": run["kind"], "policy": run.get("policy"), "pinned": run.get("pinned"),
           "skippedLines": skipped}
    row.update(fr.stats(inside, total, top1))
    row["phases"] = []
    for start, end, phase in sched:
        p = {"name": phase["name"], "start": start, "end": end, "deadlineMs": tr.effective_deadline_ms(phase)}
        p.update(fr.stats(fr.in_span(frames, start, end), end - start, top1))
        row["phases"].append(p)
    row["reactions"] = []
    for onset in tr.onsets(trace, scale):
        end = next(e for s, e, _ in sched if s <= onset["t"] < e)
        r = {"t": round(onset["t"], 3), "phase": onset["phase"], "cause": onset["cause"]}
        r.update(fr.reaction(frames, onset["t"], end))
        row["reactions"].append(r)
    return row


def summarise_deployments(run, trace, scale, top1):
    """A run of a trace with several deployments (apps.run's): name, kind, arbitration, per deployment summarise's
    fields of its frames judged by its own requirements (with deployment and priority), and the run's
    priority-weighted mean accuracy."""
    entries = []
    for i, d in enumerate(run["deployments"]):
        row = summarise({"name": run["name"], "kind": run["kind"], "policy": d.get("policy"),
                         "pinned": d.get("pinned"), "segments": d["segments"]}, tr.deployment_view(trace, i), scale,
                        top1)
        del row["name"], row["kind"]
        entries.append({"deployment": d["deployment"], "priority": d["priority"], **row})
    return {"name": run["name"], "kind": run["kind"], "arbitration": run.get("arbitration"), "deployments": entries,
            "priorityWeightedAccuracy": apps_oracle.priority_weighted((e["priority"], e["meanAccuracy"])
                                                                      for e in entries)}
