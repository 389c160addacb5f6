using System.Buffers.Binary;
using System.Text;

namespace OlnmMl.Torch.Weights;

/// <summary>A Python global referenced by a pickle (<c>module.name</c>).</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public string FullName => $"{Module}.{Name}";
}

/// <summary>A call <c>callable(*args)</c> recorded by REDUCE/NEWOBJ, with BUILD state applied later.</summary>
internal sealed record PickleCall(PickleGlobal Callable, object?[] Arguments);

/// <summary>
/// Reads the subset of the pickle format (protocols 2–5) that <c>torch.save</c> writes for a
/// state_dict: containers, scalars, strings, globals, REDUCE/NEWOBJ/BUILD and persistent ids.
/// Nothing is executed: globals and calls come back as <see cref="PickleGlobal"/> /
/// <see cref="PickleCall"/> values, except <c>collections.OrderedDict()</c> (a dictionary), and
/// the persistent-id resolver maps storages. Dictionaries are <c>Dictionary&lt;object, object?&gt;</c>,
/// tuples <c>object?[]</c>, lists <c>List&lt;object?&gt;</c>, integers <c>long</c>, floats <c>double</c>.
/// </summary>
internal sealed class PickleReader(Func<object?, object?> resolvePersistent)
{
    private readonly List<object?> stack = [];
    private readonly Stack<int> marks = new();
    private readonly Dictionary<long, object?> memo = [];

    /// <summary>Reads one pickle starting at <paramref name="position"/>, which is left just past its STOP.</summary>
    public object? Read(byte[] data, ref int position)
    {
        stack.Clear();
        marks.Clear();
        memo.Clear();
        int p = position;
        while (true)
        {
            if (p >= data.Length)
            {
                throw new InvalidDataException("The pickle ends without a STOP opcode.");
            }
            byte op = data[p++];
            switch (op)
            {
                case 0x80: p++; break; // PROTO
                case 0x95: p += 8; break; // FRAME
                case (byte)'.': position = p; return Pop(); // STOP
                case (byte)'(': marks.Push(stack.Count); break; // MARK
                case (byte)'N': stack.Add(null); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(p))); p += 4; break;
                case (byte)'K': stack.Add((long)data[p++]); break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(p))); p += 2; break;
                case 0x8a: // LONG1
                {
                    int n = data[p++];
                    stack.Add(LittleEndianInteger(data.AsSpan(p, n)));
                    p += n;
                    break;
                }
                case (byte)'G': stack.Add(BinaryPrimitives.ReadDoubleBigEndian(data.AsSpan(p))); p += 8; break;
                case 0x8c: p = PushString(data, p + 1, data[p]); break; // SHORT_BINUNICODE
                case (byte)'X': p = PushString(data, p + 4, (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(p))); break;
                case 0x8d: p = PushString(data, p + 8, checked((int)BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(p)))); break;
                case (byte)'U': p = PushString(data, p + 1, data[p]); break; // SHORT_BINSTRING
                case (byte)'T': p = PushString(data, p + 4, BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(p))); break;
                case (byte)'C': stack.Add(data.AsSpan(p + 1, data[p]).ToArray()); p += 1 + data[p]; break; // SHORT_BINBYTES
                case (byte)'B': // BINBYTES
                {
                    int n = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(p));
                    stack.Add(data.AsSpan(p + 4, n).ToArray());
                    p += 4 + n;
                    break;
                }
                case (byte)'}': stack.Add(new Dictionary<object, object?>()); break;
                case (byte)']': stack.Add(new List<object?>()); break;
                case (byte)')': stack.Add(Array.Empty<object?>()); break;
                case (byte)'t': stack.Add(PopMark().ToArray()); break;
                case 0x85: stack.Add(new[] { Pop() }); break;
                case 0x86: { var b = Pop(); var a = Pop(); stack.Add(new[] { a, b }); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); stack.Add(new[] { a, b, c }); break; }
                case (byte)'q': memo[data[p++]] = Peek(); break; // BINPUT
                case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(p))] = Peek(); p += 4; break;
                case 0x94: memo[memo.Count] = Peek(); break; // MEMOIZE
                case (byte)'h': stack.Add(Memo(data[p++])); break; // BINGET
                case (byte)'j': stack.Add(Memo(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(p)))); p += 4; break;
                case (byte)'c': // GLOBAL "module\nname\n"
                {
                    int end1 = Array.IndexOf(data, (byte)'\n', p);
                    int end2 = Array.IndexOf(data, (byte)'\n', end1 + 1);
                    stack.Add(new PickleGlobal(Encoding.ASCII.GetString(data, p, end1 - p), Encoding.ASCII.GetString(data, end1 + 1, end2 - end1 - 1)));
                    p = end2 + 1;
                    break;
                }
                case 0x93: { var name = (string)Pop()!; var module = (string)Pop()!; stack.Add(new PickleGlobal(module, name)); break; }
                case (byte)'R': { var args = (object?[])Pop()!; var callable = (PickleGlobal)Pop()!; stack.Add(Call(callable, args)); break; }
                case 0x81: { var args = (object?[])Pop()!; var cls = (PickleGlobal)Pop()!; stack.Add(Call(cls, args)); break; } // NEWOBJ
                case (byte)'b': Pop(); break; // BUILD: state of an object we keep as a call (e.g. tensor hooks)
                case (byte)'Q': stack.Add(resolvePersistent(Pop())); break; // BINPERSID
                case (byte)'s': { var value = Pop(); var key = Pop()!; Dict(Peek())[key] = value; break; }
                case (byte)'u':
                {
                    var items = PopMark();
                    var dict = Dict(Peek());
                    for (int i = 0; i + 1 < items.Count; i += 2)
                    {
                        dict[items[i]!] = items[i + 1];
                    }
                    break;
                }
                case (byte)'a': { var value = Pop(); ((List<object?>)Peek()!).Add(value); break; }
                case (byte)'e': { var items = PopMark(); ((List<object?>)Peek()!).AddRange(items); break; }
                default:
                    throw new InvalidDataException($"Unsupported pickle opcode 0x{op:x2} at byte {p - 1}.");
            }
        }
    }

    private static object? Call(PickleGlobal callable, object?[] args) =>
        callable.FullName == "collections.OrderedDict" ? new Dictionary<object, object?>() : new PickleCall(callable, args);

    private static Dictionary<object, object?> Dict(object? value) =>
        value as Dictionary<object, object?> ?? throw new InvalidDataException($"Pickle SETITEM on a {value?.GetType().Name ?? "null"}, not a dictionary.");

    private static object LittleEndianInteger(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 8)
        {
            return new System.Numerics.BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        }
        long value = 0;
        for (int i = bytes.Length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }
        if (bytes.Length is > 0 and < 8 && (bytes[^1] & 0x80) != 0)
        {
            value -= 1L << (8 * bytes.Length);
        }
        return value;
    }

    private int PushString(byte[] data, int start, int length)
    {
        stack.Add(Encoding.UTF8.GetString(data, start, length));
        return start + length;
    }

    private object? Memo(long key) =>
        memo.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"Pickle memo entry {key} is missing.");

    private object? Pop()
    {
        var value = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private object? Peek() => stack[^1];

    private List<object?> PopMark()
    {
        int mark = marks.Pop();
        var items = stack.GetRange(mark, stack.Count - mark);
        stack.RemoveRange(mark, stack.Count - mark);
        return items;
    }
}
