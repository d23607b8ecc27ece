"""A standalone sub-network sliced out of the supernet, BatchNorm folded into the convolutions."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from supernet import MEAN, STD, resize


def fold(weight, bn, n):
    scale = bn.weight[:n] / torch.sqrt(bn.running_var[:n] + bn.eps)
    w = weight * scale.reshape(-1, *([1] * (weight.dim() - 1)))
    b = bn.bias[:n] - bn.running_mean[:n] * scale
    return w.detach().clone(), b.detach().clone()


def folded_conv(weight, bn, n, stride=1, groups=1):
    w, b = fold(weight, bn, n)
    k = w.shape[-1]
    conv = nn.Conv2d(w.shape[1] * groups, w.shape[0], k, stride=stride, padding=k // 2, groups=groups)
    conv.weight.data.copy_(w)
    conv.bias.data.copy_(b)
    return conv


class StaticBlock(nn.Module):
    def __init__(self, block, k, e):
        super().__init__()
        n = block.mid(e)
        self.expand = folded_conv(block.expand.weight[:n], block.bn1, n)
        self.dw = folded_conv(block.dw_weight(k, n), block.bn2, n, stride=block.stride, groups=n)
        self.project = folded_conv(block.project.weight[:, :n], block.bn3, block.cout)
        self.residual = block.stride == 1 and block.cin == block.cout

    def forward(self, x):
        y = self.project(F.relu(self.dw(F.relu(self.expand(x)))))
        return x + y if self.residual else y


class StaticNet(nn.Module):
    """Takes N x 1 x 28 x 28 pixels scaled to [0, 1]; resizes and normalises inside the graph."""

    def __init__(self, supernet, arch):
        super().__init__()
        self.res = arch.res
        self.stem = folded_conv(supernet.stem.weight, supernet.stem_bn, supernet.stem.out_channels)
        self.blocks = nn.Sequential(*[StaticBlock(supernet.blocks[slot], arch.ks[slot], arch.ex[slot])
                                      for _, _, slot in arch.active_blocks()])
        self.head = folded_conv(supernet.head.weight, supernet.head_bn, supernet.head.out_channels)
        self.classifier = nn.Linear(supernet.classifier.in_features, supernet.classifier.out_features)
        self.classifier.load_state_dict(supernet.classifier.state_dict())
        self.eval()

    def forward(self, x):
        x = (resize(x, self.res) - MEAN) / STD
        x = self.blocks(F.relu(self.stem(x)))
        x = F.relu(self.head(x))
        return self.classifier(x.mean(dim=(2, 3)))

    def params(self):
        return sum(p.numel() for p in self.parameters())

    def macs(self):
        """Multiply-accumulates of one 28x28 image (convolutions and the classifier)."""
        total = [0]

        def conv_hook(m, inp, out):
            total[0] += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

        def linear_hook(m, inp, out):
            total[0] += m.in_features * m.out_features

        hooks = [m.register_forward_hook(conv_hook) for m in self.modules() if isinstance(m, nn.Conv2d)]
        hooks += [m.register_forward_hook(linear_hook) for m in self.modules() if isinstance(m, nn.Linear)]
        with torch.no_grad():
            self(torch.zeros(1, 1, 28, 28))
        for h in hooks:
            h.remove()
        return total[0]


def export_onnx(net, path):
    net.to(memory_format=torch.contiguous_format)
    torch.onnx.export(net, torch.zeros(1, 1, 28, 28), path, input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=17,
                      do_constant_folding=True)
