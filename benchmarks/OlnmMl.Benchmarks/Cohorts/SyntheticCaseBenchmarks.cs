using BenchmarkDotNet.Attributes;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Benchmarks.Cohorts;

/// <summary>
/// Cost of one synthetic case (patient draw, phantom rendering, scanner simulation) and of writing it as
/// int16/uint8 .nii.gz, per preset grid. Case 0 is an h1 case (1 mm slices); case 1 of the paper design is too.
/// Run: dotnet run -c Release --project benchmarks/OlnmMl.Benchmarks -- --filter '*SyntheticCase*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class SyntheticCaseBenchmarks
{
    private StudyDesign _design = null!;
    private CaseSlot _slot = null!;
    private string _folder = null!;

    [Params(CohortPreset.Tiny, CohortPreset.Quick, CohortPreset.Paper)]
    public CohortPreset Preset { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _design = StudyDesign.For(Preset);
        _slot = _design.Slots()[0];
        _folder = Directory.CreateTempSubdirectory("olnm-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int Render() => SyntheticCase.Create(_design, _slot, 42).Mask.CountInside();

    [Benchmark]
    public void RenderAndWrite()
    {
        var (_, image, mask) = SyntheticCase.Create(_design, _slot, 42);
        NiftiWriter.Write(image, Path.Combine(_folder, "image.nii.gz"), VoxelType.Int16);
        NiftiWriter.Write(mask, Path.Combine(_folder, "mask.nii.gz"), VoxelType.UInt8);
    }
}
