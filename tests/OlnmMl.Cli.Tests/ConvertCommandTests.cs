using OlnmMl.Imaging.IO;

namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm convert</c> on the committed DICOM fixtures: the NIfTI written equals dcm2niix's conversion; bad input is one error line.</summary>
[Collection("console")]
public sealed class ConvertCommandTests : IDisposable
{
    private const string Ct5nUid = "1.3.6.1.4.1.5962.1.1.0.0.0.1194734704.16302.0.6";
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-convert-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AFolderBecomesTheNiftiDcm2niixWrites()
    {
        var output = Path.Combine(_directory, "ct.nii.gz");

        var (code, stdout, error) = InProcessOlnm.Run("convert", Data("pydicom", "CT5N"), "--out", output);

        Assert.True(code == 0, error);
        Assert.Contains("size 16×16×5, spacing (0.488, 0.488, 2.5) mm", stdout);
        var ours = NiftiReader.Read(output);
        var theirs = NiftiReader.Read(Data("dcm2niix", "CT5N.nii.gz"));
        // dcm2niix stores the axes flipped to RAS: each voxel is matched to its voxel at the same world position.
        for (var k = 0; k < 5; k++)
        {
            for (var j = 0; j < 16; j++)
            {
                for (var i = 0; i < 16; i++)
                {
                    var world = ours.Geometry.IndexToPhysical(i, j, k);
                    var at = theirs.Geometry.PhysicalToIndex(world);
                    var (x, y, z) = ((int)Math.Round(at.X), (int)Math.Round(at.Y), (int)Math.Round(at.Z));
                    Assert.True((theirs.Geometry.IndexToPhysical(x, y, z) - world).Length < 1e-4, $"voxel ({i}, {j}, {k}) has no dcm2niix voxel at {world}");
                    Assert.Equal(theirs[x, y, z], ours[i, j, k]);
                }
            }
        }
    }

    [Fact]
    public void ListPrintsEachSeriesAndSeriesChoosesOne()
    {
        var folder = Path.Combine(_directory, "mixed");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Data("pydicom", "CT5N")).Append(Data("pydicom", "MR_small.dcm")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var (listCode, listed, _) = InProcessOlnm.Run("convert", folder, "--list");
        var (code, _, error) = InProcessOlnm.Run("convert", folder, "--out", Path.Combine(_directory, "x.nii.gz"));
        var (chosenCode, _, chosenError) = InProcessOlnm.Run("convert", folder, "--series", Ct5nUid, "--out", Path.Combine(_directory, "ct.nii.gz"));

        Assert.Equal(0, listCode);
        Assert.Equal(
            [$"{Ct5nUid} (CT, 5 slices, SmartScore - Gated 0.5 sec)", "1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457 (MR, 1 slice)"],
            listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {folder}: holds 2 image series; choose one by SeriesInstanceUID", line);
        Assert.True(chosenCode == 0, chosenError);
        Assert.Equal(16 * 16 * 5, NiftiReader.Read(Path.Combine(_directory, "ct.nii.gz")).Voxels.Length);
    }

    [Theory]
    [InlineData("ibsi_pet", "RS.dcm", "GTV_Mass_PET")] // RTSTRUCT contours
    [InlineData("pydicom", "seg_ibsi_pet.dcm", "1")] // DICOM-SEG written by pydicom from the IBSI mask
    public void AnRtstructRoiOrSegSegmentBecomesTheIbsiMask(string folder, string file, string region)
    {
        var output = Path.Combine(_directory, "gtv.nii.gz");

        var (code, _, error) = InProcessOlnm.Run("convert", Data("ibsi_pet", "dicom"), "--mask", Data(folder, file), "--roi", region, "--out", output);

        Assert.True(code == 0, error);
        var ours = NiftiReader.Read(output);
        var ibsi = NiftiReader.Read(Data("ibsi_pet", "PET_mask.nii.gz"));
        Assert.True(ours.Geometry.SameGrid(ibsi.Geometry, 1e-4), $"{ours.Geometry.Describe()} vs {ibsi.Geometry.Describe()}");
        Assert.Equal(ibsi.Voxels, ours.Voxels);
    }

    [Fact]
    public void ACompressedFileIsOneLineWithHowToConvert()
    {
        var file = Data("pydicom", "MR_small_RLE.dcm");

        var (code, _, error) = InProcessOlnm.Run("convert", file, "--out", Path.Combine(_directory, "x.nii.gz"));

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file}: transfer syntax 1.2.840.10008.1.2.5 (RLE Lossless) is not read", line);
        Assert.Contains("gdcmconv --raw", line);
        Assert.False(File.Exists(Path.Combine(_directory, "x.nii.gz")));
    }

    private static string Data(params string[] parts) =>
        Path.Combine([RepositoryRoot(), "tests", "OlnmMl.Imaging.Tests", "Data", "dicom", .. parts]);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"No folder holding OlnmMl.sln above {AppContext.BaseDirectory}.");
    }
}
