"""Once-for-all supernet for 1x28x28 inputs: elastic kernel, expand ratio, depth and resolution."""
import random

import torch
import torch.nn as nn
import torch.nn.functional as F

KERNELS = (3, 5, 7)
EXPANDS = (2, 3, 4, 6)
DEPTHS = (2, 3, 4)
RESOLUTIONS = (16, 20, 24, 28)
STAGES = ((24, 2), (40, 2), (64, 1))  # (out channels, stride of the first block)
STEM = 16
HEAD = 128
MAX_DEPTH = max(DEPTHS)
MEAN, STD = 0.2860, 0.3530


class Arch:
    """One sub-network: per-block kernel and expand (MAX_DEPTH slots per stage), depth per stage, resolution."""

    def __init__(self, ks, ex, depth, res):
        self.ks, self.ex, self.depth, self.res = list(ks), list(ex), list(depth), res

    @staticmethod
    def largest():
        n = len(STAGES) * MAX_DEPTH
        return Arch([max(KERNELS)] * n, [max(EXPANDS)] * n, [MAX_DEPTH] * len(STAGES), max(RESOLUTIONS))

    @staticmethod
    def sample(rng, kernels=KERNELS, expands=EXPANDS, depths=DEPTHS, resolutions=RESOLUTIONS):
        n = len(STAGES) * MAX_DEPTH
        return Arch([rng.choice(kernels) for _ in range(n)], [rng.choice(expands) for _ in range(n)],
                    [rng.choice(depths) for _ in STAGES], rng.choice(resolutions))

    def active_blocks(self):
        """(stage, block index within stage, flat slot) of the blocks this arch runs."""
        return [(s, b, s * MAX_DEPTH + b) for s in range(len(STAGES)) for b in range(self.depth[s])]

    def canonical(self):
        """Drop the per-block choices of skipped blocks so equal networks compare equal."""
        ks, ex = list(self.ks), list(self.ex)
        for s in range(len(STAGES)):
            for b in range(self.depth[s], MAX_DEPTH):
                ks[s * MAX_DEPTH + b] = ex[s * MAX_DEPTH + b] = 0
        return Arch(ks, ex, self.depth, self.res)

    def key(self):
        c = self.canonical()
        return (tuple(c.ks), tuple(c.ex), tuple(c.depth), c.res)

    def to_json(self):
        stages = []
        for s in range(len(STAGES)):
            d = self.depth[s]
            sl = slice(s * MAX_DEPTH, s * MAX_DEPTH + d)
            stages.append({"depth": d, "kernel": self.ks[sl], "expand": self.ex[sl]})
        return {"resolution": self.res, "stages": stages}


def bn_forward(bn, x, n):
    """BatchNorm over the first n channels; momentum None means a cumulative average (recalibration)."""
    momentum = bn.momentum
    if bn.training and momentum is None:
        bn.num_batches_tracked += 1
        momentum = 1.0 / float(bn.num_batches_tracked)
    return F.batch_norm(x, bn.running_mean[:n], bn.running_var[:n], bn.weight[:n], bn.bias[:n],
                        bn.training, momentum or 0.0, bn.eps)


class ElasticBlock(nn.Module):
    """Inverted residual: 1x1 expand, depthwise k x k, 1x1 project; residual when shapes allow."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.cin, self.cout, self.stride = cin, cout, stride
        mid = cin * max(EXPANDS)
        self.expand = nn.Conv2d(cin, mid, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(mid)
        kmax = max(KERNELS)
        self.dw = nn.Parameter(torch.empty(mid, 1, kmax, kmax))
        nn.init.kaiming_normal_(self.dw, mode="fan_out")
        self.bn2 = nn.BatchNorm2d(mid)
        self.project = nn.Conv2d(mid, cout, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(cout)
        # OFA kernel transforms: 7->5 and 5->3 centre crops followed by a learned linear map (init identity)
        self.t75 = nn.Parameter(torch.eye(25))
        self.t53 = nn.Parameter(torch.eye(9))

    def mid(self, e):
        return self.cin * e

    def dw_weight(self, k, n):
        w = self.dw[:n]
        if k >= 7:
            return w
        w = w[:, :, 1:6, 1:6]
        w = (w.reshape(n, 25) @ self.t75).reshape(n, 1, 5, 5)
        if k == 5:
            return w
        w = w[:, :, 1:4, 1:4]
        return (w.reshape(n, 9) @ self.t53).reshape(n, 1, 3, 3)

    def forward(self, x, k, e):
        n = self.mid(e)
        y = F.conv2d(x, self.expand.weight[:n])
        y = F.relu(bn_forward(self.bn1, y, n))
        y = F.conv2d(y, self.dw_weight(k, n), stride=self.stride, padding=k // 2, groups=n)
        y = F.relu(bn_forward(self.bn2, y, n))
        y = F.conv2d(y, self.project.weight[:, :n])
        y = bn_forward(self.bn3, y, self.cout)
        return x + y if self.stride == 1 and self.cin == self.cout else y

    def reorder_channels(self):
        """Sort the expanded channels by importance (L1 of the project weights), largest first."""
        with torch.no_grad():
            imp = self.project.weight.abs().sum(dim=(0, 2, 3))
            idx = torch.argsort(imp, descending=True)
            self.expand.weight.copy_(self.expand.weight[idx])
            self.dw.copy_(self.dw[idx])
            self.project.weight.copy_(self.project.weight[:, idx])
            for bn in (self.bn1, self.bn2):
                for t in (bn.weight, bn.bias, bn.running_mean, bn.running_var):
                    t.copy_(t[idx])


class Supernet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, STEM, 3, padding=1, bias=False)
        self.stem_bn = nn.BatchNorm2d(STEM)
        blocks, cin = [], STEM
        for cout, stride in STAGES:
            for b in range(MAX_DEPTH):
                blocks.append(ElasticBlock(cin, cout, stride if b == 0 else 1))
                cin = cout
        self.blocks = nn.ModuleList(blocks)
        self.head = nn.Conv2d(cin, HEAD, 1, bias=False)
        self.head_bn = nn.BatchNorm2d(HEAD)
        self.classifier = nn.Linear(HEAD, 10)

    def forward(self, x, arch):
        x = resize(x, arch.res)
        x = (x - MEAN) / STD
        x = F.relu(self.stem_bn(self.stem(x)))
        for _, _, slot in arch.active_blocks():
            x = self.blocks[slot](x, arch.ks[slot], arch.ex[slot])
        x = F.relu(self.head_bn(self.head(x)))
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.classifier(x)

    def batchnorms(self):
        return [m for m in self.modules() if isinstance(m, nn.BatchNorm2d)]


def resize(x, res):
    if x.shape[-1] == res:
        return x
    return F.interpolate(x, size=(res, res), mode="bilinear", align_corners=False)


def seeded_rng(seed):
    return random.Random(seed)
