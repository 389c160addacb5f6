using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Validation;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Tests;

/// <summary><c>olnm cohort check</c> reports the problems radiomics would stop at: NaN voxels, 2D images, ambiguous labels, wrong magic.</summary>
public sealed class CohortCheckDoorTests : IDisposable
{
    private static readonly ImageGeometry Grid = ImageGeometry.AxisAligned(new GridSize(6, 5, 4), new Vec3(0.8, 0.8, 1.5));
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Case WriteCase(string id, int label, Action<Volume>? image = null, Action<Volume>? mask = null, ImageGeometry? grid = null)
    {
        var c = Cases.Make(id, label, folder: _temp.Path);
        var (ct, roi) = (Volume.Zeros(grid ?? Grid), Volume.Zeros(grid ?? Grid));
        roi[2, 2, 0] = 1;
        image?.Invoke(ct);
        mask?.Invoke(roi);
        NiftiWriter.Write(ct, c.ImagePath, VoxelType.Float32);
        NiftiWriter.Write(roi, c.MaskPath, VoxelType.UInt8);
        return c;
    }

    private IReadOnlyList<ManifestProblem> Problems(params Case[] cases)
    {
        var path = _temp.File("manifest.csv");
        CsvManifest.Write(cases, path);
        return CohortCheck.Run(path).Problems;
    }

    [Fact]
    public void Nan_voxels_in_an_image_are_reported_with_the_image()
    {
        var bad = WriteCase("b", 0, image: v => v[1, 1, 1] = float.NaN);
        var problem = Assert.Single(Problems(WriteCase("a", 1), bad));
        Assert.Equal((ProblemKind.InvalidVolume, "b", bad.ImagePath), (problem.Kind, problem.CaseId, problem.Path));
        Assert.Contains("NaN or infinite", problem.Message);
    }

    [Fact]
    public void A_single_slice_image_and_a_two_label_mask_are_reported()
    {
        var flat = WriteCase("b", 0, grid: Grid with { Size = new GridSize(6, 5, 1) });
        var labels = WriteCase("c", 0, mask: m => m[3, 3, 3] = 2);
        var problems = Problems(WriteCase("a", 1), flat, labels);
        Assert.Equal(2, problems.Count);
        Assert.Contains("is not a 3D image (6×5×1 voxels)", problems.Single(p => p.CaseId == "b").Message);
        Assert.Contains("several labels", problems.Single(p => p.CaseId == "c").Message);
    }

    [Fact]
    public void A_label_chosen_for_the_check_resolves_the_two_label_mask()
    {
        var path = _temp.File("manifest.csv");
        CsvManifest.Write([WriteCase("a", 1), WriteCase("c", 0, mask: m => m[3, 3, 3] = 2)], path);
        Assert.Empty(CohortCheck.Run(path, maskLabel: 1).Problems);
    }

    [Fact]
    public void A_file_with_a_wrong_magic_is_unreadable()
    {
        var bad = WriteCase("b", 0);
        var raw = ReadGunzipped(bad.ImagePath);
        "abc\0"u8.CopyTo(raw.AsSpan(344));
        WriteGzipped(bad.ImagePath, raw);
        var problem = Assert.Single(Problems(WriteCase("a", 1), bad));
        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Contains("wrong NIfTI-1 magic", problem.Message);
    }

    private static byte[] ReadGunzipped(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : file;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void WriteGzipped(string path, byte[] bytes)
    {
        using var file = File.Create(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
        stream.Write(bytes);
    }
}
