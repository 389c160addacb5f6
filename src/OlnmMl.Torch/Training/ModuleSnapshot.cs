using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// A detached copy of a module's <c>state_dict</c> (parameters and buffers): the best epoch's weights, restored after training.
/// It can be written as entries of a state_dict file under a prefix (<see cref="Entries"/>) and read back (<see cref="Read"/>).
/// </summary>
internal sealed class ModuleSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    /// <summary>Copies every tensor of <paramref name="module"/>'s state.</summary>
    public ModuleSnapshot(nn.Module module) =>
        _tensors = module.state_dict().ToDictionary(p => p.Key, p => Copy(p.Value));

    private ModuleSnapshot(Dictionary<string, Tensor> tensors) => _tensors = tensors;

    /// <summary>
    /// Copies the entries of <paramref name="saved"/> named <paramref name="prefix"/> + a name of <paramref name="module"/>'s state;
    /// throws naming <paramref name="source"/> when one is missing or of another shape.
    /// </summary>
    public static ModuleSnapshot Read(IReadOnlyDictionary<string, Tensor> saved, string prefix, nn.Module module, string source)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, tensor) in module.state_dict())
        {
            if (!saved.TryGetValue(prefix + name, out var value) || !value.shape.SequenceEqual(tensor.shape))
            {
                foreach (var copied in tensors.Values)
                {
                    copied.Dispose();
                }
                throw new ArgumentException($"'{source}' has no tensor '{prefix}{name}' of shape [{string.Join(", ", tensor.shape)}]: it is not a state of this network.");
            }
            tensors[name] = Copy(value);
        }
        return new ModuleSnapshot(tensors);
    }

    /// <summary>The copied tensors named <paramref name="prefix"/> + state name (live; for writing).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> Entries(string prefix) =>
        _tensors.Select(p => KeyValuePair.Create(prefix + p.Key, p.Value));

    /// <summary>Writes the copied values back into <paramref name="module"/> (same architecture).</summary>
    public void RestoreInto(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, tensor) in module.state_dict())
        {
            tensor.copy_(_tensors[name]);
        }
    }

    /// <summary>
    /// A detached copy of <paramref name="tensor"/>. The detached view is held by a dispose scope while libtorch clones it:
    /// an unreferenced temporary can be finalised by a collection in the middle of the native call (see <see cref="ScalarValue"/>).
    /// </summary>
    private static Tensor Copy(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().clone().MoveToOuterDisposeScope();
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
