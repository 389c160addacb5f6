using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>A detached copy of a module's <c>state_dict</c> (parameters and buffers): the best epoch's weights, restored after training.</summary>
internal sealed class ModuleSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    /// <summary>Copies every tensor of <paramref name="module"/>'s state.</summary>
    public ModuleSnapshot(nn.Module module) =>
        _tensors = module.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

    /// <summary>Writes the copied values back into <paramref name="module"/> (same architecture).</summary>
    public void RestoreInto(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, tensor) in module.state_dict())
        {
            tensor.copy_(_tensors[name]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values)
        {
            tensor.Dispose();
        }

        _tensors.Clear();
    }
}
