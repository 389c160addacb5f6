namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Read access to a name → <see cref="ParameterTensor"/> map in PyTorch <c>state_dict</c> naming
/// under an optional prefix (e.g. <c>image_encoder.</c>), with shape checks whose messages name the parameter.
/// </summary>
public sealed class StateDict
{
    private readonly IReadOnlyDictionary<string, ParameterTensor> _tensors;

    /// <summary>Wraps <paramref name="tensors"/>; every tensor's data length must match its shape.</summary>
    /// <exception cref="ArgumentException">A tensor's data length disagrees with its shape.</exception>
    public StateDict(IReadOnlyDictionary<string, ParameterTensor> tensors, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(tensors);
        foreach (var (name, tensor) in tensors)
        {
            if (tensor.Data.LongLength != tensor.ElementCount)
            {
                throw new ArgumentException(
                    $"Parameter '{name}' has {tensor.Data.Length} values but shape [{string.Join(",", tensor.Shape)}].", nameof(tensors));
            }
        }

        _tensors = tensors;
        Prefix = prefix;
    }

    /// <summary>The prefix prepended to every requested name.</summary>
    public string Prefix { get; }

    /// <summary>The same map viewed under <c>Prefix + <paramref name="prefix"/></c>.</summary>
    public StateDict Scope(string prefix) => new(_tensors, Prefix + prefix);

    /// <summary>Whether <c>Prefix + <paramref name="name"/></c> exists.</summary>
    public bool Contains(string name) => _tensors.ContainsKey(Prefix + name);

    /// <summary>The tensor <c>Prefix + <paramref name="name"/></c>, of rank <paramref name="rank"/> when given.</summary>
    /// <exception cref="KeyNotFoundException">The parameter is absent.</exception>
    /// <exception cref="ArgumentException">The parameter has another rank.</exception>
    public ParameterTensor Get(string name, int rank = -1)
    {
        var full = Prefix + name;
        if (!_tensors.TryGetValue(full, out var tensor))
        {
            throw new KeyNotFoundException($"The state dict has no parameter '{full}'.");
        }

        if (rank >= 0 && tensor.Shape.Length != rank)
        {
            throw new ArgumentException($"Parameter '{full}' has shape [{string.Join(",", tensor.Shape)}]; rank {rank} was expected.", nameof(name));
        }

        return tensor;
    }
}
