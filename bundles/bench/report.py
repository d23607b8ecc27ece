#!/usr/bin/python3
"""Merges the outputs of bench.sh into bench-report.json and bench-report.md and prints the Markdown."""
import argparse
import datetime
import glob
import json
import os
import re
import statistics

ACTIVE = re.compile(r"family (\S+) resident on backend (\S+): (\d+) Pareto levels of (\d+), [^,]*, ([0-9.,]+) ms")


def load(path):
    with open(path) as f:
        return json.load(f)


def activation(log):
    """The manager's 'family X resident on backend Y: N Pareto levels of M, <source>, T ms' line, if logged."""
    with open(log, errors="replace") as f:
        for line in f:
            m = ACTIVE.search(line)
            if m:
                return {"family": m.group(1), "backend": m.group(2), "levels": int(m.group(3)),
                        "of": int(m.group(4)), "ms": float(m.group(5).replace(",", ""))}
    return None


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, unit="", digits=1):
    if v is None:
        return "n/a"
    return ("%." + str(digits) + "f%s") % (v, unit)


def jmh_rows(results):
    """JMH's JSON as [(level, {benchmark: {us, err, alloc}})], levels in the order first seen."""
    by_level = {}
    for r in results:
        which = r.get("params", {}).get("level", "?")
        name = r["benchmark"].rsplit(".", 1)[-1]
        secondary = r.get("secondaryMetrics", {})
        alloc = next((m["score"] for k, m in secondary.items() if k.lstrip("·") == "gc.alloc.rate.norm"), None)
        by_level.setdefault(which, {})[name] = {"us": r["primaryMetric"]["score"],
                                                "err": r["primaryMetric"]["scoreError"], "alloc": alloc}
    return list(by_level.items())


def verdict(ok):
    return "n/a" if ok is None else ("yes" if ok else "**no**")


MIB = 1024.0


def mib(kb):
    return None if kb is None else kb / MIB


def optional(d, name):
    path = os.path.join(d, name)
    return load(path) if os.path.exists(path) else None


def overhead_ratio(g):
    """service / bare median per request of each measured level, 'smallest 0.95, largest 0.98'."""
    return ", ".join("%s %s" % (o["which"], fmt(o["ratio"], "", 3)) for o in (g or {}).get("overhead", []))


