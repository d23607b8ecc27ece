"""Adaptation judged per frame: the same trace for every managed policy, static levels and an oracle.

Each run starts the real gateway (bundles/runnable/target/dynofa.jar) headless in a scratch working directory
whose runtime-config/ selects the policy (or pins a level) and configures the demo camera (fps, items per frame,
deadline, frame log). While the camera sends frames, this harness runs the trace's contention (contention.py)
and, when a phase changes the requirement, rewrites the camera's configuration (FileInstall applies it; the
runtime's targetLatencyMs follows the deadline). The camera's frame log is the measurement; the gateway's
one-JSON-line-per-second output gives the level table, the policy in force and the system's CPU load.
"""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import contention as ct
import traces as tr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "bundles", "runnable", "target", "dynofa.jar")
MODELS = os.path.join(ROOT, "models")
FAMILY = "fmnist-ofa"
STARTUP_TIMEOUT = 90
WARM_UP_SECONDS = 2.0
TICK = 0.02
POLICIES = ("dynofa-step", "lut-fit", "alert", "paper-step", "slack-fit")


def installed_policies(jar=JAR):
    """Policy names whose bundle (jar/policy-NAME-*.jar) the runnable carries."""
    import zipfile
    with zipfile.ZipFile(jar) as z:
        return {os.path.basename(n)[len("policy-"):].rsplit("-", 2)[0] for n in z.namelist()
                if os.path.basename(n).startswith("policy-") and n.endswith(".jar")}


def manifest_top1(family=FAMILY):
    """Level id -> the 10k test-set top-1 (manifest 'top1'; not the sample's 'sampleTop1')."""
    with open(os.path.join(MODELS, family, "manifest.json")) as f:
        return {l["id"]: float(l["top1"]) for l in json.load(f)["levels"]}


def deadline_of(trace, phase):
    return tr.effective_deadline_ms(phase) or trace.get("targetMs") or 0


def runtime_cfg(trace, phase, policy, pinned, extra):
    lines = [f"targetLatencyMs = {deadline_of(trace, phase)}", f"accuracyFloor = {trace['accuracyFloor']}",
             f"policy = {policy}", "fallbackPolicy = dynofa-step", f"family = {FAMILY}", "backend = cpu",
             f"pinnedLevel = {pinned or ''}"]
    lines += [f"{k.strip()} = {v.strip()}" for k, v in extra]
    return "\n".join(lines) + "\n"


def demo_cfg(trace, phase, frame_log):
    return (f"enabled = true\nfps = {phase['fps']}\nitemsPerFrame = {trace['itemsPerFrame']}\n"
            f"deadlineMs = {phase['deadlineMs']}\nframeLog = {frame_log}\nframeLogMaxMb = 256\nloop = true\n"
            f"sampleDir = models/samples/fashion-mnist\n")


