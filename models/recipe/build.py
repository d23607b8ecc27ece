"""Rebuild the fmnist-ofa family from scratch: train, search, recalibrate, evaluate, export, write the manifest."""
import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time

import torch

import data
from search import search, width_only_series
from static import StaticNet, export_onnx
from supernet import KERNELS, EXPANDS, DEPTHS, RESOLUTIONS, STAGES, STEM, HEAD, MAX_DEPTH, Supernet
from train import SCHEDULE, BATCH, accuracy, progressive_shrinking, recalibrate

FAMILY_ID = "fmnist-ofa"
FAMILY_VERSION = "1.0.0"
SCHEMA_VERSION = 1
SAMPLE = 1000
LABELS = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_sample(splits, sample_dir, family_dir):
    """Writes the sample's IDX files; returns the manifest's "sample" block (paths relative to the family folder)."""
    os.makedirs(sample_dir, exist_ok=True)
    images = os.path.join(sample_dir, "t10k-images-idx3-ubyte.gz")
    labels = os.path.join(sample_dir, "t10k-labels-idx1-ubyte.gz")
    data.write_idx(images, splits.test_raw_x[:SAMPLE])
    data.write_idx(labels, splits.test_raw_y[:SAMPLE])
    return {"images": os.path.relpath(images, family_dir), "imagesSha256": sha256(images),
            "labels": os.path.relpath(labels, family_dir), "labelsSha256": sha256(labels), "count": SAMPLE}


def export_level(net, arch, series, level_id, splits, out_dir):
    recalibrate(net, arch, splits.calib_x)
    static = StaticNet(net, arch)
    top1, preds = accuracy(static, splits.test_x, splits.test_y)
    sample_top1 = 100.0 * (preds[:SAMPLE] == splits.test_y[:SAMPLE]).float().mean().item()
    file = f"{level_id}.onnx"
    export_onnx(static, os.path.join(out_dir, file))
    entry = {"id": level_id, "series": series, "architecture": arch.to_json(), "params": static.params(),
             "macs": static.macs(), "top1": round(top1, 2), "sampleTop1": round(sample_top1, 1),
             "sampleCorrect": int((preds[:SAMPLE] == splits.test_y[:SAMPLE]).sum().item()),
             "file": file, "sha256": sha256(os.path.join(out_dir, file))}
    log(f"{level_id:10s} {series:10s} MACs {entry['macs'] / 1e6:6.2f}M params {entry['params'] / 1e3:6.1f}k "
        f"top1 {top1:.2f}% sample {sample_top1:.1f}%")
    return entry


def manifest(levels, sample, seed, seconds):
    return {
        "schemaVersion": SCHEMA_VERSION,
        "family": {"id": FAMILY_ID, "version": FAMILY_VERSION,
                   "description": "Once-for-all MobileNetV3-style supernet trained on Fashion-MNIST"},
        "input": {"name": "input", "shape": [-1, 1, 28, 28], "layout": "NCHW", "dtype": "float32",
                  "normalisation": {"scale": 1.0 / 255.0, "mean": [0.0], "std": [1.0],
                                    "note": "x = (pixel * scale - mean) / std; each graph resizes and "
                                            "standardises internally"}},
        "output": {"name": "logits", "shape": [-1, 10], "dtype": "float32"},
        "labels": LABELS,
        "sample": sample,
        "levels": levels,
        "provenance": {
            "seed": seed, "torch": torch.__version__, "threads": torch.get_num_threads(),
            "dataset": "Fashion-MNIST (Debian dataset-fashion-mnist), 55,000 train / 5,000 search-validation "
                       "/ 10,000 test",
            "schedule": [{"phase": n, "epochs": e, "lr": lr, "subnetsPerStep": k} for n, e, lr, k, _ in SCHEDULE],
            "batch": BATCH, "distillation": "soft cross-entropy from the full net (batch-statistics BN)",
            "space": {"kernels": KERNELS, "expands": EXPANDS, "depths": DEPTHS, "resolutions": RESOLUTIONS,
                      "stem": STEM, "stages": [{"channels": c, "stride": s, "maxDepth": MAX_DEPTH} for c, s in STAGES],
                      "head": HEAD},
            "bnRecalibrationImages": data.CALIBRATION, "buildSeconds": round(seconds),
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", FAMILY_ID))
    ap.add_argument("--samples", default=os.path.join(os.path.dirname(__file__), "..", "samples", "fashion-mnist"))
    ap.add_argument("--checkpoint", default=None, help="reuse (or write) the trained supernet here")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    t0 = time.time()
    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    splits = data.Splits(args.seed)
    net = Supernet()
    if args.checkpoint and os.path.exists(args.checkpoint):
        net.load_state_dict(torch.load(args.checkpoint))
        log(f"reused {args.checkpoint}")
    else:
        progressive_shrinking(net, splits, args.seed, log)
        if args.checkpoint:
            torch.save(net.state_dict(), args.checkpoint)
    log(f"training done after {time.time() - t0:.0f} s")
    rng = random.Random(args.seed)
    candidates = search(net, splits, rng, log)
    log(f"search done after {time.time() - t0:.0f} s: {len(candidates)} candidates")
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    levels = [export_level(net, c["arch"], "ofa", f"ofa-{i + 1:02d}", splits, args.out)
              for i, c in enumerate(candidates)]
    levels += [export_level(net, a, "width-only", "width-" + "".join(str(s["expand"][0]) for s in
                                                                     a.to_json()["stages"]), splits, args.out)
               for a in width_only_series()]
    sample = write_sample(splits, args.samples, args.out)
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest(levels, sample, args.seed, time.time() - t0), f, indent=2)
        f.write("\n")
    log(f"family written to {args.out} after {time.time() - t0:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
