// Inline MSBuild task (RoslynCodeTaskFactory) used by build/TorchSharpNative.targets.
//
// TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13's libstdc++ and so lists
// GLIBCXX_3.4.32 in its .gnu.version_r section, only because of the undefined symbol
// _ZSt21ios_base_library_initv, which no relocation references. glibc's loader refuses a
// library whose non-weak version need is missing, so on a GCC 12 libstdc++ (Debian 12)
// dlopen fails before any code runs. Marking that single Vernaux entry VER_FLG_WEAK makes
// the loader accept the missing version (it only warns under LD_DEBUG), which is safe
// because nothing binds to the symbol. The task edits the OUTPUT copy only and replaces
// it through a fresh inode, so a hard link into the NuGet cache is never written through.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenGlibcxxRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>The copies of libLibTorchSharp.so in the output or publish folder.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The symbol version to weaken, e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string Version { get; set; } = "";

    public override bool Execute()
    {
        string libstdcxx = FindLibstdcxx();
        if (libstdcxx == null)
        {
            Log.LogMessage(MessageImportance.Low, "libstdc++.so.6 not found; TorchSharp native library left as is.");
            return true;
        }
        if (DefinesVersion(File.ReadAllBytes(libstdcxx), Version))
        {
            return true;
        }
        foreach (ITaskItem item in Libraries)
        {
            string path = item.GetMetadata("FullPath");
            if (!File.Exists(path))
            {
                continue;
            }
            byte[] image = File.ReadAllBytes(path);
            long flagsOffset = FindVernauxFlagsOffset(image, "libstdc++.so.6", Version, path);
            if (flagsOffset < 0)
            {
                continue;
            }
            ushort flags = BitConverter.ToUInt16(image, (int)flagsOffset);
            if ((flags & VerFlgWeak) != 0)
            {
                continue;
            }
            ReplaceWithPatchedCopy(path, flagsOffset, (ushort)(flags | VerFlgWeak));
            Log.LogMessage(MessageImportance.High,
                $"Marked the {Version} requirement of {path} weak: this machine's libstdc++ ({libstdcxx}) lacks {Version}, which the library lists but never binds.");
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>Writes the patched flags into a copy beside the file, then swaps the copy in
    /// (delete + move gives a new inode, so hard links into the package cache stay intact).
    /// The original timestamps are kept so the incremental copy step does not undo the patch.</summary>
    private static void ReplaceWithPatchedCopy(string path, long flagsOffset, ushort flags)
    {
        string temporary = path + ".weaken.tmp";
        DateTime written = File.GetLastWriteTimeUtc(path);
        File.Copy(path, temporary, true);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
        {
            stream.Position = flagsOffset;
            stream.WriteByte((byte)(flags & 0xff));
            stream.WriteByte((byte)(flags >> 8));
        }
        File.SetLastWriteTimeUtc(temporary, written);
        File.Delete(path);
        File.Move(temporary, path);
    }

    private static string FindLibstdcxx()
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("/sbin/ldconfig", "-p")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = System.Diagnostics.Process.Start(start);
            if (process != null)
            {
                string listing = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                foreach (string line in listing.Split('\n'))
                {
                    string trimmed = line.Trim();
                    int arrow = trimmed.IndexOf("=>", StringComparison.Ordinal);
                    if (trimmed.StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) && trimmed.Contains("x86-64") && arrow > 0)
                    {
                        string candidate = trimmed.Substring(arrow + 2).Trim();
                        if (File.Exists(candidate))
                        {
                            return candidate;
                        }
                    }
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No ldconfig: fall back to the usual locations below.
        }
        foreach (string directory in new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" })
        {
            string candidate = Path.Combine(directory, "libstdc++.so.6");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool DefinesVersion(byte[] image, string version)
    {
        if (!IsElf64LittleEndian(image))
        {
            return false;
        }
        foreach (Section section in Sections(image))
        {
            if (section.Type != ShtGnuVerdef)
            {
                continue;
            }
            Section strings = SectionAt(image, (int)section.Link);
            long entry = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                uint aux = U32(image, entry + 12);
                uint nameOffset = U32(image, entry + aux);
                if (CString(image, strings.Offset + nameOffset) == version)
                {
                    return true;
                }
                uint next = U32(image, entry + 16);
                if (next == 0)
                {
                    break;
                }
                entry += next;
            }
        }
        return false;
    }

    /// <summary>Offset of vna_flags of the Vernaux entry named <paramref name="version"/> under
    /// the Verneed entry for <paramref name="file"/>; -1 when there is none.</summary>
    private long FindVernauxFlagsOffset(byte[] image, string file, string version, string path)
    {
        if (!IsElf64LittleEndian(image))
        {
            Log.LogWarning($"{path} is not a little-endian ELF64 file; left as is.");
            return -1;
        }
        foreach (Section section in Sections(image))
        {
            if (section.Type != ShtGnuVerneed)
            {
                continue;
            }
            Section strings = SectionAt(image, (int)section.Link);
            long need = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                ushort count = U16(image, need + 2);
                string needed = CString(image, strings.Offset + U32(image, need + 4));
                long aux = need + U32(image, need + 8);
                for (int j = 0; j < count; j++)
                {
                    if (needed == file && CString(image, strings.Offset + U32(image, aux + 8)) == version)
                    {
                        return aux + 4;
                    }
                    aux += U32(image, aux + 12);
                }
                uint next = U32(image, need + 12);
                if (next == 0)
                {
                    break;
                }
                need += next;
            }
        }
        return -1;
    }

    private readonly struct Section
    {
        public Section(uint type, long offset, uint link, uint info)
        {
            Type = type;
            Offset = offset;
            Link = link;
            Info = info;
        }

        public uint Type { get; }
        public long Offset { get; }
        public uint Link { get; }
        public uint Info { get; }
    }

    private static bool IsElf64LittleEndian(byte[] image) =>
        image.Length > 64 && image[0] == 0x7f && image[1] == (byte)'E' && image[2] == (byte)'L' && image[3] == (byte)'F'
        && image[4] == 2 && image[5] == 1;

    private static System.Collections.Generic.IEnumerable<Section> Sections(byte[] image)
    {
        int count = U16(image, 0x3c);
        for (int i = 0; i < count; i++)
        {
            yield return SectionAt(image, i);
        }
    }

    private static Section SectionAt(byte[] image, int index)
    {
        long header = (long)U64(image, 0x28) + (long)index * U16(image, 0x3a);
        return new Section(U32(image, header + 4), (long)U64(image, header + 24), U32(image, header + 40), U32(image, header + 44));
    }

    private static ushort U16(byte[] image, long offset) => BitConverter.ToUInt16(image, checked((int)offset));

    private static uint U32(byte[] image, long offset) => BitConverter.ToUInt32(image, checked((int)offset));

    private static ulong U64(byte[] image, long offset) => BitConverter.ToUInt64(image, checked((int)offset));

    private static string CString(byte[] image, long offset)
    {
        int start = checked((int)offset);
        int end = start;
        while (end < image.Length && image[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(image, start, end - start);
    }
}
