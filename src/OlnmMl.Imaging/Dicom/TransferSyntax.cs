namespace OlnmMl.Imaging.Dicom;

/// <summary>
/// The transfer syntaxes the reader decodes (implicit and explicit VR little endian, uncompressed) and the names of
/// the ones it refuses, so the error can say what the file is and how to convert it.
/// </summary>
internal static class TransferSyntax
{
    public const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";

    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["1.2.840.10008.1.2.1.99"] = "Deflated Explicit VR Little Endian",
        ["1.2.840.10008.1.2.2"] = "Explicit VR Big Endian (retired)",
        ["1.2.840.10008.1.2.4.50"] = "JPEG Baseline (Process 1)",
        ["1.2.840.10008.1.2.4.51"] = "JPEG Extended (Process 2 & 4)",
        ["1.2.840.10008.1.2.4.57"] = "JPEG Lossless, Non-Hierarchical (Process 14)",
        ["1.2.840.10008.1.2.4.70"] = "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
        ["1.2.840.10008.1.2.4.80"] = "JPEG-LS Lossless",
        ["1.2.840.10008.1.2.4.81"] = "JPEG-LS Lossy (Near-Lossless)",
        ["1.2.840.10008.1.2.4.90"] = "JPEG 2000 (Lossless Only)",
        ["1.2.840.10008.1.2.4.91"] = "JPEG 2000",
        ["1.2.840.10008.1.2.4.201"] = "High-Throughput JPEG 2000 (Lossless Only)",
        ["1.2.840.10008.1.2.4.203"] = "High-Throughput JPEG 2000",
        ["1.2.840.10008.1.2.5"] = "RLE Lossless",
    };

    /// <summary>True for explicit VR little endian, false for implicit; otherwise a <see cref="VolumeFormatException"/>.</summary>
    public static bool IsExplicit(string path, string? uid)
    {
        switch (uid)
        {
            case ImplicitLittleEndian: return false;
            case ExplicitLittleEndian: return true;
            case null: throw new VolumeFormatException(path, "DICOM file meta has no TransferSyntaxUID (0002,0010)");
        }

        var name = Refused.TryGetValue(uid, out var known) ? known : "an unknown transfer syntax";
        throw new VolumeFormatException(
            path,
            $"transfer syntax {uid} ({name}) is not read; only uncompressed implicit or explicit VR little endian is. "
            + "Convert the series first, e.g. 'gdcmconv --raw IN OUT' or 'dcmdjpeg IN OUT' (JPEG), 'dcmdrle IN OUT' (RLE), 'dcmconv +te IN OUT' (deflate, big endian)");
    }
}
