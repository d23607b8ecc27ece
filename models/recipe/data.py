"""Fashion-MNIST from the Debian package (IDX files), kept in memory as tensors."""
import gzip
import os
import struct

import torch

DATA_DIR = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
VALIDATION = 5000  # held out of the training set for the sub-network search
CALIBRATION = 2000  # training images used to recalibrate BatchNorm per sub-network


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = struct.unpack(">" + "I" * (magic & 0xFF), f.read(4 * (magic & 0xFF)))
        data = f.read()
    return torch.frombuffer(bytearray(data), dtype=torch.uint8).reshape(dims)


def write_idx(path, tensor):
    """Write a uint8 tensor as a gzipped IDX file (the format Fashion-MNIST is distributed in)."""
    t = tensor.to(torch.uint8).contiguous()
    header = struct.pack(">I", 0x0800 | t.dim()) + struct.pack(">" + "I" * t.dim(), *t.shape)
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(header + t.numpy().tobytes())


def load(split):
    prefix = "train" if split == "train" else "t10k"
    x = read_idx(os.path.join(DATA_DIR, f"{prefix}-images-idx3-ubyte.gz"))
    y = read_idx(os.path.join(DATA_DIR, f"{prefix}-labels-idx1-ubyte.gz"))
    return x, y


def to_float(x):
    """uint8 N x 28 x 28 -> float N x 1 x 28 x 28 in [0, 1] (the exported graphs normalise inside)."""
    return x.unsqueeze(1).float().div_(255.0)


class Splits:
    def __init__(self, seed):
        x, y = load("train")
        g = torch.Generator().manual_seed(seed)
        perm = torch.randperm(len(x), generator=g)
        val, train = perm[:VALIDATION], perm[VALIDATION:]
        self.train_x, self.train_y = to_float(x[train]), y[train].long()
        self.val_x, self.val_y = to_float(x[val]), y[val].long()
        self.calib_x = self.train_x[:CALIBRATION]
        tx, ty = load("test")
        self.test_x, self.test_y = to_float(tx), ty.long()
        self.test_raw_x, self.test_raw_y = tx, ty


def augment(x, g):
    """Random 2-pixel shifts (pad + crop) and horizontal flips, drawn from generator g."""
    n = x.shape[0]
    padded = torch.nn.functional.pad(x, (2, 2, 2, 2))
    dx = torch.randint(0, 5, (n,), generator=g)
    dy = torch.randint(0, 5, (n,), generator=g)
    out = torch.empty_like(x)
    for ox in range(5):
        for oy in range(5):
            sel = ((dx == ox) & (dy == oy)).nonzero().flatten()
            if len(sel):
                out[sel] = padded[sel, :, oy:oy + 28, ox:ox + 28]
    flip = (torch.rand(n, generator=g) < 0.5).nonzero().flatten()
    out[flip] = out[flip].flip(-1)
    return out


def batches(x, y, batch_size, g):
    perm = torch.randperm(len(x), generator=g)
    for i in range(0, len(x) - batch_size + 1, batch_size):
        idx = perm[i:i + batch_size]
        yield augment(x[idx], g), y[idx]
