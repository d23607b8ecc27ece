#!/usr/bin/python3
"""PyTorch eager reference for ./dynofa bench (item 5).

Rebuilds each measured level as an eager torch nn.Module from its ONNX file's weights (a converter for
exactly the ops the family's graphs use: Conv (groups), Relu, Add, Sub, Div, Resize (linear, half_pixel),
ReduceMean over H,W, Gemm / MatMul+Add, Flatten / Reshape, plus the Constant/Shape/Slice/Concat chain that
computes Resize's size, folded at build time), checks its logits against ONNX Runtime's (the bench bundle
wrote ORT's logits of the first sample images into gateway.json), then times batch-1 inference with
torch.set_num_threads(1), torch.no_grad(), eager mode, after warm-up. Also times what a level change costs
when a sub-network has to be built from its weights (read + build + first inference), as a reference for
the runtime's switch. Writes JSON for report.py.

Run with Debian's /usr/bin/python3 (python3-torch, python3-onnx).
"""
import argparse
import gzip
import json
import os
import statistics
import struct
import time

import numpy as np
import onnx
from onnx import numpy_helper
import torch
import torch.nn as nn
import torch.nn.functional as F


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


class EagerNet(nn.Module):
    """The ONNX graph as a straight sequence of eager torch ops; convolutions and the classifier are modules."""

    def __init__(self, model, input_shape):
        super().__init__()
        g = model.graph
        static = {i.name: numpy_helper.to_array(i) for i in g.initializer}
        self.input_name = g.input[0].name
        self.output_name = g.output[0].name
        shapes = {self.input_name: list(input_shape)}
        self.layers = nn.ModuleList()
        self.consts = {}
        steps = []

        def const(name):
            if name not in self.consts:
                self.consts[name] = torch.from_numpy(np.array(static[name], copy=True))
            return self.consts[name]

        for node in g.node:
            op, a, ins, out = node.op_type, attrs(node), list(node.input), node.output[0]
            if op == "Constant":
                static[out] = numpy_helper.to_array(a["value"])
            elif op == "Shape":
                static[out] = np.array(shapes[ins[0]], dtype=np.int64)
            elif op == "Slice" and all(i in static for i in ins if i):
                data, starts, ends = static[ins[0]], static[ins[1]], static[ins[2]]
                axes = static[ins[3]] if len(ins) > 3 and ins[3] else list(range(len(starts)))
                sl = [slice(None)] * data.ndim
                for s, e, ax in zip(starts, ends, axes):
                    sl[int(ax)] = slice(int(s), int(e))
                static[out] = data[tuple(sl)]
            elif op == "Concat" and all(i in static for i in ins):
                static[out] = np.concatenate([static[i] for i in ins], axis=a.get("axis", 0))
            elif op == "Conv":
                w = static[ins[1]]
                b = static[ins[2]] if len(ins) > 2 and ins[2] else None
                pads = a.get("pads", [0, 0, 0, 0])
                if pads[0] != pads[2] or pads[1] != pads[3] or a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
                    raise ValueError("asymmetric padding is not supported: %s" % node.name)
                groups = a.get("group", 1)
                conv = nn.Conv2d(w.shape[1] * groups, w.shape[0], tuple(w.shape[2:]), stride=tuple(a.get("strides", [1, 1])),
                                 padding=(pads[0], pads[1]), dilation=tuple(a.get("dilations", [1, 1])),
                                 groups=groups, bias=b is not None)
                conv.weight.data = torch.from_numpy(np.array(w, copy=True))
                if b is not None:
                    conv.bias.data = torch.from_numpy(np.array(b, copy=True))
                self.layers.append(conv)
                steps.append(("module", len(self.layers) - 1, [ins[0]], out))
                s = shapes[ins[0]]
                st, dl, k = a.get("strides", [1, 1]), a.get("dilations", [1, 1]), w.shape[2:]
                shapes[out] = [s[0], w.shape[0]] + [
                    (s[2 + i] + 2 * pads[i] - dl[i] * (k[i] - 1) - 1) // st[i] + 1 for i in range(2)]
            elif op == "Relu":
                self.layers.append(nn.ReLU())
                steps.append(("module", len(self.layers) - 1, [ins[0]], out))
                shapes[out] = shapes[ins[0]]
            elif op in ("Add", "Sub", "Div", "Mul"):
                fn = {"Add": torch.add, "Sub": torch.sub, "Div": torch.div, "Mul": torch.mul}[op]
                args = [("const", const(i)) if i in static else ("env", i) for i in ins]
                steps.append(("binary", fn, args, out))
                dyn = [i for i in ins if i in shapes]
                shapes[out] = shapes[dyn[0]] if dyn else None
            elif op == "Resize":
                mode = a.get("mode", b"nearest")
                ctm = a.get("coordinate_transformation_mode", b"half_pixel")
                if mode not in (b"linear", "linear") or ctm not in (b"half_pixel", "half_pixel", b"pytorch_half_pixel"):
                    raise ValueError("only linear half_pixel Resize is supported: %s" % node.name)
                if len(ins) > 3 and ins[3]:
                    size = [int(v) for v in static[ins[3]][2:]]
                else:
                    scales = static[ins[2]]
                    size = [int(shapes[ins[0]][2 + i] * scales[2 + i]) for i in range(2)]
                steps.append(("resize", tuple(size), [ins[0]], out))
                shapes[out] = shapes[ins[0]][:2] + size
            elif op == "ReduceMean":
                axes = a.get("axes") or [int(v) for v in static[ins[1]]]
                keep = bool(a.get("keepdims", 1))
                steps.append(("mean", (tuple(axes), keep), [ins[0]], out))
                s = shapes[ins[0]]
                shapes[out] = [1 if i in axes else d for i, d in enumerate(s)] if keep else \
                    [d for i, d in enumerate(s) if i not in axes]
            elif op == "Gemm":
                if a.get("alpha", 1.0) != 1.0 or a.get("beta", 1.0) != 1.0 or a.get("transA", 0):
                    raise ValueError("only alpha=beta=1, transA=0 Gemm is supported")
                w = static[ins[1]]
                if not a.get("transB", 0):
                    w = w.T
                b = static[ins[2]] if len(ins) > 2 and ins[2] else None
                lin = nn.Linear(w.shape[1], w.shape[0], bias=b is not None)
                lin.weight.data = torch.from_numpy(np.array(w, copy=True))
                if b is not None:
                    lin.bias.data = torch.from_numpy(np.array(b, copy=True))
                self.layers.append(lin)
                steps.append(("module", len(self.layers) - 1, [ins[0]], out))
                shapes[out] = [shapes[ins[0]][0], w.shape[0]]
            elif op == "MatMul":
                steps.append(("binary", torch.matmul, [("env", ins[0]), ("const", const(ins[1]))], out))
                shapes[out] = shapes[ins[0]][:-1] + [static[ins[1]].shape[-1]]
            elif op == "Flatten":
                axis = a.get("axis", 1)
                steps.append(("flatten", axis, [ins[0]], out))
                s = shapes[ins[0]]
                shapes[out] = [int(np.prod(s[:axis])), int(np.prod(s[axis:]))]
            elif op == "Reshape":
                target = [int(v) for v in static[ins[1]]]
                target = [-1] + target[1:]
                steps.append(("reshape", tuple(target), [ins[0]], out))
                shapes[out] = None
            else:
                raise ValueError("op %s is not supported by this converter" % op)
        self.steps = steps

    def forward(self, x):
        env = {self.input_name: x}
        layers = self.layers
        for kind, what, ins, out in self.steps:
            if kind == "module":
                env[out] = layers[what](env[ins[0]])
            elif kind == "binary":
                a, b = [v if k == "const" else env[v] for k, v in ins]
                env[out] = what(a, b)
            elif kind == "resize":
                env[out] = F.interpolate(env[ins[0]], size=what, mode="bilinear", align_corners=False)
            elif kind == "mean":
                env[out] = env[ins[0]].mean(dim=what[0], keepdim=what[1])
            elif kind == "flatten":
                env[out] = torch.flatten(env[ins[0]], what)
            elif kind == "reshape":
                env[out] = env[ins[0]].reshape(what)
        return env[self.output_name]


def build(path, input_shape):
    net = EagerNet(onnx.load(path), input_shape)
    net.eval()
    return net


def sample_images(path, count, norm):
    with gzip.open(path, "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 0x803, "not an IDX image file: " + path
        n = min(n, count)
        raw = np.frombuffer(f.read(n * rows * cols), dtype=np.uint8).reshape(n, 1, rows, cols)
    x = (raw.astype(np.float64) * norm["scale"] - norm["mean"][0]) / norm["std"][0]
    return torch.from_numpy(x.astype(np.float32))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--gateway", required=True, help="gateway.json written by the bench bundle")
    p.add_argument("--models", required=True, help="the models/ folder")
    p.add_argument("--out", required=True)
    p.add_argument("--quick", action="store_true")
    args = p.parse_args()

    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    gateway = json.load(open(args.gateway))
    family = gateway["runtime"]["family"]
    family_dir = os.path.join(args.models, family)
    manifest = json.load(open(os.path.join(family_dir, "manifest.json")))
    files = {l["id"]: os.path.join(family_dir, l["file"]) for l in manifest["levels"]}
    norm = manifest["input"]["normalisation"]
    shape = [1] + manifest["input"]["shape"][1:]
    sample = os.path.join(args.models, "samples", "fashion-mnist", "t10k-images-idx3-ubyte.gz")

    runs = 400 if args.quick else 2000
    warmup = 100 if args.quick else 300
    builds = 1 if args.quick else 3
    levels = []
    for entry in gateway["overhead"]:
        level = entry["level"]
        net = build(files[level], shape)
        ref = np.array(entry["ortLogits"], dtype=np.float32)
        images = sample_images(sample, len(ref), norm)
        with torch.no_grad():
            ours = np.concatenate([net(images[i:i + 1]).numpy() for i in range(len(ref))])
        max_diff = float(np.abs(ours - ref).max())
        if max_diff > 1e-3:
            raise SystemExit("torch_ref: %s: eager logits differ from ORT's by %g" % (level, max_diff))
        times = []
        with torch.no_grad():
            for i in range(warmup):
                net(images[i % len(images)].unsqueeze(0))
            for i in range(runs):
                x = images[i % len(images)].unsqueeze(0)
                t0 = time.perf_counter_ns()
                net(x)
                times.append(time.perf_counter_ns() - t0)
        load = []
        for _ in range(builds):
            t0 = time.perf_counter_ns()
            fresh = build(files[level], shape)
            with torch.no_grad():
                fresh(images[0:1])
            load.append(time.perf_counter_ns() - t0)
        times.sort()
        levels.append({
            "level": entry["level"], "which": entry["which"], "runs": runs,
            "medianUs": round(statistics.median(times) / 1e3, 1),
            "p95Us": round(times[int(0.95 * len(times)) - 1] / 1e3, 1),
            "maxAbsDiffVsOrt": max_diff,
            "buildAndFirstRunMs": round(statistics.median(load) / 1e6, 1),
        })
        print("torch_ref: %s median %.1f us (max |diff| vs ORT %.2g)" % (level, levels[-1]["medianUs"], max_diff))
    json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(), "mode": "eager, no_grad, batch 1",
               "levels": levels}, open(args.out, "w"), indent=2)


if __name__ == "__main__":
    main()
