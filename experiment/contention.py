"""The other applications a trace phase runs beside the gateway, each a separate process.

- CPU hogs: busy-looping python processes.
- Memory hogs: python/numpy processes sweeping (read + write) an array much larger than the last-level cache.
- Co-runners: JVMs running bare ONNX Runtime inference of one shipped level at a batch size, back to back
  (io.dynofa.bench.internal.CoRunnerMain, like the paper's co-running DNN application).

`python3 contention.py memhog MB` is the memory hog's own entry point.
"""
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE_DIR = "/sys/devices/system/cpu/cpu0/cache"
MEM_HOG_LLC_FACTOR = 8
MEM_HOG_MAX_MB = 1024


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
    """A number of identical processes, grown and shrunk to what the phase asks."""

    def __init__(self, command):
        self.command = command
        self.procs = []

    def set(self, count):
        while len(self.procs) < count:
            self.procs.append(subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL, start_new_session=True))
        while len(self.procs) > count:
            p = self.procs.pop()
            p.kill()
            p.wait()

    def stop(self):
        self.set(0)


class Contention:
    """CPU hogs, memory hogs and co-runners as the current phase says: its counts cpuHogs, memHogs and coRunner
    (0 or missing = none); the co-runner application is the trace's coRunnerApp (model, items, pauseMs)."""

    def __init__(self, trace, models_dir):
        self.mem_mb = mem_hog_mb(last_level_cache_bytes(), trace.get("memHogMb"))
        co = trace.get("coRunnerApp", {})
        co_model = os.path.join(models_dir, co.get("model", "ofa-13.onnx"))
        co_items = str(co.get("items", trace.get("itemsPerFrame", 64)))
        co_pause = str(co.get("pauseMs", 0))
        self.pools = {
            "cpuHogs": ProcessPool(lambda: [sys.executable, "-c", "while True: pass"]),
            "memHogs": ProcessPool(lambda: [sys.executable, os.path.abspath(__file__), "memhog", str(self.mem_mb)]),
            "coRunner": ProcessPool(lambda: ["java", "-Xmx256m", "-cp", bench_class_path(),
                                              "io.dynofa.bench.internal.CoRunnerMain", co_model, co_items, co_pause]),
        }

    def apply(self, counts):
        for key, pool in self.pools.items():
            pool.set(int(counts.get(key, 0)))

    def stop(self):
        for pool in self.pools.values():
            pool.stop()


def mem_hog(mb):
    import numpy as np
    a = np.ones(mb * (1 << 20) // 8)
    while True:
        np.add(a, 1.0, out=a)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "memhog":
        mem_hog(int(sys.argv[2]))
    else:
        sys.exit("usage: contention.py memhog MB")
