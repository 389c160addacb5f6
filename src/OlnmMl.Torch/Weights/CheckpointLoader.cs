using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Weights;

/// <summary>
/// Initialises a network from a file: a PyTorch <c>state_dict</c> (<c>.pt</c>/<c>.pth</c>, zip or
/// legacy format; see <see cref="PyTorchStateDict"/>) or a TorchSharp checkpoint (<c>Module.save</c>).
/// Strict, as PyTorch's <c>load_state_dict(strict=True)</c>: after removing the <see cref="StrictLoadOptions.StripPrefixes"/>
/// from the file's keys, every network entry must be present with the same shape (except a batch norm's
/// <c>num_batches_tracked</c>, which files from before PyTorch 0.4.1 lack and which is then 0, as PyTorch sets it), and
/// every file entry must belong to the network unless it starts with one of <see cref="StrictLoadOptions.IgnorePrefixes"/>.
/// A ResNet file whose recorded layout differs from the network's (downsample biases, MedicalNet's decoder) is refused
/// even where the shapes fit (<see cref="ResNetLayoutCheck"/>). Nothing is downloaded.
/// </summary>
public static class CheckpointLoader
{
    private const string BatchCounter = "num_batches_tracked";

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="module"/> and says what was loaded and ignored; throws
    /// <see cref="CheckpointMismatchException"/> naming the entries at fault.
    /// </summary>
    public static CheckpointLoadSummary Load(nn.Module module, string path, StrictLoadOptions? options = null)
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
                return Assign(module, weights, path, options ?? new StrictLoadOptions());
            }
            finally
            {
                foreach (var tensor in weights.Values)
                {
                    tensor.Dispose();
                }
            }
        }
        try
        {
            module.load(path, strict: true);
            return new CheckpointLoadSummary(path, module.state_dict().Count, [], []);
        }
        catch (Exception error) when (error is OlnmUserException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new CheckpointMismatchException($"TorchSharp checkpoint '{path}' does not fit {module.GetName()}: {error.Message}");
        }
    }

    /// <summary>Writes a TorchSharp checkpoint of <paramref name="module"/> (read back by <see cref="Load"/>).</summary>
    public static void SaveTorchSharp(nn.Module module, string path) => module.save(path);

    /// <summary>Copies <paramref name="weights"/> (file key → tensor) into the module after strict key and shape checks.</summary>
    public static CheckpointLoadSummary Assign(nn.Module module, IReadOnlyDictionary<string, Tensor> weights, string source, StrictLoadOptions options)
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
        var problems = ResNetLayoutCheck.Problems(module, renamed.Keys.ToHashSet(), target).ToList();
        var defaulted = new List<string>();
        foreach (var (name, parameter) in target)
        {
            if (!renamed.TryGetValue(name, out var value))
            {
                if (name.EndsWith(BatchCounter, StringComparison.Ordinal))
                {
                    defaulted.Add(name);
                }
                else
                {
                    problems.Add($"missing '{name}'");
                }
            }
            else if (!value.shape.SequenceEqual(parameter.shape))
            {
                problems.Add($"'{name}' has shape [{string.Join(", ", value.shape)}] in the file but [{string.Join(", ", parameter.shape)}] in the network");
            }
        }
        var ignored = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in renamed.Keys.Where(n => !target.ContainsKey(n)))
        {
            if (options.IgnorePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                string group = name.Split('.')[0];
                ignored[group] = ignored.GetValueOrDefault(group) + 1;
            }
            else
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
            if (renamed.TryGetValue(name, out var value))
            {
                parameter.copy_(value);
            }
            else
            {
                parameter.zero_();
            }
        }
        return new CheckpointLoadSummary(source, target.Count - defaulted.Count, defaulted, ignored.ToList());
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
