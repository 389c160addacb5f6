using OlnmMl.Torch.Weights;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Test files in the torch.save layouts, from float storages with explicit views: <see cref="Write"/> the zip layout
/// (<see cref="PyTorchStateDictWriter"/>); <see cref="WriteLegacy"/> the pre-1.6 layout: pickles of the magic number
/// 0x1950a86a20f9469cfc6c, protocol 1001, system info, the object (persistent ids with a sixth element, the view
/// metadata, None) and the storage keys, then each storage as int64 count + bytes.
/// </summary>
public static class TorchSaveFile
{
    public sealed record Entry(string Name, float[] Storage, long[] Size, long[] Stride, long Offset = 0);

    public static void Write(string path, IEnumerable<Entry> entries, string? wrapper = null) =>
        PyTorchStateDictWriter.Write(path, entries.Select(Of).ToList(), wrapper);

    public static void WriteLegacy(string path, IEnumerable<Entry> entries)
    {
        var list = entries.ToList();
        var file = new List<byte> { 0x80, 2, 0x8a, 10 };
        file.AddRange(Convert.FromHexString("6CFC9C46F9206AA85019")); // 0x1950a86a20f9469cfc6c, little-endian
        file.Add((byte)'.');
        file.AddRange(new byte[] { 0x80, 2, (byte)'M', 0xe9, 0x03, (byte)'.' }); // 1001
        file.AddRange(new byte[] { 0x80, 2, (byte)'}', (byte)'.' });             // system info {}
        file.AddRange(PyTorchStateDictWriter.Pickle(list.Select(Of).ToList(), wrapper: null, legacyPersistentIds: true));
        var keys = new List<byte> { 0x80, 2, (byte)']', (byte)'(' };
        for (int i = 0; i < list.Count; i++)
        {
            var key = System.Text.Encoding.ASCII.GetBytes(i.ToString());
            keys.Add((byte)'X');
            keys.AddRange(BitConverter.GetBytes(key.Length));
            keys.AddRange(key);
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

    private static PyTorchStateDictWriter.Entry Of(Entry e) =>
        new(e.Name, "FloatStorage", Bytes(e.Storage), e.Storage.Length, e.Size, e.Stride, e.Offset);

    private static byte[] Bytes(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
