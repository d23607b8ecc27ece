"""OFA progressive shrinking: full net, then elastic kernel, depth and width, distilled from the full net."""
import copy
import math
import time

import torch
import torch.nn.functional as F

import data
from supernet import DEPTHS, EXPANDS, KERNELS, MAX_DEPTH, RESOLUTIONS, Arch

BATCH = 256
WEIGHT_DECAY = 5e-5
KD_RATIO = 1.0

# (name, epochs, peak lr, sub-networks per step, sampler arguments); the full net gets the largest share
SCHEDULE = (
    ("full", 10, 0.10, 1, dict(kernels=(7,), expands=(6,), depths=(4,), resolutions=RESOLUTIONS + (28, 28))),
    ("kernel", 2, 0.03, 1, dict(kernels=KERNELS, expands=(6,), depths=(4,), resolutions=RESOLUTIONS)),
    ("depth", 3, 0.02, 2, dict(kernels=KERNELS, expands=(6,), depths=DEPTHS, resolutions=RESOLUTIONS)),
    ("width", 4, 0.02, 2, dict(kernels=KERNELS, expands=EXPANDS, depths=DEPTHS, resolutions=RESOLUTIONS)),
)


def param_groups(net):
    decay, no_decay = [], []
    for name, p in net.named_parameters():
        (decay if p.dim() == 4 or name.startswith("classifier.weight") else no_decay).append(p)
    return [{"params": decay, "weight_decay": WEIGHT_DECAY}, {"params": no_decay, "weight_decay": 0.0}]


def soft_cross_entropy(logits, target_logits):
    return torch.sum(-F.softmax(target_logits, dim=1) * F.log_softmax(logits, dim=1), dim=1).mean()


def train_phase(net, teacher, splits, phase, g, rng, log):
    name, epochs, lr, per_step, choices = phase
    if name == "width":
        for block in net.blocks:
            block.reorder_channels()
    opt = torch.optim.SGD(param_groups(net), lr=lr, momentum=0.9, nesterov=True)
    steps_per_epoch = len(splits.train_x) // BATCH
    total, step, t0 = epochs * steps_per_epoch, 0, time.time()
    largest = Arch.largest()
    net.train()
    for epoch in range(epochs):
        seen = correct = 0
        for xb, yb in data.batches(splits.train_x, splits.train_y, BATCH, g):
            xb = xb.contiguous(memory_format=torch.channels_last)
            warm = min(1.0, (step + 1) / steps_per_epoch) if name == "full" else 1.0
            for group in opt.param_groups:
                group["lr"] = lr * warm * 0.5 * (1 + math.cos(math.pi * step / total))
            opt.zero_grad(set_to_none=True)
            target = None
            if teacher is not None:
                with torch.no_grad():
                    target = teacher(xb, largest)
            for _ in range(per_step):
                arch = Arch.sample(rng, **choices)
                out = net(xb, arch)
                loss = F.cross_entropy(out, yb, label_smoothing=0.1)
                if target is not None:
                    loss = loss + KD_RATIO * soft_cross_entropy(out, target)
                loss.backward()
                seen += len(yb)
                correct += (out.argmax(1) == yb).sum().item()
            opt.step()
            step += 1
        log(f"phase {name} epoch {epoch + 1}/{epochs}: train acc {100.0 * correct / seen:.2f}% "
            f"({time.time() - t0:.0f} s)")


def progressive_shrinking(net, splits, seed, log):
    g = torch.Generator().manual_seed(seed)
    rng = __import__("random").Random(seed)
    net.to(memory_format=torch.channels_last)
    teacher = None
    for phase in SCHEDULE:
        train_phase(net, teacher, splits, phase, g, rng, log)
        if phase[0] == "full":
            teacher = copy.deepcopy(net)
            teacher.train()  # batch-statistics BatchNorm: immune to any later recalibration
            for p in teacher.parameters():
                p.requires_grad_(False)
    return net


def recalibrate(net, arch, images, batch=500):
    """Reset BatchNorm statistics and re-estimate them for this sub-network (cumulative average)."""
    for bn in net.batchnorms():
        bn.reset_running_stats()
        bn.momentum = None
    net.train()
    with torch.no_grad():
        for i in range(0, len(images), batch):
            net(images[i:i + batch].contiguous(memory_format=torch.channels_last), arch)
    for bn in net.batchnorms():
        bn.momentum = 0.1
    net.eval()


def accuracy(model, x, y, batch=1000):
    """Top-1 in percent and the predictions; model takes a batch of N x 1 x 28 x 28 in [0, 1]."""
    preds = []
    model.to(memory_format=torch.channels_last)
    with torch.no_grad():
        for i in range(0, len(x), batch):
            preds.append(model(x[i:i + batch].contiguous(memory_format=torch.channels_last)).argmax(1))
    preds = torch.cat(preds)
    return 100.0 * (preds == y).float().mean().item(), preds


__all__ = ["progressive_shrinking", "recalibrate", "accuracy", "MAX_DEPTH"]
