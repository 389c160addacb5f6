"""Reference weights and features for OlnmMl.Torch's published layouts, computed by the publishers' own code.

    git clone https://github.com/Tencent/MedicalNet            # models/resnet.py is plain torch
    git clone --branch 1.3.0 https://github.com/Project-MONAI/MONAI
    MEDICALNET_SRC=MedicalNet MONAI_SRC=MONAI /usr/bin/python3 make_published_fixtures.py   # Debian 12: torch 1.13

Nothing here restates a network: the ResNets are MedicalNet's `models.resnet` and MONAI 1.3.0's
`monai.networks.nets.resnet.ResNet`, the Swin encoder is MONAI 1.3.0's `SwinUNETR` (imported from the
checkouts; einops, which MONAI's swin_unetr.py imports for axis permutations only, is replaced by a
three-line permutation, `rearrange` below). To keep the files small the ResNets are reduced in width by 32 (widths 2, 4, 8, 16 instead of
64, 128, 256, 512): MONAI through its own `widen_factor=1/32`; MedicalNet, which has no width parameter,
by replacing the literals 64, 128, 256, 512 in its `models/resnet.py` source before executing it (nothing
else changes: strides, dilations, shortcut, stem and bias are MedicalNet's). SwinUNETR uses feature_size 12
(the smallest it accepts) on 32^3 inputs.

Weights: torch.manual_seed(0) before each network, then the network's own initialisation, then every
batch-norm weight, bias, running mean and running variance redrawn (uniform), so eval-mode batch norm is
not the identity. Input: x_i = sin(0.37 i) over the flat elements of [2, 1, 24, 24, 24] (Swin: 32^3).
Features: eval mode, the spatial mean of layer4's output (ResNet; MedicalNet's forward up to layer4, MONAI's
forward with feed_forward=False) or of SwinViT's last normalised stage (hidden_states_out[4]).

Writes next to this script:
  medicalnet_resnet{10,18,34,50}.pth   MedicalNet resnetN(shortcut_type = B, A, A, B as their README lists
      for the released resnet_N.pth), num_seg_classes 2, saved as MedicalNet's released files are: legacy
      format (_use_new_zipfile_serialization=False), {"state_dict": {"module." + key: ...}}, conv_seg decoder
      included, and without the batch norms' num_batches_tracked (as PyTorch < 0.4.1 wrote them; the script
      checks that PyTorch's strict load_state_dict accepts that).
  monai_resnet{10,18,34,50}.pt          MONAI ResNet(conv1_t_stride=2, bias_downsample=False, shortcut B,
      feed_forward=False): our resnetN rows. Zip format, plain state_dict.
  monai_default_resnet{10,18,34,50}.pt  MONAI ResNet with its defaults (conv1_t_stride=1, bias_downsample=True,
      shortcut B) and a 2-class fc: our resnetN-monai rows. Zip format, plain state_dict.
  swin_unetr_full.pt  a full SwinUNETR(feature_size=12, out_channels=2) checkpoint as MONAI's released ones:
      {"epoch": 1, "best_acc": 0.5, "state_dict": {"swinViT.…", "encoder1.…", …, "decoder1.…", "out.…"}}, zip.
      The swinViT entries hold the network's weights; every other entry (the decoder, which encoder loading
      ignores) is saved as a stride-0 expansion of one zero, so its name and shape are MONAI's but it costs
      4 bytes. The blocks' relative_position_index buffers (int64, equal in every block, checked) share one
      storage in the file.
  published_reference.json  per catalog name: the file, the input shape, its features; layer4's grid for a
      96^3 input (MedicalNet's code vs MONAI's); and the full-width (name, shape) list of every encoder entry
      (heads and decoders excluded) of MedicalNet's and MONAI's full-width networks.
"""
import importlib.util
import json
import os
import re
import sys
import types
from collections import OrderedDict

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def rearrange(x, pattern):
    """einops.rearrange for the pure axis permutations MONAI's swin_unetr.py uses ("b c d h w -> b d h w c", …)."""
    source, target = (side.split() for side in pattern.split("->"))
    return x.permute(*[source.index(axis) for axis in target])


# einops is not a Debian package; SwinUNETR only needs the permutations above from it.
sys.modules["einops"] = types.SimpleNamespace(rearrange=rearrange)
sys.path.insert(0, os.environ["MONAI_SRC"])
from monai.networks.nets.resnet import ResNet, ResNetBlock, ResNetBottleneck  # noqa: E402
from monai.networks.nets.swin_unetr import SwinUNETR  # noqa: E402
import monai  # noqa: E402

LAYERS = {10: ("basic", [1, 1, 1, 1]), 18: ("basic", [2, 2, 2, 2]), 34: ("basic", [3, 4, 6, 3]), 50: ("bottleneck", [3, 4, 6, 3])}
MEDICALNET_SHORTCUT = {10: "B", 18: "A", 34: "A", 50: "B"}  # MedicalNet README, "resnet_N.pth: --resnet_shortcut"
WIDEN = 1 / 32
INPUT = [2, 1, 24, 24, 24]


def medicalnet_module(narrow):
    source = open(os.path.join(os.environ["MEDICALNET_SRC"], "models", "resnet.py")).read()
    if narrow:
        source = re.sub(r"\b(64|128|256|512)\b", lambda m: str(int(int(m.group(1)) * WIDEN)), source)
    spec = importlib.util.spec_from_loader("medicalnet_resnet", loader=None)
    module = importlib.util.module_from_spec(spec)
    exec(compile(source, "medicalnet/models/resnet.py", "exec"), module.__dict__)
    return module


