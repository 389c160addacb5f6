using System.Text;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Manifest;

/// <summary>Text files written through a temporary file renamed into place (never half-written).</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        CompressedFile.WriteAtomically(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
}
