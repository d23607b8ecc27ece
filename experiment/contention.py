"""The other applications a trace phase runs beside the gateway, each a separate process.

- CPU hogs: busy-looping python processes.
- Memory hogs: python/numpy processes sweeping (read + write) an array much larger than the last-level cache.
- Co-runners: JVMs running bare ONNX Runtime inference of one shipped level at a batch size, back to back
  (io.dynofa.bench.internal.CoRunnerMain, like the paper's co-running DNN application).

Every process the trace will need is started and initialised before the gateway starts (Contention.prepare: a
memory hog has allocated its array and swept it once, a co-runner has run its first batch, a CPU hog's
interpreter is up; each prints `ready`), then paused with SIGSTOP. At a phase boundary apply() releases the
phase's processes with SIGCONT and pauses the others with SIGSTOP, so an onset is the moment the contending work
begins, not a process start (a 1 GiB array faulting in, a JVM loading ONNX Runtime).

`python3 contention.py memhog MB` is the memory hog's own entry point.
"""
import glob
import os
import select
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE_DIR = "/sys/devices/system/cpu/cpu0/cache"
MEM_HOG_LLC_FACTOR = 8
MEM_HOG_MAX_MB = 1024
READY = b"ready"
READY_TIMEOUT = 90.0
CPU_HOG = "print('ready', flush=True)\nwhile True: pass"
KIND_NAMES = {"cpuHogs": "CPU hog", "memHogs": "memory hog", "coRunner": "co-runner"}


def parse_cache_size(text):
    """'2048K' / '480M' / '1G' / '512' (bytes) -> bytes; None when unreadable."""
    text = text.strip().upper()
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    try:
        if text and text[-1] in units:
            return int(text[:-1]) * units[text[-1]]
        return int(text)
    except ValueError:
        return None


def last_level_cache_bytes(cache_dir=CACHE_DIR):
    """Size of the highest-level cache cpu0 reports (sysfs), or None."""
    best = None
    for index in glob.glob(os.path.join(cache_dir, "index*")):
        try:
            with open(os.path.join(index, "level")) as f:
                level = int(f.read())
            with open(os.path.join(index, "size")) as f:
                size = parse_cache_size(f.read())
        except (OSError, ValueError):
            continue
        if size and (best is None or level > best[0] or (level == best[0] and size > best[1])):
            best = (level, size)
    return best[1] if best else None


