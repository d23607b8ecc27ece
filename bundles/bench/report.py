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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--cold-runs", type=int, default=1)
    p.add_argument("--mode", default="full")
    args = p.parse_args()
    d = args.dir

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
        "< 3 s", None if first is None else first < 3000)
    act = med([c["activation"]["ms"] for c in cold if c.get("activation")])
    acts = [c["activation"] for c in cold if c.get("activation")]
    row(3, "family activation: %s levels loaded, warmed and profiled, %s kept"
        % (acts[0]["of"] if acts else "?", acts[0]["levels"] if acts else "?"),
        fmt(act, " ms", 0), "—", "—", "—", None)
    # 4. memory
    g_rss = gateway["memory"]["gatewayRssKb"] / 1024
    b_rss = bare_mem["rssKb"] / 1024
    row(4, "memory: RSS, gateway with the family active (%d levels resident)"
        % gateway["memory"]["gatewayLevelsResident"], fmt(g_rss, " MiB", 0),
        "bare JVM + one ORT session (`%s`) %s" % (bare_mem["model"], fmt(b_rss, " MiB", 0)),
        fmt(g_rss / b_rss, "", 2), "—", None)
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
              "gateway": gateway, "bareMemory": bare_mem, "torch": torch}
    with open(os.path.join(d, "bench-report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(text)


if __name__ == "__main__":
    main()
