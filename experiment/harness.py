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
import frames as fr
import traces as tr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "bundles", "runnable", "target", "dynofa.jar")
MODELS = os.path.join(ROOT, "models")
FAMILY = "fmnist-ofa"
STARTUP_TIMEOUT = 90
WARM_UP_SECONDS = 2.0
MAX_WARM_UP_SECONDS = 15.0
SETTLED_FRAMES = 10
CALIBRATION_FPS = 10
CALIBRATION_DEADLINE_MS = 1000
PIN_TIMEOUT = 3.0
POLICY_TIMEOUT = 60.0
TICK = 0.02
POLICIES = ("dynofa-step", "lut-fit", "alert", "paper-step", "slack-fit")
# the ConfigAdmin PID of each policy's configuration (runtime-config/<PID>.cfg)
POLICY_PIDS = {"slack-fit": "io.dynofa.policy.slackfit", "paper-step": "io.dynofa.policy.paperstep",
               "lut-fit": "io.dynofa.policy.lutfit", "alert": "io.dynofa.policy.alert",
               "dynofa-step": "io.dynofa.policy.step", "cross-backend": "io.dynofa.policy.crossbackend"}
# configurations of the project's runtime-config/ a run does not inherit: it writes its own deployments
OWN_CONFIGURATIONS = ("io.dynofa.deployment-*.cfg", "io.dynofa.demo.camera-*.cfg", "io.dynofa.arbitration.cfg")
DEFAULT_DEPLOYMENT = "default"


def installed_policies(jar):
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
    items = int(trace.get("itemsPerFrame", 1) or 1)
    if items > 1:
        # the levels are timed at the frames' batch, so the fit and the Pareto front are those of frames; fewer runs
        # keep the activation short (a batch-64 run of the largest level takes ~35 ms here)
        lines += [f"profileBatch = {items}", "warmupRuns = 3", "profileRuns = 10"]
    lines += [f"{k.strip()} = {v.strip()}" for k, v in extra]
    return "\n".join(lines) + "\n"


def demo_cfg(trace, phase, frame_log):
    return (f"enabled = true\nfps = {phase['fps']}\nitemsPerFrame = {trace['itemsPerFrame']}\n"
            f"deadlineMs = {phase['deadlineMs']}\nframeLog = {frame_log}\nframeLogMaxMb = 256\nloop = true\n"
            f"sampleDir = models/samples/fashion-mnist\n")


def policy_cfg(properties):
    """A policy's ConfigAdmin file: one `key = value` line per property."""
    return "".join(f"{k} = {v}\n" for k, v in properties.items())


