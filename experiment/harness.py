"""Adaptation under contention: the same contention trace for every managed policy, static levels and an oracle.

Each run starts the real gateway (bundles/runnable/target/dynofa.jar) headless in a scratch working
directory whose runtime-config/ selects the policy (or pins a level); the demo camera streams the
labelled sample while this harness starts and stops CPU hogs (separate busy-looping processes) as the
trace says. The gateway's one-JSON-line-per-second output is the measurement.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "bundles", "runnable", "target", "dynofa.jar")
STARTUP_TIMEOUT = 60
POLICIES = ("dynofa-step", "lut-fit", "alert")


class Hogs:
    """CPU hogs as separate processes (another application, as in the paper)."""

    def __init__(self):
        self.procs = []

    def set(self, count):
        while len(self.procs) < count:
            self.procs.append(subprocess.Popen([sys.executable, "-c", "while True: pass"]))
        while len(self.procs) > count:
            p = self.procs.pop()
            p.kill()
            p.wait()

    def stop(self):
        self.set(0)


def phase_schedule(trace, scale):
    """[(start, end, phase)] in seconds from the trace start."""
    t, out = 0.0, []
    for phase in trace["phases"]:
        d = phase["seconds"] * scale
        out.append((t, t + d, phase))
        t += d
    return out


def hogs_at(phase, t_in_phase, scale):
    on, off = phase.get("onSeconds"), phase.get("offSeconds")
    if not on or not off:
        return phase["hogs"]
    period = (on + off) * scale
    return phase["hogs"] if (t_in_phase % period) < on * scale else 0


def scratch_dir(trace, policy, pinned, fps, extra=()):
    work = tempfile.mkdtemp(prefix="dynofa-exp-")
    cfg = os.path.join(work, "runtime-config")
    shutil.copytree(os.path.join(ROOT, "runtime-config"), cfg,
                    ignore=shutil.ignore_patterns("*.json", "profiles", "traces"))
    with open(os.path.join(cfg, "io.dynofa.runtime.cfg"), "w") as f:
        f.write(f"targetLatencyMs = {trace['targetMs']}\npolicy = {policy}\nfallbackPolicy = dynofa-step\n"
                f"family = fmnist-ofa\nbackend = cpu\npinnedLevel = {pinned or ''}\n")
        for key, value in extra:
            f.write(f"{key.strip()} = {value.strip()}\n")
    with open(os.path.join(cfg, "io.dynofa.demo.cfg"), "w") as f:
        f.write(f"enabled = true\nfps = {fps}\nloop = true\nsampleDir = models/samples/fashion-mnist\n")
    os.symlink(os.path.join(ROOT, "models"), os.path.join(work, "models"))
    os.makedirs(os.path.join(work, "deploy"))
    profiles = os.path.join(ROOT, "runtime-config", "profiles")
    if os.path.isdir(profiles):
        shutil.copytree(profiles, os.path.join(cfg, "profiles"))
    return work


def run_once(name, trace, scale, policy, pinned, log, extra=()):
    schedule = phase_schedule(trace, scale)
    total = schedule[-1][1]
    work = scratch_dir(trace, policy, pinned, trace.get("fps", 200), extra)
    stderr = open(os.path.join(work, "gateway.log"), "w")
    proc = subprocess.Popen(["java", f"-Ddynofa.headless.seconds={int(total + STARTUP_TIMEOUT + 10)}",
                             "-Dgosh.args=--nointeractive", "-jar", JAR], cwd=work, stdout=subprocess.PIPE,
                            stderr=stderr, stdin=subprocess.DEVNULL, text=True, start_new_session=True)
    lines, hogs, t0 = [], Hogs(), None
    reader = threading.Thread(target=lambda: [lines.append(json.loads(l)) for l in proc.stdout if l.startswith("{")],
                              daemon=True)
    reader.start()
    try:
        deadline = time.time() + STARTUP_TIMEOUT
        while t0 is None:
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError(f"{name}: the gateway did not become ready (see {work}/gateway.log)")
            if lines and lines[-1].get("state") == "READY" and (lines[-1].get("frames") or 0) > 0:
                t0, first = time.time(), len(lines)
            time.sleep(0.05)
        while True:
            t = time.time() - t0
            if t >= total:
                break
            for start, end, phase in schedule:
                if start <= t < end:
                    hogs.set(hogs_at(phase, t - start, scale))
            time.sleep(0.05)
        time.sleep(0.2)
    finally:
        hogs.stop()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        stderr.close()
    windows = []
    for i, line in enumerate(lines[first:first + int(round(total))]):
        t = i + 1.0
        phase = next((p["name"] for s, e, p in schedule if s < t <= e + 1e-9), schedule[-1][2]["name"])
        windows.append(dict(line, phase=phase, t=t))
    levels = level_table(os.path.join(work, "gateway.log"))
    log(f"{name}: {len(windows)} windows")
    shutil.rmtree(work, ignore_errors=True)
    return {"name": name, "policy": policy, "pinned": pinned, "windows": windows, "start": lines[first - 1],
            "levels": levels}


def level_table(gateway_log):
    with open(gateway_log) as f:
        for line in f:
            if "levels {" in line:
                return json.loads(line[line.index("levels {") + len("levels "):])["levels"]
    return []


def sample_accuracy():
    with open(os.path.join(ROOT, "models", "fmnist-ofa", "manifest.json")) as f:
        return {l["id"]: l["sampleTop1"] for l in json.load(f)["levels"]}


def summarise(run, target):
    w, start = run["windows"], run["start"]
    met = sum(1 for x in w if x.get("latencyMeanMs") is not None and x["latencyMeanMs"] <= target)
    last = w[-1]
    return {"run": run["name"], "windowsMet": 100.0 * met / len(w), "frameP95Ms": last.get("frameP95Ms"),
            "frames": (last.get("frames") or 0) - (start.get("frames") or 0), "accuracy": last.get("accuracy"),
            "switches": (last.get("switches") or 0) - (start.get("switches") or 0), "windows": len(w)}


def oracle(run, target, sample_top1):
    """Per window, the most accurate level whose measured latency times that window's slowdown fits."""
    levels = {l["id"]: l for l in run["levels"]}
    chosen, met = [], 0
    for x in run["windows"]:
        current = levels.get(x.get("level"))
        if not current or x.get("latencyMeanMs") is None:
            continue
        slowdown = x["latencyMeanMs"] / current["latencyMs"]
        fits = [l for l in run["levels"] if l["latencyMs"] * slowdown <= target]
        best = max(fits, key=lambda l: l["top1"]) if fits else min(run["levels"], key=lambda l: l["latencyMs"])
        met += 1 if fits else 0
        chosen.append(best["id"])
    acc = sum(sample_top1[c] for c in chosen) / len(chosen)
    switches = sum(1 for a, b in zip(chosen, chosen[1:]) if a != b)
    return {"run": f"oracle (from {run['name']})", "windowsMet": 100.0 * met / len(chosen), "frameP95Ms": None,
            "frames": None, "accuracy": acc, "switches": switches, "windows": len(chosen)}
