using System.IO.Compression;
using System.Text;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Weights;

/// <summary>
/// Reads a PyTorch <c>state_dict</c> saved by <c>torch.save</c> in the zip format (PyTorch ≥ 1.6):
/// <c>&lt;name&gt;/data.pkl</c> (pickle of an OrderedDict of tensors rebuilt by
/// <c>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, …)</c>) and one raw
/// little-endian storage per <c>&lt;name&gt;/data/&lt;key&gt;</c>. A checkpoint dictionary holding the
/// weights under <c>state_dict</c> or <c>model</c> (MedicalNet, MONAI) is unwrapped. No Python runs.
/// The pre-1.6 legacy format (MedicalNet's released files) is read too: five pickles (magic
/// number 0x1950a86a20f9469cfc6c, protocol 1001, system info, the object, the sorted storage keys)
/// followed by each storage as an int64 element count and its raw little-endian bytes.
/// </summary>
public static class PyTorchStateDict
{
    private sealed class Storage(ScalarType type)
    {
        public ScalarType Type { get; } = type;
        public byte[] Bytes { get; set; } = [];
    }

    private static readonly System.Numerics.BigInteger LegacyMagic = System.Numerics.BigInteger.Parse("01950a86a20f9469cfc6c", System.Globalization.NumberStyles.HexNumber);