def write_atomically(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def scratch_dir(trace, policy, pinned, extra, policy_config=None):
    work = tempfile.mkdtemp(prefix="dynofa-exp-")
    cfg = os.path.join(work, "runtime-config")
    shutil.copytree(os.path.join(ROOT, "runtime-config"), cfg,
                    # one backend: a second one (cpu2) would load on the manager thread during the run and compete;
                    # the deployments, their cameras and the arbitration are the run's own
                    ignore=shutil.ignore_patterns("*.json", "profiles", "traces", "*.tmp",
                                                  "io.dynofa.backend.cpu-cpu2.cfg", *OWN_CONFIGURATIONS))
    first = trace["phases"][0]
    write_atomically(os.path.join(cfg, "io.dynofa.runtime.cfg"), runtime_cfg(trace, first, policy, pinned, extra))
    write_atomically(os.path.join(cfg, "io.dynofa.demo.cfg"),
                     demo_cfg(trace, first, os.path.join(work, "frames.jsonl")))
    if policy_config:
        write_atomically(os.path.join(cfg, POLICY_PIDS[policy] + ".cfg"), policy_cfg(policy_config))
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

    def mark(self):
        """Where the log is now: since(mark) gives the lines seen after it, across a reopened log too."""
        return len(self.segments) - 1, len(self.segments[-1])

    def since(self, mark):
        segment, pos = mark
        out = [line for _, line in self.segments[segment][pos:]]
        for later in self.segments[segment + 1:]:
            out += [line for _, line in later]
        return out

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


def settled(segment):
    """The camera's last SETTLED_FRAMES frames were all within their deadline (the gateway has warmed up)."""
    recent = segment[-SETTLED_FRAMES:]
    frames = [fr.parse_line(l) for _, l in recent]
    return len(frames) == SETTLED_FRAMES and all(f is not None and f.within for f in frames)


class Gateway:
    """The runnable, headless, in a scratch working directory: its 1-s lines (per deployment), its cameras' frame logs,
    its configuration. frame_logs: {deployment: its camera's frame log}; default: the default deployment's
    camera logging to frames.jsonl."""

    def __init__(self, name, work, seconds, frame_logs=None):
        self.name, self.work = name, work
        self.cfg = os.path.join(work, "runtime-config")
        self.frame_log = os.path.join(work, "frames.jsonl")
        self.stderr = open(os.path.join(work, "gateway.log"), "w")
        self.proc = subprocess.Popen(["java", f"-Ddynofa.headless.seconds={int(seconds + STARTUP_TIMEOUT + 30)}",
                                      "-Dgosh.args=--nointeractive", "-jar", JAR], cwd=work,
                                     stdout=subprocess.PIPE, stderr=self.stderr, stdin=subprocess.DEVNULL, text=True,
                                     start_new_session=True)
        self.tails = {d: FrameTail(path) for d, path in (frame_logs or {DEFAULT_DEPLOYMENT: self.frame_log}).items()}
        self.tail = next(iter(self.tails.values()))
        self.lines, self.by_deployment = [], {d: [] for d in self.tails}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for text in self.proc.stdout:
            if text.startswith("{"):
                line = json.loads(text)
                self.lines.append(line)
                self.by_deployment.setdefault(line.get("deployment") or DEFAULT_DEPLOYMENT, []).append(line)

    def lines_of(self, deployment=DEFAULT_DEPLOYMENT):
        return self.by_deployment.get(deployment, [])

    def latest(self, deployment=DEFAULT_DEPLOYMENT):
        lines = self.lines_of(deployment)
        return lines[-1] if lines else {}

    def wait_ready(self):
        """Once every deployment's last 1-s line is READY and its camera logs frames: the default deployment's
        line."""
        deadline = time.time() + STARTUP_TIMEOUT
        while True:
            self.poll()
            waiting = [d for d, tail in self.tails.items() if self.latest(d).get("state") != "READY" or not tail.pos]
            if not waiting:
                return self.latest(next(iter(self.tails)))
            if time.time() > deadline or self.proc.poll() is not None:
                d = waiting[0]
                serving = self.latest(d).get("state") == "READY"
                who = "" if list(self.tails) == [DEFAULT_DEPLOYMENT] else f"deployment {d}: "
                raise RuntimeError(f"{self.name}: {who}" + ("the camera wrote no frame log (a demo without frameLog?)"
                                                            if serving else "the gateway did not become ready")
                                   + f" (see {self.work}/gateway.log)")
            time.sleep(0.05)

    def policy_in_force(self, wanted, deployment=DEFAULT_DEPLOYMENT):
        """The policy the deployment's 1-s lines name once it is `wanted` or POLICY_TIMEOUT has passed (a policy bundle
        may bind after the runtime is ready)."""
        give_up = time.time() + POLICY_TIMEOUT
        while self.latest(deployment).get("policy") != wanted and time.time() < give_up and self.proc.poll() is None:
            self.sleep(0.1)
        return self.latest(deployment).get("policy")

    def warm_up(self):
        """At least WARM_UP_SECONDS, until every camera's last frames were within their deadline (at most 15 s)."""
        warm_from = time.time()
        while time.time() - warm_from < MAX_WARM_UP_SECONDS and not (
                time.time() - warm_from >= WARM_UP_SECONDS and self.settled()):
            self.sleep(TICK)

    def settled(self):
        return all(settled(tail.segments[-1]) for tail in self.tails.values())

    def poll(self):
        for tail in self.tails.values():
            tail.poll()

    def sleep(self, seconds):
        self.poll()
        time.sleep(seconds)

    def configure(self, runtime_text, demo_text):
        write_atomically(os.path.join(self.cfg, "io.dynofa.runtime.cfg"), runtime_text)
        write_atomically(os.path.join(self.cfg, "io.dynofa.demo.cfg"), demo_text)

    def write_config(self, file_name, text):
        """Writes runtime-config/file_name when its text changes (FileInstall applies it within its poll); True when
        it did."""
        path = os.path.join(self.cfg, file_name)
        try:
            with open(path) as f:
                if f.read() == text:
                    return False
        except OSError:
            pass
        write_atomically(path, text)
        return True

    def stop(self):
        """SIGTERM to the gateway's process group (SIGKILL after 30 s); idempotent."""
        if self.stderr.closed:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.stderr.close()
        self.poll()

    def remove(self):
        shutil.rmtree(self.work, ignore_errors=True)


def start_contention(trace, phases, log):
    """The trace's contention processes (as many of each kind as `phases` ever run) started, initialised and
    paused: done before the gateway starts, so neither a process start nor the gateway's start-up is in a phase."""
    others = ct.Contention(trace, os.path.join(MODELS, FAMILY))
    counts = tr.max_counts(phases)
    if any(counts.values()):
        started = time.time()
        try:
            others.prepare(counts)
        except BaseException:
            others.stop()
            raise
        log(f"contention: {tr.contention_key(counts)} started and paused in {time.time() - started:.1f} s")
    return others


def keep(runs, result, log):
    """Appends a run's result to runs, or logs why it was skipped."""
    if result.get("skipped"):
        log(f"{result['name']}: {result['skipped']}")
    else:
        runs.append(result)


def run_once(name, kind, trace, scale, policy, pinned, log, extra=(), policy_config=None):
    """One gateway run of the trace; returns its frames' raw lines aligned to the trace clock, the requirement
    changes, the 1-s headless lines and the level table; or, when the policy is not the one in force, skipped.
    policy_config: properties of the policy's own configuration (its PID's file in the run's runtime-config)."""
    sched = tr.schedule(trace, scale)
    total = sched[-1][1]
    others = start_contention(trace, trace["phases"], log)
    changes = []
    try:
        gw = Gateway(name, scratch_dir(trace, policy, pinned, extra, policy_config), total + MAX_WARM_UP_SECONDS)
        try:
            gw.wait_ready()
            if pinned:
                resolved = pin_on_this_gateway(gw, pinned)
                if resolved != pinned:
                    log(f"{name}: {pinned} is not among this gateway's levels (profiled at each start, the Pareto "
                        f"set can differ by a level): pinned {resolved}, the nearest in top-1")
                    name, pinned = name.replace(pinned, resolved), resolved
                    gw.configure(runtime_cfg(trace, sched[0][2], policy, pinned, extra),
                                 demo_cfg(trace, sched[0][2], gw.frame_log))
            in_force = gw.policy_in_force(policy) if policy and not pinned else policy
            if in_force != policy:
                gw.stop()
                gw.remove()
                return {"name": name, "kind": kind, "skipped": f"policy {policy} not in force (the gateway runs "
                                                               f"{in_force}; problems: "
                                                               f"{gw.latest().get('problems')})"}
            gw.warm_up()
            t0, first_line = time.time(), len(gw.lines_of())
            requirement = (sched[0][2]["fps"], sched[0][2]["deadlineMs"])
            while True:
                t = time.time() - t0
                if t >= total:
                    break
                start, _, phase = tr.phase_at(sched, t)
                others.apply(tr.contention_at(phase, t - start, scale))
                if (phase["fps"], phase["deadlineMs"]) != requirement:
                    requirement = (phase["fps"], phase["deadlineMs"])
                    gw.configure(runtime_cfg(trace, phase, policy, pinned, extra),
                                 demo_cfg(trace, phase, gw.frame_log))
                    changes.append({"t": round(t, 3), "phase": phase["name"], "fps": phase["fps"],
                                    "deadlineMs": phase["deadlineMs"]})
                gw.sleep(TICK)
        finally:
            gw.stop()
    finally:
        others.stop()
    windows = one_second_windows(gw.lines_of(), first_line, total)
    levels = level_table(os.path.join(gw.work, "gateway.log"))
    segments = gw.tail.aligned_lines(t0)
    log(f"{name}: {sum(len(s[0]) for s in segments)} frame-log lines in {len(segments)} segment(s), "
        f"{len(changes)} requirement change(s)")
    gw.remove()
    out = {"name": name, "kind": kind, "policy": policy, "pinned": pinned, "segments": segments,
           "changes": changes, "windows": windows, "levels": levels, "seconds": total}
    if policy_config:
        out["policyConfig"] = dict(policy_config)
    return out


def calibrate(trace, conditions, select, frames_per_level, log, settle=1.5, fps=CALIBRATION_FPS):
    """Per contention condition, per level: frame latencies (ms) through the gateway, the camera at `fps` (slow
    enough that frames do not wait) with the trace's items per frame, the level pinned in turn while that
    condition's processes run; the first frame on a level after the pin is left out. select(level ids of this
    gateway, fastest first) names the levels to calibrate. Returns {"latencies": {condition: {level: [ms]}},
    "levels": this gateway's level table (its own Pareto set, profiled at its start), "calibrated": the level ids
    selected, "frames": frames_per_level}."""
    phase = dict(trace["phases"][0], fps=fps, deadlineMs=CALIBRATION_DEADLINE_MS)
    budget = len(conditions) * (settle + 30 * (PIN_TIMEOUT + (frames_per_level + 1) / fps))
    others = start_contention(trace, conditions, log)
    out = {}
    try:
        gw = Gateway("calibration", scratch_dir(dict(trace, phases=[phase]), "dynofa-step", None, ()), budget)
        try:
            gw.wait_ready()
            levels = level_table(os.path.join(gw.work, "gateway.log"))
            level_ids = select([l["id"] for l in levels])
            if not level_ids:
                raise RuntimeError(f"calibration: no levels to calibrate (see {gw.work}/gateway.log)")
            gw.configure(runtime_cfg(trace, phase, "dynofa-step", level_ids[-1], ()),
                         demo_cfg(trace, phase, gw.frame_log))
            gw.warm_up()
            for counts in conditions:
                key = tr.contention_key(counts)
                others.apply(counts)
                gw.sleep(settle if any(counts.values()) else 0)
                out[key] = {}
                for lid in level_ids:
                    gw.configure(runtime_cfg(trace, phase, "dynofa-step", lid, ()),
                                 demo_cfg(trace, phase, gw.frame_log))
                    out[key][lid] = pinned_latencies(gw, lid, frames_per_level)
                log(f"calibration {key}: " + ", ".join(f"{lid} {fr.percentile(ms, 50):.1f}"
                                                          for lid, ms in out[key].items() if ms))
        finally:
            gw.stop()
    finally:
        others.stop()
    gw.remove()
    return {"latencies": out, "levels": levels, "calibrated": list(level_ids), "frames": frames_per_level}


def pinned_latencies(gw, level, count):
    """Latencies of the next `count` frames served on `level` after the first one, waiting for the pin to apply
    (FileInstall polls every second) for PIN_TIMEOUT at most."""
    seen, out, give_up = 0, [], time.time() + PIN_TIMEOUT + count / CALIBRATION_FPS * 3
    start = len(gw.tail.segments[-1])
    while len(out) < count and time.time() < give_up:
        gw.sleep(TICK)
        segment = gw.tail.segments[-1]
        for _, line in segment[start:]:
            f = fr.parse_line(line)
            if f is not None and f.level == level:
                seen += 1
                if seen > 1 and f.latency_ms is not None:
                    out.append(f.latency_ms)
        start = len(segment)
    return out[:count]


def one_second_windows(lines, first, seconds):
    """A deployment's 1-s lines of the trace's span (from index first on), each with its trace time t (s)."""
    return [dict(line, t=i + 1.0) for i, line in enumerate(lines[first:first + int(round(seconds))])]


def pin_on_this_gateway(gw, pinned, wait_s=10.0):
    """pinned if this gateway serves that level, else its level nearest in top-1 (the table is logged once the
    family is resident; waited for up to wait_s)."""
    give_up = time.time() + wait_s
    ids = []
    while not ids and time.time() < give_up:
        ids = [l["id"] for l in level_table(os.path.join(gw.work, "gateway.log"))]
        if not ids:
            gw.sleep(TICK)
    if not ids or pinned in ids:
        return pinned
    top1 = manifest_top1()
    return min(ids, key=lambda i: (abs(top1.get(i, 0) - top1.get(pinned, 0)), i))


def level_tables(gateway_log):
    """{deployment: its first level table} from the gateway's log lines `levels {...}`: the table's `deployment`,
    else `(deployment NAME)` after the table, else the default deployment's."""
    out = {}
    with open(gateway_log) as f:
        for line in f:
            if "levels {" not in line:
                continue
            rest = line[line.index("levels {") + len("levels "):]
            try:
                table, end = json.JSONDecoder().raw_decode(rest)
            except json.JSONDecodeError:
                continue
            if not isinstance(table, dict) or not isinstance(table.get("levels"), list):
                continue
            tail = rest[end:].strip()
            deployment = table.get("deployment") or (tail[len("(deployment "):-1] if tail.startswith("(deployment ")
                                                     and tail.endswith(")") else DEFAULT_DEPLOYMENT)
            out.setdefault(deployment, table["levels"])
    return out


def level_table(gateway_log, deployment=DEFAULT_DEPLOYMENT):
    return level_tables(gateway_log).get(deployment, [])
