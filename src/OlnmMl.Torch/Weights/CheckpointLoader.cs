using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Weights;

/// <summary>
/// Initialises a network from a file: a PyTorch <c>state_dict</c> (<c>.pt</c>/<c>.pth</c>, zip or
/// legacy format; see <see cref="PyTorchStateDict"/>) or a TorchSharp checkpoint (<c>Module.save</c>).
/// Strict: after removing the <see cref="StrictLoadOptions.StripPrefixes"/> from the file's keys,
/// every network entry must be present with the same shape, and every file entry must belong to
/// the network unless it starts with one of <see cref="StrictLoadOptions.IgnorePrefixes"/>.
/// Nothing is downloaded.
/// </summary>
public static class CheckpointLoader
{
    /// <summary>Loads <paramref name="path"/> into <paramref name="module"/>; throws <see cref="CheckpointMismatchException"/> naming the entries at fault.</summary>
    public static void Load(nn.Module module, string path, StrictLoadOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Weight file '{path}' does not exist.", path);
        }
        if (IsPyTorchFile(path))
        {
            var weights = PyTorchStateDict.Read(path);
            try
            {
                Assign(module, weights, path, options ?? new StrictLoadOptions());
            }
            finally
            {
                foreach (var tensor in weights.Values)
                {
                    tensor.Dispose();
                }
            }
            return;
        }
        try
        {
            module.load(path, strict: true);
        }
        catch (Exception error) when (error is OlnmUserException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new CheckpointMismatchException($"TorchSharp checkpoint '{path}' does not fit {module.GetName()}: {error.Message}");
        }
    }

    /// <summary>Writes a TorchSharp checkpoint of <paramref name="module"/> (read back by <see cref="Load"/>).</summary>
    public static void SaveTorchSharp(nn.Module module, string path) => module.save(path);

    /// <summary>Copies <paramref name="weights"/> (file key → tensor) into the module after strict key and shape checks.</summary>
    public static void Assign(nn.Module module, IReadOnlyDictionary<string, Tensor> weights, string source, StrictLoadOptions options)
    {
        var renamed = new Dictionary<string, Tensor>();
        foreach (var (key, tensor) in weights)
        {
            string name = key;
            foreach (string prefix in options.StripPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    name = name[prefix.Length..];
                }
            }
            renamed[name] = tensor;
        }
        var target = module.state_dict();
        var problems = new List<string>();
        foreach (var (name, parameter) in target)
        {
            if (!renamed.TryGetValue(name, out var value))
            {
                problems.Add($"missing '{name}'");
            }
            else if (!value.shape.SequenceEqual(parameter.shape))
            {
                problems.Add($"'{name}' has shape [{string.Join(", ", value.shape)}] in the file but [{string.Join(", ", parameter.shape)}] in the network");
            }
        }
        foreach (string name in renamed.Keys)
        {
            if (!target.ContainsKey(name) && !options.IgnorePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                problems.Add($"unexpected '{name}'");
            }
        }
        if (problems.Count > 0)
        {
            throw new CheckpointMismatchException(
                $"'{source}' does not fit {module.GetName()} ({problems.Count} problem(s)): {string.Join("; ", problems.Take(10))}{(problems.Count > 10 ? "; …" : "")}.");
        }
        using var noGrad = no_grad();
        foreach (var (name, parameter) in target)
        {
            parameter.copy_(renamed[name]);
        }
    }

    /// <summary>
    /// A zip archive, or a legacy torch.save file: pickle PROTO 2 then LONG1 of 10 bytes (the magic
    /// number), i.e. 80 02 8A 0A — bytes a TorchSharp checkpoint does not start with.
    /// </summary>
    private static bool IsPyTorchFile(string path)
    {
        if (PyTorchStateDict.IsZip(path))
        {
            return true;
        }
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.Read(head) == 4 && head.SequenceEqual(new byte[] { 0x80, 0x02, 0x8a, 0x0a });
    }
}
