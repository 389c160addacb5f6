namespace OlnmMl.Learners.Svm;

/// <summary>
/// A least-recently-used cache of kernel columns (libsvm's <c>Cache</c>): a fixed number of slots, each holding one
/// column of length l, allocated once; a miss evicts the least recently used slot. No allocation after construction.
/// </summary>
internal sealed class KernelColumnCache
{
    private readonly float[][] _slots;
    private readonly int[] _columnOfSlot;
    private readonly int[] _slotOfColumn;
    private readonly int[] _prev;
    private readonly int[] _next;
    private int _head = -1; // most recently used
    private int _tail = -1; // least recently used
    private int _used;

    /// <summary>Creates a cache for <paramref name="columns"/> columns of length <paramref name="length"/> within <paramref name="bytes"/> bytes (at least two columns).</summary>
    public KernelColumnCache(int columns, int length, long bytes)
    {
        var capacity = (int)Math.Clamp(bytes / (sizeof(float) * (long)Math.Max(length, 1)), 2, columns);
        _slots = new float[capacity][];
        _columnOfSlot = new int[capacity];
        _prev = new int[capacity];
        _next = new int[capacity];
        _slotOfColumn = new int[columns];
        Array.Fill(_slotOfColumn, -1);
        Length = length;
    }

    /// <summary>Column length l.</summary>
    public int Length { get; }

    /// <summary>Returns the cached buffer of <paramref name="column"/>; <paramref name="filled"/> is false when the caller must fill it.</summary>
    public float[] Get(int column, out bool filled)
    {
        var slot = _slotOfColumn[column];
        if (slot >= 0)
        {
            MoveToFront(slot);
            filled = true;
            return _slots[slot];
        }

        if (_used < _slots.Length)
        {
            slot = _used++;
            _slots[slot] = new float[Length];
        }
        else
        {
            slot = _tail;
            Unlink(slot);
            _slotOfColumn[_columnOfSlot[slot]] = -1;
        }

        _columnOfSlot[slot] = column;
        _slotOfColumn[column] = slot;
        LinkFront(slot);
        filled = false;
        return _slots[slot];
    }

    private void MoveToFront(int slot)
    {
        if (slot == _head) return;
        Unlink(slot);
        LinkFront(slot);
    }

    private void Unlink(int slot)
    {
        var p = _prev[slot];
        var n = _next[slot];
        if (p >= 0) _next[p] = n; else _head = n;
        if (n >= 0) _prev[n] = p; else _tail = p;
    }

    private void LinkFront(int slot)
    {
        _prev[slot] = -1;
        _next[slot] = _head;
        if (_head >= 0) _prev[_head] = slot;
        _head = slot;
        if (_tail < 0) _tail = slot;
    }
}