def memory_rows(d, row):
    """Rows 4 from the memory runs (bench.sh memory_rows), and the 'where it goes' table; ([], []) without them."""
    ladder_on, ladder_off, ladder_after = (optional(d, "ladder-arena-on.json"), optional(d, "ladder-arena-off.json"),
                                           optional(d, "ladder-after.json"))
    gw = {k: optional(d, "mem-%s.json" % k) for k in ("idle-before", "idle-after", "before", "one-backend",
                                                      "arena-off", "after")}
    if not ladder_on or not gw["before"]:
        return [], []
    for k, g in gw.items():
        if g and "error" in g:
            raise SystemExit("bench: the memory run '%s' failed: %s" % (k, g["error"]))
    steps = ladder_on["steps"]
    off_steps = ladder_off["steps"] if ladder_off else [None] * len(steps)
    after_steps = ladder_after["steps"] if ladder_after else [None] * len(steps)
    one = steps[2]["rssKb"]
    n_pareto, n_all = steps[3]["sessions"], steps[4]["sessions"]
    per_pareto = (steps[3]["rssKb"] - one) / max(1, n_pareto - 1)
    per_rest = (steps[4]["rssKb"] - steps[3]["rssKb"]) / max(1, n_all - n_pareto)
    for i, st in enumerate(steps):
        delta = "" if i == 0 else " (+%s)" % fmt(mib(st["rssKb"] - steps[i - 1]["rssKb"]), " MiB", 1)
        off, aft = off_steps[i], after_steps[i]
        row(4, "memory, bare JVM (ladder, NMT on): RSS, %s" % st["step"], fmt(mib(st["rssKb"]), " MiB", 1) + delta,
            "arena off %s; launcher's flags %s" % (fmt(mib(off["rssKb"]) if off else None, " MiB", 1),
                                                  fmt(mib(aft["rssKb"]) if aft else None, " MiB", 1)),
            fmt(off["rssKb"] / st["rssKb"] if off else None, "", 3), "—", None)
    row(4, "memory, bare JVM: cost per resident level (RSS), levels 2-%d of the Pareto set / the %d others"
        % (n_pareto, n_all - n_pareto), "%s / %s" % (fmt(mib(per_pareto), " MiB", 2), fmt(mib(per_rest), " MiB", 2)),
        "arena off %s / %s" % (
            fmt(mib((off_steps[3]["rssKb"] - off_steps[2]["rssKb"]) / max(1, n_pareto - 1)) if ladder_off else None,
                " MiB", 2),
            fmt(mib((off_steps[4]["rssKb"] - off_steps[3]["rssKb"]) / max(1, n_all - n_pareto)) if ladder_off else None,
                " MiB", 2)), "—", "—", None)
    lat_on, lat_off = ladder_on.get("latency", {}), (ladder_off or {}).get("latency", {})
    for k, v in lat_on.items():
        if k.endswith("MedianUs"):
            row(4, "memory, bare JVM: latency check, `%s` median per request (separate JVMs, %d runs)"
                % (k[:-len("MedianUs")], lat_on["runs"]), fmt(v, " µs", 1),
                "arena off %s" % fmt(lat_off.get(k), " µs", 1),
                fmt(lat_off[k] / v if lat_off.get(k) else None, "", 3), "—", None)
    before = gw["before"]["memory"]
    labels = [("idle-before", "gateway without a family (Felix, every bundle, ORT environment), as before"),
              ("idle-after", "gateway without a family, the launcher's flags"),
              ("before", "gateway, family active, as before (no launcher flags)"),
              ("one-backend", "gateway, family active, as before but only backend `cpu` (no `cpu2`)"),
              ("arena-off", "gateway, family active, as before but `memoryArena = false`"),
              ("after", "gateway, family active, the launcher's flags")]
    for key, label in labels:
        g = gw.get(key)
        if not g:
            continue
        m = g["memory"]
        resident = m.get("gatewayLevelsResident")
        goal = key == "after"
        ratio = m["gatewayRssKb"] / one
        row(4, "memory: RSS, %s (%s levels resident, %s backends usable; NMT on)%s"
            % (label, resident, m.get("backendsUsable", "?"),
               "; per-request overhead vs bare ORT in the same JVM: " + overhead_ratio(g) if g.get("overhead") else ""),
            fmt(mib(m["gatewayRssKb"]), " MiB", 1),
            "bare JVM + 1 session (`%s`) %s; gateway as before %s" % (
                steps[2]["step"].rsplit(" ", 1)[-1], fmt(mib(one), " MiB", 1), fmt(mib(before["gatewayRssKb"]), " MiB", 1)),
            "%s (÷ before %s)" % (fmt(ratio, "", 2), fmt(m["gatewayRssKb"] / before["gatewayRssKb"], "", 3)),
            "≤ 1.5" if goal else "—", ratio <= 1.5 if goal else None)
    # where it goes: the JVM's own view (NMT committed; the heap as resident pages) beside RSS
    cats = ["Java Heap", "Class", "Shared class space", "Metaspace", "Thread", "Code", "GC", "Compiler", "Internal",
            "Other", "Symbol", "Native Memory Tracking", "Arena Chunk"]
    cols = [("ladder 1 session", steps[2]), ("ladder Pareto", steps[3])]
    for key, label in (("idle-before", "gateway, no family"), ("before", "gateway, before"),
                       ("one-backend", "one backend"), ("arena-off", "arena off"),
                       ("idle-after", "no family, flags"), ("after", "gateway, flags")):
        if gw.get(key):
            cols.append((label, gw[key]["memory"]["snapshot"]))
    table = ["| part (MiB) | " + " | ".join(c[0] for c in cols) + " |", "|---" * (len(cols) + 1) + "|"]

    def line(name, f):
        table.append("| %s | %s |" % (name, " | ".join(fmt(mib(f(c[1])), "", 1) for c in cols)))

    def cat(name):
        return lambda snap: ((snap.get("nmt") or {}).get("committedKbByCategory") or {}).get(name, 0)

    line("RSS (VmRSS)", lambda x: x["rssKb"])
    line("  of which file-backed (RssFile: libraries, jars, CDS)", lambda x: x["rssFileKb"])
    line("  of which anonymous (RssAnon)", lambda x: x["rssAnonKb"])
    line("Java heap, resident (smaps within the heap's range)", lambda x: x.get("heapResidentKb"))
    line("Java heap, used", lambda x: x.get("heapUsedKb"))
    line("Java heap, committed (NMT)", cat("Java Heap"))
    for c in cats[1:]:
        line("NMT committed: " + c, cat(c))
    line("NMT committed: the rest (categories under 1 MiB)", cat("(categories under 1 MiB)"))
    line("NMT committed total", lambda x: (x.get("nmt") or {}).get("committedKb"))
    line("RSS − (NMT committed, heap counted as resident): ORT, malloc arenas, mapped files", lambda x: x.get("notJvmKb"))
    return table, cols


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--cold-runs", type=int, default=1)
    p.add_argument("--mode", default="full")
    p.add_argument("--only", choices=["memory"])
    args = p.parse_args()
    d = args.dir
    if args.only == "memory":
        return memory_only(d, args.mode)

    cold = []
    for i in range(1, args.cold_runs + 1):
        c = load(os.path.join(d, "cold-%d.json" % i)).get("coldStart", {})
        c["activation"] = activation(os.path.join(d, "cold-%d.log" % i))
        cold.append(c)
    gateway = load(os.path.join(d, "gateway.json"))
    if "error" in gateway:
        raise SystemExit("bench: the gateway run failed: " + gateway["error"])
    gateway_activation = activation(os.path.join(d, "gateway.log"))
    bare_mem = load(os.path.join(d, "bare-memory.json"))
    torch = load(os.path.join(d, "torch.json"))
    rt = gateway["runtime"]

    rows = []

    def row(item, measure, ours, baseline, ratio, target, ok):
        rows.append({"item": item, "measure": measure, "ours": ours, "baseline": baseline, "ratio": ratio,
                     "target": target, "met": ok})

    # 1. overhead
    for o in gateway["overhead"]:
        r = o["ratio"]
        smallest = o["which"] == "smallest"
        row(1, "overhead, %s level `%s`: median per request, batch 1" % (o["which"], o["level"]),
            fmt(o["service"]["medianUs"], " µs", 2), "bare `OrtSession.run` " + fmt(o["bareOrt"]["medianUs"], " µs", 2),
            fmt(r, "", 3), "≤ 1.03" if smallest else "—", (r <= 1.03) if smallest else None)
    # 1b. the per-request output check (absent from reports written before it existed)
    oc = gateway.get("outputCheck")
    if oc:
        row(1, "per-request output check (NaN/infinity scan), level `%s`: median with `checkOutputs` on vs off, "
            "interleaved blocks" % oc["level"], fmt(oc["checkOnMedianUs"], " µs", 2),
            "check off " + fmt(oc["checkOffMedianUs"], " µs", 2), fmt(oc["ratioOnOff"], "", 3), "—", None)
    # 2. switch (keep-warm on: the shipped configuration; off: keepWarmNeighbours = 0 through ConfigAdmin)
    switch = gateway["switch"]

    def warm_label(s):
        return "keep-warm %s" % ("on" if s.get("keepWarm", True) else "off")

    for s in switch:
        shipped = s.get("keepWarm", True)
        how = "a policy's decision" if s["source"] == "policy" else "`RuntimeControl.pin`"
        row(2, "switch, %s levels `%s`↔`%s`, %s: %s → first result on the new level, median (p95) of %d"
            % (s["series"], s["levels"][0], s["levels"][1], warm_label(s), how, s["switches"]),
            "%s (%s)" % (fmt(s["decisionToFirstResultMedianUs"] / 1e3, " ms", 3),
                         fmt(s["decisionToFirstResultP95Us"] / 1e3, " ms", 3)),
            "—", "—", "< 1 ms median" if shipped else "—",
            (s["decisionToFirstResultMedianUs"] < 1000) if shipped else None)
    def blocks(values):
        return "/".join(fmt(v, "", 2) for v in values) if values else "n/a"

    def by_target(medians):
        """'to `x` 1.80, to `y` 1.05' from {level: median}; empty when not recorded."""
        return ", ".join("to `%s` %s" % (t, fmt(v, "", 2)) for t, v in (medians or {}).items())

    def warmed(src):
        """The bare sessions with the next level run once right before, by another thread / the serving one."""
        parts = []
        for key, who in (("bareOrtWarmedByOtherThread", "by another thread"),
                         ("bareOrtWarmedOnServingThread", "on the serving thread")):
            if src.get(key + "Median") is not None:
                parts.append("run once right before %s: %s (%s%s)" % (
                    who, fmt(src[key + "Median"], "", 2), blocks(src.get(key + "BlockMedians")),
                    "; " + by_target(src[key + "MedianByTarget"]) if src.get(key + "MedianByTarget") else ""))
        return "; " + "; ".join(parts) if parts else ""

    for s in switch:
        if s["source"] != "policy":
            continue
        shipped = s.get("keepWarm", True)
        src = next((b for b in switch if b["series"] == s["series"] and b.get("bareOrtFirstOverSteadyMedian")), {})
        bare = src.get("bareOrtFirstOverSteadyMedian")
        row(2, "switch, %s levels, %s: first inference after a switch ÷ steady state, median (p95) of %d switches "
            "in %d interleaved blocks (block medians; per level switched to)" % (s["series"], warm_label(s), s["switches"], s.get("blocks", 1)),
            "%s (%s; %s%s)" % (fmt(s["firstOverSteadyMedian"], "", 2), fmt(s["firstOverSteadyP95"], "", 2),
                               blocks(s.get("firstOverSteadyBlockMedians")),
                               "; " + by_target(s["firstOverSteadyMedianByTarget"])
                               if s.get("firstOverSteadyMedianByTarget") else ""),
            "two bare sessions alternating alike: %s (%s%s)%s" % (
                fmt(bare, "", 2), blocks(src.get("bareOrtFirstOverSteadyBlockMedians")),
                "; " + by_target(src["bareOrtFirstOverSteadyMedianByTarget"])
                if src.get("bareOrtFirstOverSteadyMedianByTarget") else "", warmed(src)),
            fmt(s["firstOverSteadyMedian"] / bare if bare else None, "", 2), "≤ 1.5" if shipped else "—",
            (s["firstOverSteadyMedian"] <= 1.5) if shipped else None)
    for series in ("adjacent", "extremes"):
        on = next((s for s in switch if s["series"] == series and s["source"] == "policy"
                   and s.get("keepWarm", True)), None)
        off = next((s for s in switch if s["series"] == series and s["source"] == "policy"
                    and not s.get("keepWarm", True)), None)
        if on and on.get("keepWarmStates"):
            row(2, "keep-warm, %s levels: what `RuntimeStatus.keepWarmState` said after each of the %d switches"
                % (series, on["switches"]), ", ".join("%s %d" % kv for kv in on["keepWarmStates"].items()),
                "—", "—", "—", None)
        if on and off and on.get("gatewayCpuCores", -1) > 0 and off.get("gatewayCpuCores", -1) > 0:
            extra = on["gatewayCpuCores"] - off["gatewayCpuCores"]
            row(2, "cost of keep-warm, %s levels: steady-state latency on the new level (median of the per-switch "
                "medians)" % series, fmt(on.get("steadyMedianUs"), " µs", 1),
                "keep-warm off " + fmt(off.get("steadyMedianUs"), " µs", 1),
                fmt(on["steadyMedianUs"] / off["steadyMedianUs"] if on.get("steadyMedianUs") and off.get("steadyMedianUs")
                    else None, "", 3), "—", None)
            row(2, "cost of keep-warm, %s levels: CPU of the gateway while a client infers continuously "
                "(+%s of one core)" % (series, fmt(extra * 100, " %", 1)),
                fmt(on["gatewayCpuCores"], " cores", 3), "keep-warm off " + fmt(off["gatewayCpuCores"], " cores", 3),
                fmt(on["gatewayCpuCores"] / off["gatewayCpuCores"], "", 3), "—", None)
    # 3. cold start
    first = med([c.get("launcherToFirstResultMs") for c in cold])
    row(3, "cold start: launcher start → first result (median of %d)" % len(cold), fmt(first, " ms", 0), "—", "—",
        "< 1 s", None if first is None else first < 1000)
    act = med([c["activation"]["ms"] for c in cold if c.get("activation")])
    acts = [c["activation"] for c in cold if c.get("activation")]
    first_levels = sorted({c.get("firstLevel") for c in cold if c.get("firstLevel")})
    if acts:
        row(3, "family activation: %s levels loaded, warmed and profiled, %s kept" % (acts[0]["of"], acts[0]["levels"]),
            fmt(act, " ms", 0), "—", "—", "—", None)
    else:
        row(3, "family activation: not over at the first result (served while loading, first level %s)"
            % ", ".join(first_levels or ["?"]), "n/a", "—", "—", "—", None)
    # 4. memory
    g_rss = gateway["memory"]["gatewayRssKb"] / 1024
    b_rss = bare_mem["rssKb"] / 1024
    row(4, "memory: RSS, gateway with the family active (%d levels resident)"
        % gateway["memory"]["gatewayLevelsResident"], fmt(g_rss, " MiB", 0),
        "bare JVM + one ORT session (`%s`) %s" % (bare_mem["model"], fmt(b_rss, " MiB", 0)),
        fmt(g_rss / b_rss, "", 2), "—", None)
    where, _ = memory_rows(d, row)
    # 5. PyTorch
    by_level = {t["level"]: t for t in torch["levels"]}
    for o in gateway["overhead"]:
        t = by_level.get(o["level"])
        if t:
            row(5, "vs PyTorch %s eager (1 thread, batch 1), %s level `%s`: median per request"
                % (torch["torch"], o["which"], o["level"]), fmt(o["service"]["medianUs"], " µs", 1),
                "PyTorch " + fmt(t["medianUs"], " µs", 1), fmt(o["service"]["medianUs"] / t["medianUs"], "", 3),
                "—", None)
    adj = next((s for s in gateway["switch"] if s["series"] == "adjacent" and s.get("keepWarm", True)), None)
    largest = next((t for t in torch["levels"] if t["which"] == "largest"), torch["levels"][-1])
    if adj:
        row(5, "level change: ours (decision → first result) vs PyTorch (build the sub-network from its "
            "weights + first run, `%s`)" % largest["level"],
            fmt(adj["decisionToFirstResultMedianUs"] / 1e3, " ms", 3),
            "PyTorch " + fmt(largest["buildAndFirstRunMs"], " ms", 1),
            fmt(adj["decisionToFirstResultMedianUs"] / 1e3 / largest["buildAndFirstRunMs"], "", 4), "—", None)
    # 1 and 6 with JMH (bundles/bench-jmh; absent from reports written before it existed)
    for which, level_row in jmh_rows(load(os.path.join(d, "jmh.json")) if os.path.exists(os.path.join(d, "jmh.json"))
                                     else []):
        svc, bare = level_row.get("service"), level_row.get("bareOrt")
        if svc and bare:
            row(1, "overhead with JMH, %s level: `InferenceService.infer` vs bare `OrtSession.run`, average time "
                "per request (± 99.9 %% CI)" % which,
                "%s ± %s" % (fmt(svc["us"], " µs", 2), fmt(svc["err"], "", 2)),
                "bare %s ± %s" % (fmt(bare["us"], " µs", 2), fmt(bare["err"], "", 2)),
                fmt(svc["us"] / bare["us"], "", 3), "≤ 1.03" if which == "smallest" else "—",
                (svc["us"] / bare["us"] <= 1.03) if which == "smallest" else None)
            reused = level_row.get("bareOrtReusedInput")
            if svc.get("alloc") is not None and bare.get("alloc"):
                row(6, "heap allocated per request with JMH `-prof gc` (`gc.alloc.rate.norm`), %s level" % which,
                    fmt(svc["alloc"], " B", 0),
                    "bare `OrtSession.run` %s (tensor reused: %s)"
                    % (fmt(bare["alloc"], " B", 0), fmt(reused.get("alloc") if reused else None, " B", 0)),
                    fmt(svc["alloc"] / bare["alloc"], "", 2), "—", None)
    # 7. DJL (bundles/bench-jmh DjlComparison; absent from reports written before it existed)
    djl_path = os.path.join(d, "djl.json")
    djl = load(djl_path) if os.path.exists(djl_path) else None
    for r in (djl or {}).get("rows", []):
        batch1 = r["batch"] == 1
        row(7, "vs DJL %s (`Predictor` on its ONNX Runtime engine), level `%s`, %d item%s per request: median per "
            "request (p95)" % (djl["djlVersion"], r["level"], r["batch"], "" if batch1 else "s"),
            "%s (%s)" % (fmt(r["oursMedianUs"], " µs", 1), fmt(r["oursP95Us"], "", 1)),
            "DJL %s (%s); bare ORT %s" % (fmt(r["djlMedianUs"], " µs", 1), fmt(r["djlP95Us"], "", 1),
                                          fmt(r["bareOrtMedianUs"], " µs", 1)),
            "%s (DJL/bare %s)" % (fmt(r["oursOverDjl"], "", 3), fmt(r["djlOverBare"], "", 3)),
            "≤ 0.9" if batch1 else "—", (r["oursOverDjl"] <= 0.9) if batch1 else None)
        if not batch1:
            row(7, "items per second at frame scale, level `%s`, %d items per request" % (r["level"], r["batch"]),
                fmt(r["oursItemsPerSecond"], "", 0),
                "DJL %s; bare ORT %s" % (fmt(r["djlItemsPerSecond"], "", 0), fmt(r["bareOrtItemsPerSecond"], "", 0)),
                fmt(r["oursItemsPerSecond"] / r["djlItemsPerSecond"], "", 3), "—", None)
    # 8. the HTTP path (absent from reports written before it existed, or without the gateway's HTTP port)
    h = gateway.get("http")
    if h:
        for kind, label in (("httpTensor", "Open Inference Protocol JSON tensor to `/v2/models/default/infer`"),
                            ("httpImage", "PNG image to `/dynofa/v1/deployments/default/classify`")):
            row(8, "HTTP path, level `%s`: %s vs `InferenceService.infer` in process, median per request (p95); "
                "ratio = added latency" % (h["level"], label),
                "%s (%s)" % (fmt(h[kind + "MedianUs"], " µs", 1), fmt(h[kind + "P95Us"], "", 1)),
                "in process %s (%s)" % (fmt(h["inProcessMedianUs"], " µs", 1), fmt(h["inProcessP95Us"], "", 1)),
                "+" + fmt(h[kind + "AddedUs"], " µs", 1), "—", None)
    # 6. allocation
    for o in gateway["overhead"]:
        row(6, "heap allocated per request, %s level `%s`" % (o["which"], o["level"]),
            fmt(o["service"]["allocBytesPerCall"], " B", 0),
            "bare `OrtSession.run` %s (tensor reused: %s)" % (fmt(o["bareOrt"]["allocBytesPerCall"], " B", 0),
                                                            fmt(o["bareOrtReusedInput"]["allocBytesPerCall"], " B", 0)),
            fmt(o["service"]["allocBytesPerCall"] / o["bareOrt"]["allocBytesPerCall"], "", 2), "—", None)

    date = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    md = []
    md.append("# Dynofa benchmark (%s run, %s)" % (args.mode, date))
    md.append("")
    md.append("Family `%s` (%d active levels of %d) on backend `%s` (%s); %d CPUs; %s; PyTorch %s."
              % (rt["family"], len(rt["activeLevels"]), rt["familyLevels"], rt["backend"], rt["backendDescription"],
                 rt["cpus"], rt["java"], torch["torch"]))
    md.append("")
    md.append("| # | measure | ours | baseline, same run | ratio | target | met |")
    md.append("|---|---|---|---|---|---|---|")
    for r in rows:
        md.append("| %d | %s | %s | %s | %s | %s | %s |" % (r["item"], r["measure"], r["ours"], r["baseline"], r["ratio"],
                                                     r["target"], verdict(r["met"])))
    md.append("")
    if where:
        md.append(WHERE_INTRO)
        md.append("")
        md.extend(where)
        md.append("")
    ov = gateway["overhead"][0]
    md.append("How: 1 and 6 interleave %d rounds of %d requests per variant (service, bare session, bare session "
              "with a reused input tensor) on one thread in the gateway JVM, the level pinned with "
              "`RuntimeControl.pin`; the bare session is created by the bench bundle from the same ONNX bytes "
              "(`ModelFamily.model`) with the CPU backend's options (1 intra-op thread, ALL_OPT, sequential, arena "
              "on). Outputs agree exactly (max |diff| %g). Allocation: `ThreadMXBean.getThreadAllocatedBytes` of "
              "the calling thread around %s requests (the counter JMH's gc profiler reads). 2: a client thread "
              "infers continuously; the bench's own `SwitchingPolicy` (selected with `choosePolicy`) moves to the "
              "other level at its next decision and stamps that moment, or the bench calls `RuntimeControl.pin`; "
              "first result = the first `InferenceResult` whose `levelId()` is the new level; the ratio divides its "
              "`latencyNanos` by the median of the next 50 on that level, and the baseline repeats the alternation "
              "with two bare sessions and no runtime, switch by switch cold, after one untimed run of the next "
              "level by another thread, and after one on the serving thread (what no warm-up off that thread can "
              "beat); the policy series interleave keep-warm on, off and the bare "
              "sessions in blocks (their order alternating). Keep-warm (the manager runs the serving level's neighbours "
              "every 10 ms while serving, and a cold level once before switching to it) is on as shipped; the "
              "off series set `keepWarmNeighbours = 0` through ConfigAdmin; CPU: thread CPU time of every gateway "
              "thread over the series' wall time. 3: wall time from the launcher to the first successful "
              "`InferenceService.infer` (shipped configuration, demo camera on); activation from the manager's "
              "log. 4: VmRSS. 5: `bundles/bench/torch_ref.py` rebuilds the levels as eager `nn.Module`s from the "
              "ONNX weights (logits match ORT's within %.1g). JMH rows: `bundles/bench-jmh`, the serving bundles "
              "(SCR, CPU backend, family provider, latency monitor, dynofa-step, manager) in a Felix framework "
              "inside each JMH fork, the level pinned; 1 fork, warm-up and measurement iterations of 1 s. 7: "
              "`DjlComparison` (bundles/bench-jmh) in one JVM: the same serving bundles in a framework, a bare session "
              "and a DJL `Predictor` (a translator from float[] to the logits, no batchifier; 1 intra-op and 1 "
              "inter-op thread, ALL_OPT, sequential; DJL's own ONNX Runtime replaced by ours, its global pools at 1 "
              "thread) on the same level file, in blocks whose order rotates every round."
              % (ov["rounds"], ov["blockSize"], ov["maxAbsDiffServiceVsBare"],
                 "2,000" if args.mode == "quick" else "10,000",
                 max(t["maxAbsDiffVsOrt"] for t in torch["levels"])))
    text = "\n".join(md) + "\n"
    with open(os.path.join(d, "bench-report.md"), "w") as f:
        f.write(text)
    jmh_path = os.path.join(d, "jmh.json")
    report = {"mode": args.mode, "date": date, "rows": rows, "coldStart": cold, "gatewayActivation": gateway_activation,
              "jmh": load(jmh_path) if os.path.exists(jmh_path) else None, "djl": djl,
              "gateway": gateway, "bareMemory": bare_mem, "torch": torch, "memory": memory_files(d)}
    with open(os.path.join(d, "bench-report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(text)


WHERE_INTRO = ("Where the memory goes (4): each JVM's RSS split by /proc/self/status and the JVM's Native Memory "
               "Tracking summary (committed; the Java heap also as its resident pages, from /proc/self/smaps). "
               "Committed is not resident: G1 commits its initial heap and its remembered sets up front, so only "
               "the heap's resident pages are counted in the last line, which is then mostly ONNX Runtime (its "
               "library's data, kernel registry, sessions, arenas), glibc's malloc arenas and mapped files.")


def memory_files(d):
    """Every memory run's JSON by name (mem-*.json, ladder-*.json)."""
    return {name[:-5]: load(os.path.join(d, name)) for name in sorted(os.listdir(d))
            if (name.startswith("mem-") or name.startswith("ladder-")) and name.endswith(".json")}


def launcher_flags(memory):
    return " ".join(a for a in memory.get("jvmArguments", [])
                    if not a.startswith(("-Ddynofa.bench", "-Dgosh.args", "-XX:NativeMemoryTracking"))) or "none"


def memory_only(d, mode):
    """bench.sh --only memory: the memory rows and the 'where it goes' table alone."""
    rows = []

    def row(item, measure, ours, baseline, ratio, target, ok):
        rows.append({"item": item, "measure": measure, "ours": ours, "baseline": baseline, "ratio": ratio,
                     "target": target, "met": ok})

    where, _ = memory_rows(d, row)
    if not rows:
        raise SystemExit("bench: no memory results in " + d)
    date = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    gw = load(os.path.join(d, "mem-before.json"))
    rt = gw["runtime"]
    md = ["# Dynofa benchmark, memory rows only (%s run, %s)" % (mode, date), "",
          "Family `%s` (%d active levels of %d) on backend `%s` (%s); %d CPUs; %s." % (
              rt["family"], len(rt["activeLevels"]), rt["familyLevels"], rt["backend"], rt["backendDescription"],
              rt["cpus"], rt["java"]), "",
          "| # | measure | ours | baseline, same run | ratio | target | met |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        md.append("| %d | %s | %s | %s | %s | %s | %s |" % (r["item"], r["measure"], r["ours"], r["baseline"],
                                                           r["ratio"], r["target"], verdict(r["met"])))
    md += ["", WHERE_INTRO, ""] + where + [""]
    after = load(os.path.join(d, "mem-after.json"))["memory"]
    md.append("Launcher's flags in this run: `%s`, MALLOC_ARENA_MAX=%s." % (launcher_flags(after),
                                                                            after.get("mallocArenaMax") or "unset"))
    text = "\n".join(md) + "\n"
    with open(os.path.join(d, "bench-report.md"), "w") as f:
        f.write(text)
    report = {"mode": mode, "only": "memory", "date": date, "rows": rows,
              "memory": memory_files(d)}
    with open(os.path.join(d, "bench-report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(text)


if __name__ == "__main__":
    main()