def mem_hog_mb(llc_bytes, override_mb=None):
    """The memory hog's array: the trace's memHogMb, else 8x the LLC capped at 1 GiB (a VM may report the host's
    whole L3: 480 MB here, and 8x that takes >10 s to fault in), at least 64 MB."""
    if override_mb:
        return int(override_mb)
    if not llc_bytes:
        return MEM_HOG_MAX_MB
    return max(64, min(MEM_HOG_MAX_MB, MEM_HOG_LLC_FACTOR * llc_bytes // (1 << 20)))


def bench_class_path():
    ort = sorted(glob.glob(os.path.join(ROOT, "bundles", "onnxruntime", "target", "onnxruntime-*.jar")))
    bench = sorted(glob.glob(os.path.join(ROOT, "bundles", "bench", "target", "bench-*.jar")))
    if not ort or not bench:
        raise RuntimeError("the co-runner needs bundles/onnxruntime and bundles/bench built "
                           "(mvn -q -o install -DskipTests -pl bundles/onnxruntime,bundles/bench)")
    return ort[0] + os.pathsep + bench[0]


class ProcessPool:
    """Identical processes of one kind, the first n of them running and the rest paused (SIGSTOP).

    prepare(n) starts n processes, waits until each has printed READY on stdout (its start-up done; bounded by
    timeout) and pauses them; set(count) then only sends SIGCONT / SIGSTOP where a process's state changes. A
    count beyond the processes there are starts new ones at once, running (apply() without prepare())."""

    def __init__(self, kind, command, popen=subprocess.Popen, kill=os.kill):
        self.kind, self.command, self.popen, self.kill = kind, command, popen, kill
        self.procs, self.running = [], []

    def _spawn(self, stdout):
        p = self.popen(self.command(), stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.DEVNULL,
                       start_new_session=True)
        self.procs.append(p)
        self.running.append(True)
        return p

    def prepare(self, count, timeout=READY_TIMEOUT):
        """Start processes until there are `count`, wait for each one's READY line, pause them all."""
        fresh = [self._spawn(subprocess.PIPE) for _ in range(count - len(self.procs))]
        wait_ready(self.kind, fresh, timeout)
        for i in range(len(self.procs)):
            self._signal(i, False)

    def set(self, count):
        """The first `count` processes running, the others paused; RuntimeError when one has exited."""
        self.check()
        while len(self.procs) < count:
            self._spawn(subprocess.DEVNULL)
        for i in range(len(self.procs)):
            self._signal(i, i < count)

    def check(self):
        for i, p in enumerate(self.procs):
            rc = p.poll()
            if rc is not None:
                raise RuntimeError(f"contention: {self.kind} process {i + 1} (pid {p.pid}) exited unexpectedly "
                                   f"with status {rc}")

    def _signal(self, i, run):
        if self.running[i] != run:
            self.kill(self.procs[i].pid, signal.SIGCONT if run else signal.SIGSTOP)
            self.running[i] = run

    def stop(self):
        """Kill every process (a paused one too) and reap it."""
        for p in self.procs:
            if p.poll() is None:
                try:
                    p.kill()
                except ProcessLookupError:
                    pass
            p.wait()
            if p.stdout:
                p.stdout.close()
        self.procs, self.running = [], []


def wait_ready(kind, procs, timeout):
    """Until every process has written a line READY to its stdout pipe (then closed); RuntimeError naming the
    kind when one exits first or `timeout` seconds pass."""
    give_up = time.monotonic() + timeout
    pending = {p.stdout.fileno(): [p, b""] for p in procs}
    while pending:
        left = give_up - time.monotonic()
        if left <= 0:
            raise RuntimeError(f"contention: {len(pending)} {kind} process(es) not ready within {timeout:g} s")
        readable, _, _ = select.select(list(pending), [], [], min(left, 0.5))
        for fd in readable:
            p, buffered = pending[fd]
            data = os.read(fd, 4096)
            if not data:
                raise RuntimeError(f"contention: a {kind} process (pid {p.pid}) exited before it was ready "
                                   f"(status {p.wait()})")
            *lines, partial = (buffered + data).split(b"\n")
            if any(line.strip() == READY for line in lines):
                p.stdout.close()
                del pending[fd]
            else:
                pending[fd][1] = partial[-4096:]


class Contention:
    """CPU hogs, memory hogs and co-runners as the current phase says: its counts cpuHogs, memHogs and coRunner
    (0 or missing = none); the co-runner application is the trace's coRunnerApp (model, items, pauseMs).

    prepare(max_counts) before the gateway starts: every process the trace will need, initialised and paused;
    apply(counts) at each tick releases (SIGCONT) / pauses (SIGSTOP) them, so a phase's onset is the moment its
    contending work begins."""

    def __init__(self, trace, models_dir, popen=subprocess.Popen, kill=os.kill):
        self.mem_mb = mem_hog_mb(last_level_cache_bytes(), trace.get("memHogMb"))
        co = trace.get("coRunnerApp", {})
        co_model = os.path.join(models_dir, co.get("model", "ofa-13.onnx"))
        co_items = str(co.get("items", trace.get("itemsPerFrame", 64)))
        co_pause = str(co.get("pauseMs", 0))
        commands = {
            "cpuHogs": lambda: [sys.executable, "-c", CPU_HOG],
            "memHogs": lambda: [sys.executable, os.path.abspath(__file__), "memhog", str(self.mem_mb)],
            "coRunner": lambda: ["java", "-Xmx256m", "-cp", bench_class_path(),
                                 "io.dynofa.bench.internal.CoRunnerMain", co_model, co_items, co_pause],
        }
        self.pools = {k: ProcessPool(KIND_NAMES[k], c, popen, kill) for k, c in commands.items()}

    def prepare(self, max_counts, timeout=READY_TIMEOUT):
        """Start max_counts[kind] processes of each kind, wait until all are initialised, pause them."""
        for key, pool in self.pools.items():
            pool.prepare(int(max_counts.get(key, 0)), timeout)

    def apply(self, counts):
        for key, pool in self.pools.items():
            pool.set(int(counts.get(key, 0)))

    def stop(self):
        for pool in self.pools.values():
            pool.stop()


def mem_hog(mb):
    import numpy as np
    a = np.ones(mb * (1 << 20) // 8)
    np.add(a, 1.0, out=a)
    print("ready", flush=True)
    while True:
        np.add(a, 1.0, out=a)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "memhog":
        mem_hog(int(sys.argv[2]))
    else:
        sys.exit("usage: contention.py memhog MB")
