using System.IO.Compression;
using System.Text;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Writes a file the way <c>torch.save(state_dict, f)</c> does (PyTorch ≥ 1.6 zip layout, pickle
/// protocol 2), opcode by opcode from the pickle specification: an OrderedDict of float32 tensors,
/// each rebuilt by <c>torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())</c>
/// with the storage as the persistent id ('storage', torch.FloatStorage, key, 'cpu', numel).
/// <see cref="WriteLegacy"/> writes the pre-1.6 layout instead: pickles of the magic number
/// 0x1950a86a20f9469cfc6c, protocol 1001, system info, the object (persistent ids with a sixth
/// element, the view metadata, None) and the storage keys, then each storage as int64 count + bytes.
/// </summary>
public static class TorchSaveFile
{
    public sealed record Entry(string Name, float[] Storage, long[] Size, long[] Stride, long Offset = 0);

    public static void Write(string path, IEnumerable<Entry> entries, string? wrapper = null)
    {
        var list = entries.ToList();
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "archive/data.pkl", StatePickle(list, wrapper, legacy: false));
        Add(zip, "archive/byteorder", Encoding.ASCII.GetBytes("little"));
        for (int i = 0; i < list.Count; i++)
        {
            Add(zip, $"archive/data/{i}", Bytes(list[i].Storage));
        }
        Add(zip, "archive/version", Encoding.ASCII.GetBytes("3\n"));
    }

    public static void WriteLegacy(string path, IEnumerable<Entry> entries)
    {
        var list = entries.ToList();
        var file = new List<byte> { 0x80, 2, 0x8a, 10 };
        file.AddRange(Convert.FromHexString("6CFC9C46F9206AA85019")); // 0x1950a86a20f9469cfc6c, little-endian
        file.Add((byte)'.');
        file.AddRange(new byte[] { 0x80, 2, (byte)'M', 0xe9, 0x03, (byte)'.' }); // 1001
        file.AddRange(new byte[] { 0x80, 2, (byte)'}', (byte)'.' });             // system info {}
        file.AddRange(StatePickle(list, wrapper: null, legacy: true));
        var keys = new List<byte> { 0x80, 2, (byte)']', (byte)'(' };
        for (int i = 0; i < list.Count; i++)
        {
            String(keys, i.ToString());
        }
        keys.AddRange(new byte[] { (byte)'e', (byte)'.' });
        file.AddRange(keys);
        foreach (var e in list)
        {
            file.AddRange(BitConverter.GetBytes((long)e.Storage.Length));
            file.AddRange(Bytes(e.Storage));
        }
        File.WriteAllBytes(path, [.. file]);
    }

    /// <summary>
    /// The float entries of <paramref name="module"/>'s <c>state_dict</c> under <paramref name="prefix"/>, contiguous;
    /// the int64 <c>num_batches_tracked</c> counters are left out, as in files from PyTorch &lt; 0.4.1.
    /// </summary>
    public static IEnumerable<Entry> Entries(TorchSharp.torch.nn.Module module, string prefix) => module.state_dict()
        .Where(e => !e.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
        .Select(e => new Entry(prefix + e.Key, e.Value.data<float>().ToArray(), e.Value.shape, Strides(e.Value.shape)));

    /// <summary>Row-major strides of <paramref name="shape"/>.</summary>
    public static long[] Strides(long[] shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    private static byte[] Bytes(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static byte[] StatePickle(List<Entry> list, string? wrapper, bool legacy)
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
        for (int i = 0; i < list.Count; i++)
        {
            var e = list[i];
            String(pickle, e.Name);
            Global(pickle, "torch._utils", "_rebuild_tensor_v2");
            pickle.Add((byte)'(');
            pickle.Add((byte)'(');
            String(pickle, "storage");
            Global(pickle, "torch", "FloatStorage");
            String(pickle, i.ToString());
            String(pickle, "cpu");
            Int(pickle, e.Storage.Length);
            if (legacy)
            {
                pickle.Add((byte)'N');
            }
            pickle.Add((byte)'t');
            pickle.Add((byte)'Q');
            Int(pickle, e.Offset);
            Tuple(pickle, e.Size);
            Tuple(pickle, e.Stride);
            pickle.Add(0x89);
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
        p.AddRange(BitConverter.GetBytes((int)value));
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
