"""Pick candidate sub-networks on MACs vs validation accuracy: random pool, evolution, log-spaced MAC bins."""
import math

from static import StaticNet
from supernet import EXPANDS, KERNELS, DEPTHS, RESOLUTIONS, MAX_DEPTH, STAGES, Arch
from train import accuracy, recalibrate

SEARCH_VAL = 2000  # validation images per evaluation during the search


def evaluate(net, arch, splits):
    recalibrate(net, arch, splits.calib_x)
    static = StaticNet(net, arch)
    acc, _ = accuracy(static, splits.val_x[:SEARCH_VAL], splits.val_y[:SEARCH_VAL])
    return {"arch": arch, "macs": static.macs(), "val": acc}


def mutate(arch, rng, p=0.25):
    ks = [rng.choice(KERNELS) if rng.random() < p else k for k in arch.ks]
    ex = [rng.choice(EXPANDS) if rng.random() < p else e for e in arch.ex]
    depth = [rng.choice(DEPTHS) if rng.random() < p else d for d in arch.depth]
    res = rng.choice(RESOLUTIONS) if rng.random() < p else arch.res
    return Arch(ks, ex, depth, res)


def pareto(points):
    front, best = [], -1.0
    for p in sorted(points, key=lambda q: (q["macs"], -q["val"])):
        if p["val"] > best:
            front.append(p)
            best = p["val"]
    return front


def smallest_arch():
    n = len(STAGES) * MAX_DEPTH
    return Arch([min(KERNELS)] * n, [min(EXPANDS)] * n, [min(DEPTHS)] * len(STAGES), min(RESOLUTIONS))


def search(net, splits, rng, log, pool=64, generations=2, children=32, bins=30):
    seen = {}

    def add(arch):
        key = arch.key()
        if key not in seen:
            seen[key] = evaluate(net, arch, splits)

    add(Arch.largest())
    add(smallest_arch())
    while len(seen) < pool:
        add(Arch.sample(rng))
    log(f"search: {len(seen)} random sub-networks evaluated")
    for gen in range(generations):
        parents = pareto(seen.values())
        for _ in range(children):
            add(mutate(rng.choice(parents)["arch"], rng))
        log(f"search: generation {gen + 1}, {len(seen)} evaluated, front {len(pareto(seen.values()))}")
    points = list(seen.values())
    lo, hi = math.log(min(p["macs"] for p in points)), math.log(max(p["macs"] for p in points))
    picked = {}
    for p in points:
        b = min(bins - 1, int((math.log(p["macs"]) - lo) / (hi - lo) * bins))
        if b not in picked or p["val"] > picked[b]["val"]:
            picked[b] = p
    chosen = {p["arch"].key(): p for p in picked.values()}
    for p in (seen[Arch.largest().key()], seen[smallest_arch().key()]):
        chosen[p["arch"].key()] = p
    return sorted(chosen.values(), key=lambda q: q["macs"])


def width_only_series():
    """Full depth, largest kernel and resolution; only the expand ratio varies (slimmable-style)."""
    per_stage = [(2, 2, 2), (2, 2, 3), (3, 3, 3), (3, 3, 4), (4, 4, 4), (4, 4, 6), (6, 6, 6)]
    n, k = len(STAGES), max(KERNELS)
    return [Arch([k] * n * MAX_DEPTH, [e for s in es for e in [s] * MAX_DEPTH], [MAX_DEPTH] * n, max(RESOLUTIONS))
            for es in per_stage]