    /// <summary>Name → tensor (CPU, contiguous); the caller disposes the tensors.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        if (!IsZip(path))
        {
            return ReadLegacy(path);
        }
        using var archive = OpenZip(path);
        var pickle = archive.Entries.FirstOrDefault(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"'{path}' is a zip file without data.pkl, so not a torch.save file.");
        string prefix = pickle.FullName[..^"data.pkl".Length];
        var order = archive.GetEntry(prefix + "byteorder");
        if (order is not null && ReadAll(order) is var bytes && Encoding.ASCII.GetString(bytes).Trim() != "little")
        {
            throw new InvalidDataException($"'{path}' stores big-endian tensors; only little-endian files are supported.");
        }
        var storages = new Dictionary<string, Storage>();
        var reader = new PickleReader(id => ResolveStorage(id, archive, prefix, storages, path));
        int position = 0;
        var root = reader.Read(ReadAll(pickle), ref position);
        return Rebuild(Unwrap(root, path), path);
    }

    private static Dictionary<string, Tensor> ReadLegacy(string path)
    {
        var data = File.ReadAllBytes(path);
        var storages = new Dictionary<string, Storage>();
        var reader = new PickleReader(id => LegacyStorage(id, storages, path));
        int position = 0;
        object? magic;
        try
        {
            magic = reader.Read(data, ref position);
        }
        catch (Exception error) when (error is InvalidDataException or InvalidCastException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"'{path}' is neither a zip nor a legacy torch.save file.", error);
        }
        if (magic is not System.Numerics.BigInteger number || number != LegacyMagic)
        {
            throw new InvalidDataException($"'{path}' is neither a zip nor a legacy torch.save file (wrong magic number).");
        }
        if (reader.Read(data, ref position) is not 1001L)
        {
            throw new InvalidDataException($"'{path}' has an unsupported legacy protocol version.");
        }
        reader.Read(data, ref position); // system info (byte order checked below through the storages' sizes)
        var root = reader.Read(data, ref position);
        if (reader.Read(data, ref position) is not List<object?> keys)
        {
            throw new InvalidDataException($"'{path}' lacks the legacy storage key list.");
        }
        foreach (string key in keys.Cast<string>())
        {
            var storage = storages.TryGetValue(key, out var s) ? s
                : throw new InvalidDataException($"'{path}' lists storage '{key}' that no tensor uses.");
            long count = BitConverter.ToInt64(data, position);
            long bytes = count * ElementSize(storage.Type);
            if (count < 0 || position + 8 + bytes > data.Length)
            {
                throw new InvalidDataException($"'{path}' is truncated in storage '{key}'.");
            }
            storage.Bytes = data.AsSpan(position + 8, (int)bytes).ToArray();
            position += 8 + (int)bytes;
        }
        return Rebuild(Unwrap(root, path), path);
    }

    private static Storage LegacyStorage(object? id, Dictionary<string, Storage> storages, string path)
    {
        if (id is not object?[] { Length: >= 5 } parts || parts[0] is not "storage" || parts[1] is not PickleGlobal type || parts[2] is not string key)
        {
            throw new InvalidDataException($"'{path}' has a persistent id that is not a torch storage.");
        }
        if (parts.Length > 5 && parts[5] is not null)
        {
            throw new InvalidDataException($"'{path}' uses storage views, which are not supported.");
        }
        if (!storages.TryGetValue(key, out var storage))
        {
            storage = new Storage(ScalarTypeOf(type, path));
            storages[key] = storage;
        }
        return storage;
    }

    private static Dictionary<string, Tensor> Rebuild(Dictionary<object, object?> weights, string path)
    {
        var result = new Dictionary<string, Tensor>();
        try
        {
            foreach (var (key, value) in weights)
            {
                result[(string)key] = Rebuild(value, (string)key, path);
            }
        }
        catch
        {
            foreach (var tensor in result.Values)
            {
                tensor.Dispose();
            }
            throw;
        }
        return result;
    }

    private static ZipArchive OpenZip(string path) => new(File.OpenRead(path), ZipArchiveMode.Read);

    /// <summary>True when the file starts with a zip local header ("PK").</summary>
    internal static bool IsZip(string path)
    {
        using var stream = File.OpenRead(path);
        return stream.ReadByte() == 'P' && stream.ReadByte() == 'K';
    }

    private static Dictionary<object, object?> Unwrap(object? root, string path)
    {
        if (root is not Dictionary<object, object?> dictionary)
        {
            throw new InvalidDataException($"'{path}' does not hold a dictionary of tensors.");
        }
        foreach (string wrapper in new[] { "state_dict", "model" })
        {
            if (dictionary.TryGetValue(wrapper, out var inner) && inner is Dictionary<object, object?> weights)
            {
                return weights;
            }
        }
        return dictionary;
    }

    private static Storage ResolveStorage(object? id, ZipArchive archive, string prefix, Dictionary<string, Storage> storages, string path)
    {
        if (id is not object?[] { Length: >= 5 } parts || parts[0] is not "storage" || parts[1] is not PickleGlobal type || parts[2] is not string key)
        {
            throw new InvalidDataException($"'{path}' has a persistent id that is not a torch storage.");
        }
        if (!storages.TryGetValue(key, out var storage))
        {
            var entry = archive.GetEntry($"{prefix}data/{key}")
                ?? throw new InvalidDataException($"'{path}' lacks storage data/{key}.");
            storage = new Storage(ScalarTypeOf(type, path)) { Bytes = ReadAll(entry) };
            storages[key] = storage;
        }
        return storage;
    }

    private static Tensor Rebuild(object? value, string key, string path)
    {
        if (value is PickleCall { Callable.FullName: "torch._utils._rebuild_parameter" } parameter)
        {
            return Rebuild(parameter.Arguments[0], key, path);
        }
        if (value is not PickleCall { Callable.FullName: "torch._utils._rebuild_tensor_v2", Arguments: var args }
            || args.Length < 4 || args[0] is not Storage storage || args[1] is not long offset
            || args[2] is not object?[] size || args[3] is not object?[] stride)
        {
            throw new InvalidDataException($"Entry '{key}' of '{path}' is not a plain tensor.");
        }
        using var scope = NewDisposeScope();
        var typed = empty(storage.Bytes.Length / ElementSize(storage.Type), storage.Type);
        storage.Bytes.AsSpan(0, (int)typed.NumberOfElements * ElementSize(storage.Type)).CopyTo(typed.bytes);
        var shaped = typed.as_strided(size.Select(s => (long)s!).ToArray(), stride.Select(s => (long)s!).ToArray(), offset);
        return shaped.contiguous().clone().MoveToOuterDisposeScope();
    }

    private static ScalarType ScalarTypeOf(PickleGlobal type, string path) => type.Name switch
    {
        "FloatStorage" => ScalarType.Float32,
        "DoubleStorage" => ScalarType.Float64,
        "HalfStorage" => ScalarType.Float16,
        "BFloat16Storage" => ScalarType.BFloat16,
        "LongStorage" => ScalarType.Int64,
        "IntStorage" => ScalarType.Int32,
        "ShortStorage" => ScalarType.Int16,
        "CharStorage" => ScalarType.Int8,
        "ByteStorage" => ScalarType.Byte,
        "BoolStorage" => ScalarType.Bool,
        _ => throw new InvalidDataException($"'{path}' uses storage type {type.FullName}, which is not supported."),
    };

    private static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
