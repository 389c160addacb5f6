"""Writes the real torch.save files WeightLoadingFromPyTorchTests reads (run with a Python that has torch).

    /usr/bin/python3 make_torch_save_fixtures.py    # Debian 12: apt-get install python3-torch (1.13)

Every value is a formula of its index, restated in the C# test, so the test checks our reader
against bytes PyTorch itself wrote:
  conv.weight   float32 (2, 1, 2, 2)  value at flat index k: 0.25 * k - 1
  conv.bias     float32 (2,)          [0.5, -0.5], an nn.Parameter (torch._utils._rebuild_parameter)
  fc.weight     float32 (3, 2)        saved as the transpose of a (2, 3) tensor holding k + 0.5:
                                      fc.weight[i, j] = 3 * j + i + 0.5 (strided, not contiguous)
  fc.bias       float32 (3,)          a slice [2:5] of a float32 tensor holding 10 * k (storage offset 2)
  bn.running_var  float64 (2,)        [1.5, 2.25]
  bn.num_batches_tracked  int64 ()    7
wrapped as {"state_dict": ..., "epoch": 3}, in the zip format (state_zip.pt) and the pre-1.6 legacy
format (state_legacy.pt).
"""
from collections import OrderedDict

import torch


def state():
    conv_weight = (torch.arange(8, dtype=torch.float32) * 0.25 - 1).reshape(2, 1, 2, 2)
    conv_bias = torch.nn.Parameter(torch.tensor([0.5, -0.5]))
    fc_weight = (torch.arange(6, dtype=torch.float32) + 0.5).reshape(2, 3).t()
    fc_bias = (torch.arange(6, dtype=torch.float32) * 10)[2:5]
    return OrderedDict([
        ("conv.weight", conv_weight),
        ("conv.bias", conv_bias),
        ("fc.weight", fc_weight),
        ("fc.bias", fc_bias),
        ("bn.running_var", torch.tensor([1.5, 2.25], dtype=torch.float64)),
        ("bn.num_batches_tracked", torch.tensor(7, dtype=torch.int64)),
    ])


if __name__ == "__main__":
    torch.save({"state_dict": state(), "epoch": 3}, "state_zip.pt")
    torch.save({"state_dict": state(), "epoch": 3}, "state_legacy.pt", _use_new_zipfile_serialization=False)
    print("torch", torch.__version__)
