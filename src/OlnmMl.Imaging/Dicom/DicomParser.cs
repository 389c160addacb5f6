namespace OlnmMl.Imaging.Dicom;

/// <summary>A parsed DICOM Part 10 file: its data set (without the pixels) and where its native pixel data lie.</summary>
internal sealed record DicomFile(string Path, DicomDataSet DataSet, long PixelDataOffset, long PixelDataLength);

/// <summary>
/// Parses DICOM Part 10 files (PS3.10): a 128-byte preamble, "DICM", the explicit VR little endian file meta group,
/// then the data set in implicit or explicit VR little endian (PS3.5 §7). Sequences of defined or undefined length
/// become nested data sets (an implicit VR element of undefined length is a sequence, as is one of defined length whose
/// tag <see cref="DicomTags.IsKnownSequence"/>; UN of undefined length is read as implicit VR, PS3.5 §6.2.2). Parsing stops at the top-level Pixel Data, whose offset and length are kept.
/// </summary>
internal static class DicomParser
{
    private const uint Undefined = 0xFFFF_FFFF;
    private const int MaxDepth = 32;
    private const int HeadBytes = 64 * 1024;

    /// <summary>True when the file at <paramref name="path"/> starts with a preamble and "DICM".</summary>
    public static bool HasMagic(string path)
    {
        Span<byte> head = stackalloc byte[132];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head[128..].SequenceEqual("DICM"u8);
    }

    /// <summary>
    /// Parses the file at <paramref name="path"/>. Only its first 64 KiB are read when the header ends there (the pixels
    /// are read later, from <see cref="DicomFile.PixelDataOffset"/>); a longer header is parsed again from the whole file.
    /// </summary>
    /// <exception cref="VolumeFormatException">Not a Part 10 file, a refused transfer syntax, or malformed/truncated elements.</exception>
    public static DicomFile Parse(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var length = stream.Length;
            var head = new byte[Math.Min(length, HeadBytes)];
            stream.ReadExactly(head);
            try
            {
                return Parse(path, head, length);
            }
            catch (DicomCursor.HeadTooShortException)
            {
                var whole = new byte[length];
                stream.Position = 0;
                stream.ReadExactly(whole);
                return Parse(path, whole, length);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VolumeFormatException(path, $"cannot read the DICOM file: {e.Message}", e);
        }
    }

    private static DicomFile Parse(string path, byte[] bytes, long fileLength)
    {
        if (bytes.Length < 132 || !bytes.AsSpan(128, 4).SequenceEqual("DICM"u8))
        {
            throw new VolumeFormatException(path, "not a DICOM Part 10 file (no \"DICM\" after the 128-byte preamble)");
        }

        var cursor = new DicomCursor(path, bytes, fileLength, 132);
        var meta = new DicomDataSet();
        ReadElements(ref cursor, bytes.Length, explicitVr: true, meta, depth: 0, stopAtGroupEnd: true);
        var explicitVr = TransferSyntax.IsExplicit(path, meta.String(DicomTags.TransferSyntaxUid));
        var data = new DicomDataSet();
        ReadElements(ref cursor, bytes.Length, explicitVr, data, depth: 0, stopAtGroupEnd: false);
        return new DicomFile(path, data, cursor.PixelOffset, cursor.PixelLength);
    }

    // Reads elements into target until end, an item delimiter, the top-level Pixel Data or (meta) the end of group 0002.
    private static void ReadElements(ref DicomCursor cursor, int end, bool explicitVr, DicomDataSet target, int depth, bool stopAtGroupEnd)
    {
        while (cursor.Position < end)
        {
            var tag = cursor.PeekTag();
            if (stopAtGroupEnd && tag >> 16 != 0x0002)
            {
                return;
            }

            if (tag == DicomTags.ItemDelimitation)
            {
                cursor.Skip(8);
                return;
            }

            var (vr, length) = cursor.ReadHeader(explicitVr);
            if (tag == DicomTags.PixelData && depth == 0)
            {
                cursor.MarkPixels(length, vr);
                return;
            }

            var sequence = vr == "SQ" || (length == Undefined && vr is null or "UN") || (vr is null && DicomTags.IsKnownSequence(tag));
            if (sequence)
            {
                target.AddSequence(tag, ReadItems(ref cursor, length, explicitVr && vr != "UN", depth + 1, tag));
            }
            else if (length == Undefined)
            {
                throw cursor.Error($"element {DicomTags.Format(tag)} ({vr}) has undefined length but is not a sequence");
            }
            else
            {
                target.Add(tag, cursor.Take(length, tag));
            }
        }

        cursor.EndOfBytes();
    }

    private static List<DicomDataSet> ReadItems(ref DicomCursor cursor, uint length, bool explicitVr, int depth, uint sequenceTag)
    {
        if (depth > MaxDepth)
        {
            throw cursor.Error($"sequences nested deeper than {MaxDepth} levels at {DicomTags.Format(sequenceTag)}");
        }

        var end = length == Undefined ? cursor.Length : cursor.End(length, sequenceTag);
        var items = new List<DicomDataSet>();
        while (cursor.Position < end)
        {
            var tag = cursor.PeekTag();
            var itemLength = cursor.ReadItemHeader();
            if (tag == DicomTags.SequenceDelimitation)
            {
                return items;
            }

            if (tag != DicomTags.Item)
            {
                throw cursor.Error($"sequence {DicomTags.Format(sequenceTag)} holds {DicomTags.Format(tag)} where an item (FFFE,E000) belongs");
            }

            var item = new DicomDataSet();
            ReadElements(ref cursor, itemLength == Undefined ? cursor.Length : cursor.End(itemLength, sequenceTag), explicitVr, item, depth, stopAtGroupEnd: false);
            items.Add(item);
        }

        cursor.EndOfBytes();
        if (length == Undefined)
        {
            throw cursor.Error($"sequence {DicomTags.Format(sequenceTag)} of undefined length has no sequence delimiter before the end of the file");
        }

        return items;
    }
}