def write_atomically(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def scratch_dir(trace, policy, pinned, extra):
    work = tempfile.mkdtemp(prefix="dynofa-exp-")
    cfg = os.path.join(work, "runtime-config")
    shutil.copytree(os.path.join(ROOT, "runtime-config"), cfg,
                    ignore=shutil.ignore_patterns("*.json", "profiles", "traces", "*.tmp"))
    first = trace["phases"][0]
    write_atomically(os.path.join(cfg, "io.dynofa.runtime.cfg"), runtime_cfg(trace, first, policy, pinned, extra))
    write_atomically(os.path.join(cfg, "io.dynofa.demo.cfg"), demo_cfg(trace, first, os.path.join(work, "frames.jsonl")))
    os.symlink(MODELS, os.path.join(work, "models"))
    os.makedirs(os.path.join(work, "deploy"))
    profiles = os.path.join(ROOT, "runtime-config", "profiles")
    if os.path.isdir(profiles):
        shutil.copytree(profiles, os.path.join(cfg, "profiles"))
    return work


class FrameTail:
    """Follows the frame log while it grows, keeping each complete line with the wall time it was first seen; a
    log that shrinks was reopened (a new camera: new origin) and starts a new segment. The camera's origin on the
    wall clock is, per segment, the smallest (seen - endNs): the line read soonest after it was written."""

    def __init__(self, path):
        self.path, self.pos, self.partial = path, 0, b""
        self.segments = [[]]

    def poll(self):
        try:
            size = os.path.getsize(self.path)
        except OSError:
            return
        if size < self.pos:
            self.pos, self.partial = 0, b""
            self.segments.append([])
        if size == self.pos:
            return
        now = time.time()
        with open(self.path, "rb") as f:
            f.seek(self.pos)
            data = f.read(size - self.pos)
        self.pos += len(data)
        *complete, self.partial = (self.partial + data).split(b"\n")
        self.segments[-1].extend((now, line.decode("utf-8", "replace")) for line in complete)

    def aligned_lines(self, t0):
        """(lines, camera-time offset in trace seconds) per segment."""
        out = []
        for seg in self.segments:
            origin = None
            for seen, line in seg:
                try:
                    end = json.loads(line).get("endNs")
                except (json.JSONDecodeError, AttributeError):
                    continue
                if isinstance(end, int):
                    o = seen - end / 1e9
                    origin = o if origin is None else min(origin, o)
            if origin is not None:
                out.append(([l for _, l in seg], t0 - origin))
        return out


def run_once(name, kind, trace, scale, policy, pinned, log, extra=(), schedule_pins=None):
    """One gateway run of the trace; returns its frames' raw lines aligned to the trace clock, the requirement
    changes, the 1-s headless lines and the level table."""
    sched = tr.schedule(trace, scale)
    total = sched[-1][1]
    work = scratch_dir(trace, policy, pinned, extra)
    cfg = os.path.join(work, "runtime-config")
    stderr = open(os.path.join(work, "gateway.log"), "w")
    proc = subprocess.Popen(["java", f"-Ddynofa.headless.seconds={int(total + STARTUP_TIMEOUT + 30)}",
                             "-Dgosh.args=--nointeractive", "-jar", JAR], cwd=work, stdout=subprocess.PIPE,
                            stderr=stderr, stdin=subprocess.DEVNULL, text=True, start_new_session=True)
    lines, others, tail = [], ct.Contention(trace, os.path.join(MODELS, FAMILY)), FrameTail(
        os.path.join(work, "frames.jsonl"))
    reader = threading.Thread(target=lambda: [lines.append(json.loads(l)) for l in proc.stdout if l.startswith("{")],
                              daemon=True)
    reader.start()
    t0, changes, skipped = None, [], None
    try:
        deadline = time.time() + STARTUP_TIMEOUT
        while True:
            if time.time() > deadline or proc.poll() is not None:
                serving = lines and lines[-1].get("state") == "READY"
                raise RuntimeError(f"{name}: " + ("the camera wrote no frame log (a demo without frameLog?)"
                                                  if serving else "the gateway did not become ready")
                                   + f" (see {work}/gateway.log)")
            tail.poll()
            if lines and lines[-1].get("state") == "READY" and (lines[-1].get("frames") or 0) > 0 and tail.pos:
                break
            time.sleep(0.05)
        ready = lines[-1]
        if policy and not pinned and ready.get("policy") != policy:
            skipped = f"policy {policy} not in force (the gateway runs {ready.get('policy')}): not installed?"
            return {"name": name, "kind": kind, "skipped": skipped}
        end_warm = time.time() + WARM_UP_SECONDS
        while time.time() < end_warm:
            tail.poll()
            time.sleep(TICK)
        t0, first_line, requirement = time.time(), len(lines), (sched[0][2]["fps"], sched[0][2]["deadlineMs"])
        pinned_now = pinned
        while True:
            t = time.time() - t0
            if t >= total:
                break
            start, _, phase = tr.phase_at(sched, t)
            others.apply(tr.contention_at(phase, t - start, scale))
            want_pin = schedule_pins.get(phase["name"]) if schedule_pins else pinned_now
            if (phase["fps"], phase["deadlineMs"]) != requirement or want_pin != pinned_now:
                requirement, pinned_now = (phase["fps"], phase["deadlineMs"]), want_pin
                write_atomically(os.path.join(cfg, "io.dynofa.demo.cfg"),
                                 demo_cfg(trace, phase, os.path.join(work, "frames.jsonl")))
                write_atomically(os.path.join(cfg, "io.dynofa.runtime.cfg"),
                                 runtime_cfg(trace, phase, policy, pinned_now, extra))
                changes.append({"t": round(t, 3), "phase": phase["name"], "fps": phase["fps"],
                                "deadlineMs": phase["deadlineMs"], "pinnedLevel": pinned_now})
            tail.poll()
            time.sleep(TICK)
        tail.poll()
    finally:
        others.stop()
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        stderr.close()
    windows = []
    for i, line in enumerate(lines[first_line:first_line + int(round(total))]):
        windows.append(dict(line, t=i + 1.0))
    levels = level_table(os.path.join(work, "gateway.log"))
    segments = tail.aligned_lines(t0)
    log(f"{name}: {sum(len(s[0]) for s in segments)} frame-log lines in {len(segments)} segment(s), "
        f"{len(changes)} requirement change(s)")
    shutil.rmtree(work, ignore_errors=True)
    return {"name": name, "kind": kind, "policy": policy, "pinned": pinned, "segments": segments,
            "changes": changes, "windows": windows, "levels": levels, "seconds": total}


def level_table(gateway_log):
    with open(gateway_log) as f:
        for line in f:
            if "levels {" in line:
                return json.loads(line[line.index("levels {") + len("levels "):])["levels"]
    return []


def calibrate(trace, conditions, level_files, runs, log, settle=2.0):
    """Per contention condition, per level: bare ONNX Runtime batch latencies (ms) of the trace's items per frame,
    measured while that condition's processes run (io.dynofa.bench.internal.LevelLatencyMain)."""
    out = {}
    others = ct.Contention(trace, os.path.join(MODELS, FAMILY))
    try:
        for counts in conditions:
            key = tr.contention_key(counts)
            others.apply(counts)
            time.sleep(settle if any(counts.values()) else 0)
            res = subprocess.run(["java", "-cp", ct.bench_class_path(), "io.dynofa.bench.internal.LevelLatencyMain",
                                  str(trace["itemsPerFrame"]), str(runs)] + list(level_files.values()),
                                 capture_output=True, text=True, timeout=600)
            if res.returncode != 0:
                raise RuntimeError(f"calibration under {key} failed: {res.stderr.strip()[-500:]}")
            by_file = {os.path.basename(f): lid for lid, f in level_files.items()}
            out[key] = {}
            for line in res.stdout.splitlines():
                d = json.loads(line)
                out[key][by_file[d["model"]]] = d["ms"]
            log(f"calibration {key}: " + ", ".join(f"{lid} {sorted(ms)[len(ms) // 2]:.1f}"
                                                      for lid, ms in out[key].items()))
    finally:
        others.stop()
    return out


def level_files(level_ids, family=FAMILY):
    with open(os.path.join(MODELS, family, "manifest.json")) as f:
        files = {l["id"]: os.path.join(MODELS, family, l["file"]) for l in json.load(f)["levels"]}
    return {lid: files[lid] for lid in level_ids if lid in files}
