"""Reference values for OlnmMl.Torch's 2D backbones, computed with torchvision itself.

Run with Debian's python3-torchvision (0.14.1, torch 1.13):  /usr/bin/python3 make_torchvision_2d_fixtures.py
Writes, next to this script:
  torchvision_2d_reference.json  for resnet18, resnet50 and densenet121 (torchvision.models, no download):
      parameter counts with the 1000-class head and headless, every state_dict entry (name, shape) in
      torchvision's order, and eval-mode headless features of a deterministic input under deterministic
      weights (both defined below, so the C# test rebuilds them without a weight file): every 8th feature
      of each row and each row's L2 norm.
  densenet_tiny_2d.pth + its entry "densenet_tiny" in the JSON: a small torchvision DenseNet
      (growth 4, blocks (2, 2, 2, 2), 8 stem features, bn_size 2, 5 classes), seed 0, batch-norm statistics
      randomised, saved with torch.save(state_dict); its full features and logits on the same kind of input.
"""
import json
import math
import os

import numpy as np
import torch
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))


def deterministic_value(name, shape, index):
    """Entry number `index` of the state dict: s_j = sin(0.5 + 0.731 j + 1.37 index) over its flat elements."""
    count = int(np.prod(shape)) if len(shape) else 1
    s = np.sin(0.5 + 0.731 * np.arange(count, dtype=np.float64) + 1.37 * index)
    if name.endswith("running_var"):
        v = 1 + 0.3 * s
    elif name.endswith("running_mean") or name.endswith("bias"):
        v = 0.1 * s
    elif len(shape) == 1:  # batch-norm weight
        v = 1 + 0.2 * s
    else:  # convolution or linear weight
        v = s * math.sqrt(3.0 / np.prod(shape[1:]))
    return torch.from_numpy(v.astype(np.float32).reshape(shape))


def deterministic_input(shape):
    """x_i = sin(0.37 i) over the flat elements of `shape`."""
    count = int(np.prod(shape))
    return torch.from_numpy(np.sin(0.37 * np.arange(count, dtype=np.float64)).astype(np.float32).reshape(shape))


def reference(model, head):
    entries = [(k, list(v.shape)) for k, v in model.state_dict().items()]
    with_head = sum(p.numel() for p in model.parameters())
    state = model.state_dict()
    with torch.no_grad():
        for index, (name, shape) in enumerate(entries):
            if name.endswith("num_batches_tracked"):
                continue
            state[name].copy_(deterministic_value(name, shape, index))
    setattr(model, head, torch.nn.Identity())
    headless = sum(p.numel() for p in model.parameters())
    model.eval()
    with torch.no_grad():
        features = model(deterministic_input([2, 3, 64, 64])).numpy().astype(np.float64)
    return {
        "parameters": with_head,
        "parameters_headless": headless,
        "state_dict": [[k, s] for k, s in entries],
        "input_shape": [2, 3, 64, 64],
        "features_every_8th": [row[::8].tolist() for row in features],
        "feature_norms": [float(np.linalg.norm(row)) for row in features],
        "feature_width": features.shape[1],
    }


def tiny_densenet():
    torch.manual_seed(0)
    model = torchvision.models.DenseNet(growth_rate=4, block_config=(2, 2, 2, 2), num_init_features=8, bn_size=2, num_classes=5)
    with torch.no_grad():
        for name, buffer in model.named_buffers():
            if name.endswith("running_mean"):
                buffer.copy_(torch.randn_like(buffer) * 0.1)
            elif name.endswith("running_var"):
                buffer.copy_(torch.rand_like(buffer) + 0.5)
        for name, parameter in model.named_parameters():
            if "norm" in name:
                parameter.copy_(torch.rand_like(parameter) + 0.5 if name.endswith("weight") else torch.randn_like(parameter) * 0.1)
    torch.save(model.state_dict(), os.path.join(HERE, "densenet_tiny_2d.pth"))
    model.eval()
    x = deterministic_input([2, 3, 32, 32])
    with torch.no_grad():
        logits = model(x)
        features = torch.flatten(torch.nn.functional.adaptive_avg_pool2d(torch.relu(model.features(x)), 1), 1)
    return {
        "input_shape": [2, 3, 32, 32],
        "features": features.tolist(),
        "logits": logits.tolist(),
    }


def main():
    result = {
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "resnet18": reference(torchvision.models.resnet18(), "fc"),
        "resnet50": reference(torchvision.models.resnet50(), "fc"),
        "densenet121": reference(torchvision.models.densenet121(), "classifier"),
        "densenet_tiny": tiny_densenet(),
    }
    with open(os.path.join(HERE, "torchvision_2d_reference.json"), "w") as f:
        json.dump(result, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
