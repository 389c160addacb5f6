using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Weights;

/// <summary>
/// Writes a file the way <c>torch.save(state_dict, f)</c> does (PyTorch ≥ 1.6 zip layout, pickle protocol 2), opcode by
/// opcode from the pickle specification: <c>archive/data.pkl</c> holds an OrderedDict of tensors, each rebuilt by
/// <c>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())</c> with the storage as the
/// persistent id ('storage', torch.&lt;Type&gt;Storage, key, 'cpu', numel); <c>archive/data/&lt;key&gt;</c> holds each storage's
/// little-endian bytes. PyTorch's <c>torch.load</c> and <see cref="PyTorchStateDict.Read"/> read it back. No Python runs.
/// </summary>
public static class PyTorchStateDictWriter
{
    /// <summary>One tensor: its storage type (<c>FloatStorage</c>, <c>LongStorage</c>, …), raw bytes, element count and view.</summary>
    /// <param name="Name">State-dict key.</param>
    /// <param name="StorageType">PyTorch storage class name, e.g. <c>FloatStorage</c>.</param>
    /// <param name="Storage">The storage's little-endian bytes.</param>
    /// <param name="Count">Elements in the storage.</param>
    /// <param name="Size">The tensor's shape.</param>
    /// <param name="Stride">The tensor's strides (elements).</param>
    /// <param name="Offset">Storage offset of the first element.</param>
    public sealed record Entry(string Name, string StorageType, byte[] Storage, long Count, long[] Size, long[] Stride, long Offset = 0);

    /// <summary>
    /// Writes <paramref name="tensors"/> (e.g. <c>module.state_dict()</c>, float32 and int64 tensors) to <paramref name="path"/>
    /// through a temporary file and a rename, so a reader never sees half a file.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        List<Entry> entries;
        using (NewDisposeScope())
        {
            entries = tensors.Select(p => Of(p.Key, p.Value)).ToList();
        }
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.Delete(temporary);
        Write(temporary, entries);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Writes <paramref name="entries"/> as a zip-format torch.save file; with <paramref name="wrapper"/>, the dict sits under that key of an outer dict (a checkpoint's <c>state_dict</c>).</summary>
    public static void Write(string path, IReadOnlyList<Entry> entries, string? wrapper = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "archive/data.pkl", Pickle(entries, wrapper));
        Add(zip, "archive/byteorder", Encoding.ASCII.GetBytes("little"));
        for (int i = 0; i < entries.Count; i++)
        {
            Add(zip, $"archive/data/{i}", entries[i].Storage);
        }
        Add(zip, "archive/version", Encoding.ASCII.GetBytes("3\n"));
    }

    /// <summary>
    /// The pickle of the state dict; storage i has key <c>i</c>. <paramref name="legacyPersistentIds"/> adds the sixth
    /// persistent-id element (the view metadata, None) of the pre-1.6 format.
    /// </summary>
    public static byte[] Pickle(IReadOnlyList<Entry> entries, string? wrapper, bool legacyPersistentIds = false)
    {
        var pickle = new List<byte> { 0x80, 2 };
        if (wrapper is not null)
        {
            pickle.Add((byte)'}');
            String(pickle, wrapper);
        }
        Global(pickle, "collections", "OrderedDict");
        pickle.Add((byte)')');
        pickle.Add((byte)'R');
        pickle.Add((byte)'(');
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            String(pickle, e.Name);
            Global(pickle, "torch._utils", "_rebuild_tensor_v2");
            pickle.Add((byte)'(');
            pickle.Add((byte)'(');
            String(pickle, "storage");
            Global(pickle, "torch", e.StorageType);
            String(pickle, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            String(pickle, "cpu");
            Int(pickle, e.Count);
            if (legacyPersistentIds)
            {
                pickle.Add((byte)'N');
            }
            pickle.Add((byte)'t');
            pickle.Add((byte)'Q');
            Int(pickle, e.Offset);
            Tuple(pickle, e.Size);
            Tuple(pickle, e.Stride);
            pickle.Add(0x89); // NEWFALSE: requires_grad
            Global(pickle, "collections", "OrderedDict");
            pickle.Add((byte)')');
            pickle.Add((byte)'R');
            pickle.Add((byte)'t');
            pickle.Add((byte)'R');
        }
        pickle.Add((byte)'u');
        if (wrapper is not null)
        {
            pickle.Add((byte)'s');
        }
        pickle.Add((byte)'.');
        return [.. pickle];
    }

    /// <summary>A contiguous CPU copy of <paramref name="tensor"/> as an entry (float32 → FloatStorage, int64 → LongStorage).</summary>
    private static Entry Of(string name, Tensor tensor)
    {
        var cpu = tensor.detach().cpu().contiguous();
        var (type, bytes) = cpu.dtype switch
        {
            ScalarType.Float32 => ("FloatStorage", MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()).ToArray()),
            ScalarType.Int64 => ("LongStorage", MemoryMarshal.AsBytes(cpu.data<long>().ToArray().AsSpan()).ToArray()),
            var other => throw new ArgumentException($"Tensor '{name}' is {other}; only float32 and int64 tensors are written."),
        };
        var size = cpu.shape;
        var stride = new long[size.Length];
        for (int d = size.Length - 1, step = 1; d >= 0; step *= (int)size[d], d--)
        {
            stride[d] = step;
        }
        return new Entry(name, type, bytes, cpu.numel(), size, stride);
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        stream.Write(bytes);
    }

    private static void Global(List<byte> p, string module, string name)
    {
        p.Add((byte)'c');
        p.AddRange(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
    }

    private static void String(List<byte> p, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        p.Add((byte)'X');
        p.AddRange(BitConverter.GetBytes(bytes.Length));
        p.AddRange(bytes);
    }

    private static void Int(List<byte> p, long value)
    {
        p.Add((byte)'J');
        p.AddRange(BitConverter.GetBytes(checked((int)value)));
    }

    private static void Tuple(List<byte> p, long[] values)
    {
        p.Add((byte)'(');
        foreach (long v in values)
        {
            Int(p, v);
        }
        p.Add((byte)'t');
    }
}