def deterministic_input(shape):
    count = int(np.prod(shape))
    return torch.from_numpy(np.sin(0.37 * np.arange(count, dtype=np.float64)).astype(np.float32).reshape(shape))


def randomise_norms(model):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 1.5)
    return model.eval()


def medicalnet(depth, narrow=True):
    torch.manual_seed(0)
    module = medicalnet_module(narrow)
    model = getattr(module, f"resnet{depth}")(sample_input_D=24, sample_input_H=24, sample_input_W=24,
                                              num_seg_classes=2, shortcut_type=MEDICALNET_SHORTCUT[depth], no_cuda=True)
    return randomise_norms(model)


def medicalnet_layer4(model, x):
    x = model.maxpool(model.relu(model.bn1(model.conv1(x))))
    return model.layer4(model.layer3(model.layer2(model.layer1(x))))


def monai_resnet(depth, defaults, narrow=True):
    torch.manual_seed(0)
    block, layers = LAYERS[depth]
    arguments = dict(spatial_dims=3, n_input_channels=1, widen_factor=WIDEN if narrow else 1.0)
    if defaults:
        arguments.update(num_classes=2)  # conv1_t_stride=1, bias_downsample=True, shortcut "B" are ResNet's defaults
    else:
        arguments.update(conv1_t_stride=2, bias_downsample=False, feed_forward=False)
    return randomise_norms(ResNet(block, layers, [64, 128, 256, 512], **arguments))


def monai_layer4(model, x):
    x = model.maxpool(model.relu(model.bn1(model.conv1(x))))
    return model.layer4(model.layer3(model.layer2(model.layer1(x))))


def encoder_entries(state, excluded):
    return [[k, list(v.shape)] for k, v in state.items() if not k.startswith(excluded)]


def main():
    reference = {"torch": torch.__version__, "monai": monai.__version__, "input_shape": INPUT, "networks": {}, "layer4_grid_96": {}, "full_width": {}}
    x = deterministic_input(INPUT)
    big = torch.zeros([1, 1, 96, 96, 96])
    for depth in LAYERS:
        model = medicalnet(depth)
        state = OrderedDict((k, v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked"))
        check = medicalnet(depth)
        check.load_state_dict(state, strict=True)  # PyTorch's strict load accepts the missing num_batches_tracked
        name = f"medicalnet_resnet{depth}.pth"
        torch.save({"state_dict": OrderedDict(("module." + k, v) for k, v in state.items())}, os.path.join(HERE, name),
                   _use_new_zipfile_serialization=False)
        with torch.no_grad():
            features = medicalnet_layer4(model, x).mean(dim=(2, 3, 4))
            grid = list(medicalnet_layer4(model, big).shape[2:])
        reference["networks"][f"resnet{depth}-medicalnet"] = {"file": name, "features": features.tolist()}
        reference["layer4_grid_96"][f"resnet{depth}-medicalnet"] = grid
        reference["full_width"][f"resnet{depth}-medicalnet"] = encoder_entries(medicalnet(depth, narrow=False).state_dict(), "conv_seg.")

        for defaults, suffix, prefix in [(False, "", "monai_"), (True, "-monai", "monai_default_")]:
            model = monai_resnet(depth, defaults)
            name = f"{prefix}resnet{depth}.pt"
            torch.save(model.state_dict(), os.path.join(HERE, name))
            with torch.no_grad():
                pooled = monai_layer4(model, x).mean(dim=(2, 3, 4))
                if not defaults:
                    assert torch.equal(pooled, model(x)), "MONAI's headless forward is the mean of layer4"
                grid = list(monai_layer4(model, big).shape[2:])
            reference["networks"][f"resnet{depth}{suffix}"] = {"file": name, "features": pooled.tolist()}
            reference["layer4_grid_96"][f"resnet{depth}{suffix}"] = grid
            reference["full_width"][f"resnet{depth}{suffix}"] = encoder_entries(monai_resnet(depth, defaults, narrow=False).state_dict(), "fc.")

    torch.manual_seed(0)
    swin = randomise_norms(SwinUNETR(img_size=(32, 32, 32), in_channels=1, out_channels=2, feature_size=12))
    swin_input = deterministic_input([2, 1, 32, 32, 32])
    with torch.no_grad():
        swin_features = swin.swinViT(swin_input, True)[4].mean(dim=(2, 3, 4))
    full = OrderedDict((k, v if k.startswith("swinViT.") else torch.zeros(1, dtype=v.dtype).expand(v.shape))
                       for k, v in swin.state_dict().items())
    index = [k for k in full if k.endswith("relative_position_index")]
    assert all(torch.equal(full[k], full[index[0]]) for k in index)
    for k in index:  # equal in every block: one shared storage in the file
        full[k] = full[index[0]]
    torch.save({"epoch": 1, "best_acc": 0.5, "state_dict": full}, os.path.join(HERE, "swin_unetr_full.pt"))
    reference["networks"]["swin-12"] = {"file": "swin_unetr_full.pt", "input_shape": [2, 1, 32, 32, 32], "features": swin_features.tolist(),
                                        "ignored_groups": sorted({k.split(".")[0] for k in full if not k.startswith("swinViT.")})}
    with open(os.path.join(HERE, "published_reference.json"), "w") as f:
        json.dump(reference, f, separators=(",", ":"))
    print("torch", torch.__version__, "monai", monai.__version__)


if __name__ == "__main__":
    main()
