namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm doctor</c> in this process: libtorch and ONNX Runtime really compute, folders are really probed.</summary>
[Collection("console")]
public sealed class DoctorCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-doctor-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void OnAWorkingMachineEveryCheckPassesAndAFolderThatDoesNotExistYetIsLeftUnmade()
    {
        var data = Path.Combine(_directory, "data");
        var output = Path.Combine(_directory, "not-yet");
        Directory.CreateDirectory(data);

        var (code, text, error) = InProcessOlnm.Run("doctor", "--data", data, "--out", output);

        Assert.True(code == 0, error);
        Assert.Contains("1 + 2 + 3 = 6", text); // libtorch loaded and summed
        Assert.Contains("[1, 2] + [3, 4] = [4, 6]", text); // ONNX Runtime ran a graph our writer made
        Assert.Contains("ONEDNN_MAX_CPU_ISA=AVX2, MKL_ENABLE_INSTRUCTIONS=AVX2, ATEN_CPU_CAPABILITY=avx2", text); // the kernel caps the process set at start
        Assert.Matches($@"data folder +ok +{System.Text.RegularExpressions.Regex.Escape(data)} \(exists\), writable, \d+\.\d GiB free", text);
        Assert.Matches($@"output folder +ok +{System.Text.RegularExpressions.Regex.Escape(output)} \(made on first use\)", text);
        Assert.False(Directory.Exists(output), "doctor left the folder it probed");
        Assert.Empty(Directory.GetFileSystemEntries(data));
    }

    [Fact]
    public void AFolderUnderAFileFailsNamingTheFileAndExitsOne()
    {
        var file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "");

        var (code, _, error) = InProcessOlnm.Run("doctor", "--data", Path.Combine(file, "data"), "--out", Path.Combine(_directory, "out"));

        Assert.Equal(1, code);
        Assert.Contains($"error: data folder     fail  {Path.Combine(file, "data")} cannot be a folder: {file} is a file", error);
    }
}
