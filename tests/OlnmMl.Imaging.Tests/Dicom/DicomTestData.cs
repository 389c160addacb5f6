namespace OlnmMl.Imaging.Tests.Dicom;

/// <summary>
/// The DICOM fixtures of <c>Data/dicom</c> (made by its <c>make_fixtures.sh</c>) and the IBSI validation patient
/// beside the repository, plus a world-coordinate comparison of two volumes.
/// </summary>
internal static class DicomTestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "tests", "OlnmMl.Imaging.Tests", "Data", "dicom");

    public static string Pydicom(string name) => Path.Combine(Folder, "pydicom", name);

    public static string Dcm2niix(string name) => Path.Combine(Folder, "dcm2niix", name + ".nii.gz");

    public static string IbsiPetDicom => Path.Combine(Folder, "ibsi_pet", "dicom");

    public static string IbsiPetNifti => Path.Combine(Folder, "ibsi_pet", "PET_image.nii.gz");

    /// <summary>
    /// The IBSI validation patient (<c>dicom/STS_001</c>, <c>nifti/STS_001</c>) in <c>$OLNM_SHARED/data/ibsi_validation</c>
    /// or <c>../shared/data/ibsi_validation</c> beside the repository; skips the test (fails under OLNM_REQUIRE_SHARED_DATA=1) when absent.
    /// </summary>
    public static string IbsiValidation
    {
        get
        {
            var candidates = new List<string>();
            if (Environment.GetEnvironmentVariable("OLNM_SHARED") is { Length: > 0 } shared)
            {
                candidates.Add(Path.GetFullPath(Path.Combine(shared, "data", "ibsi_validation")));
            }

            candidates.Add(Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "ibsi_validation")));
            var found = candidates.FirstOrDefault(c => Directory.Exists(Path.Combine(c, "dicom", "STS_001", "CT", "image")));
            if (found is not null)
            {
                return found;
            }

            var message = "IBSI validation patient not found (looked in " + string.Join(", ", candidates) + "). Get folder "
                + "ibsi_validation (STS_001, DICOM and NIfTI) from https://github.com/theibsi/data_sets and put it at ../shared/data/ibsi_validation.";
            if (Environment.GetEnvironmentVariable("OLNM_REQUIRE_SHARED_DATA") == "1")
            {
                throw new DirectoryNotFoundException(message + " OLNM_REQUIRE_SHARED_DATA=1 requires it.");
            }

            throw new SkipException(message);
        }
    }

    /// <summary>
    /// Matches every voxel of <paramref name="actual"/> to the voxel of <paramref name="expected"/> at the same world
    /// position (whatever the axis order or flips): the largest distance between matched voxel centres (mm), the largest
    /// value difference, and how many voxels matched; a voxel without a counterpart fails.
    /// </summary>
    public static (double WorldMm, double Value, long Matched) Compare(Volume actual, Volume expected)
    {
        Assert.Equal(expected.Size.Count, actual.Size.Count);
        var (world, value, matched) = (0.0, 0.0, 0L);
        var size = actual.Size;
        for (var k = 0; k < size.Z; k++)
        {
            for (var j = 0; j < size.Y; j++)
            {
                for (var i = 0; i < size.X; i++)
                {
                    var p = actual.Geometry.IndexToPhysical(i, j, k);
                    var q = expected.Geometry.PhysicalToIndex(p);
                    var (x, y, z) = ((int)Math.Round(q.X), (int)Math.Round(q.Y), (int)Math.Round(q.Z));
                    Assert.True(x >= 0 && y >= 0 && z >= 0 && x < expected.Size.X && y < expected.Size.Y && z < expected.Size.Z, $"voxel ({i}, {j}, {k}) at {p} lies outside the reference");
                    world = Math.Max(world, (expected.Geometry.IndexToPhysical(x, y, z) - p).Length);
                    value = Math.Max(value, Math.Abs(actual[i, j, k] - expected[x, y, z]));
                    matched++;
                }
            }
        }

        return (world, value, matched);
    }

    /// <summary>A copy of <paramref name="bytes"/> with the one occurrence of ASCII <paramref name="from"/> replaced by <paramref name="to"/> (same length).</summary>
    public static byte[] Patch(byte[] bytes, string from, string to)
    {
        Assert.Equal(from.Length, to.Length);
        var (a, b) = (System.Text.Encoding.ASCII.GetBytes(from), System.Text.Encoding.ASCII.GetBytes(to));
        var at = bytes.AsSpan().IndexOf(a);
        Assert.True(at >= 0, $"'{from}' not in the file");
        Assert.True(bytes.AsSpan(at + 1).IndexOf(a) < 0, $"'{from}' occurs twice");
        var copy = (byte[])bytes.Clone();
        b.CopyTo(copy, at);
        return copy;
    }

    /// <summary>Copies the given files into <paramref name="folder"/>.</summary>
    public static void CopyInto(string folder, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OlnmMl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("OlnmMl.sln not found above " + AppContext.BaseDirectory);
    }
}
