using OlnmMl.Imaging.Dicom;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests.Dicom;

/// <summary>
/// The DICOM reader against the NIfTI the IBSI converted (MIRP) from the same validation patient STS_001: the PET
/// series (stored as SUV, Units GML; committed under Data/dicom/ibsi_pet) and the CT series (4.9 MB, read from
/// ../shared/data/ibsi_validation, skipped with where to get it when absent).
/// </summary>
public sealed class DicomIbsiTests
{
    /// <summary>SUVbw factor of STS_001's PET computed by hand: 71 kg · 1000 / (388,777,472 Bq · 2^(−2711 s / 6588 s)), 10:35:00 → 11:20:11.</summary>
    private const double HandSuvFactor = 0.0002429029766148455;

    [Fact]
    public void PetSeriesEqualsTheIbsiNifti()
    {
        var ours = DicomVolumeReader.Read(DicomTestData.IbsiPetDicom);
        var ibsi = NiftiReader.Read(DicomTestData.IbsiPetNifti);

        var (world, value, matched) = DicomTestData.Compare(ours, ibsi);

        Assert.Equal(41L * 43 * 59, matched);
        Assert.True(world <= 1e-4, $"world positions differ by {world:G3} mm");
        Assert.Equal(0.0, value);
    }

    [Fact]
    public void PetInBqmlDecayCorrectedToTheStartBecomesSuvBodyWeight()
    {
        // The same series relabelled as activity (Units BQML, DecayCorrection START): every value is multiplied by the
        // SUVbw factor of its weight, dose, half-life and times.
        using var temp = new TempDirectory();
        foreach (var file in Directory.GetFiles(DicomTestData.IbsiPetDicom))
        {
            var bytes = DicomTestData.Patch(DicomTestData.Patch(File.ReadAllBytes(file), "GML ", "BQML"), "ADMIN ", "START ");
            File.WriteAllBytes(temp.File(Path.GetFileName(file)), bytes);
        }

        var suv = DicomVolumeReader.Read(temp.Path);
        var stored = DicomVolumeReader.Read(DicomTestData.IbsiPetDicom);

        var max = stored.Voxels.Max();
        var worst = stored.Voxels.Zip(suv.Voxels, (s, v) => Math.Abs(v - s * HandSuvFactor)).Max();
        Assert.True(worst <= 1e-6 * max * HandSuvFactor, $"SUV differs from value × {HandSuvFactor} by {worst:G3}");
    }

    [Fact]
    public void ADefinedLengthRadiopharmaceuticalSequenceInImplicitVrIsFound()
    {
        // Slice 000000 rewritten by pydicom as BQML/START with every sequence of defined length (make_fixtures.sh).
        var suv = DicomVolumeReader.Read(DicomTestData.Pydicom("pet_bqml_defined_length.dcm"));
        var stored = DicomVolumeReader.Read(Path.Combine(DicomTestData.IbsiPetDicom, "000000.dcm"));

        var worst = stored.Voxels.Zip(suv.Voxels, (s, v) => Math.Abs(v - s * HandSuvFactor)).Max();
        Assert.True(worst <= 1e-6 * stored.Voxels.Max() * HandSuvFactor, $"SUV differs from value × {HandSuvFactor} by {worst:G3}");
        Assert.True(stored.Voxels.Max() > 1, "the slice holds uptake");
    }

    [SkippableFact]
    public void CtSeriesEqualsTheIbsiNifti()
    {
        var root = DicomTestData.IbsiValidation;
        var ours = DicomVolumeReader.Read(Path.Combine(root, "dicom", "STS_001", "CT", "image"));
        var ibsi = NiftiReader.Read(Path.Combine(root, "nifti", "STS_001", "CT_image.nii.gz"));

        var (world, value, matched) = DicomTestData.Compare(ours, ibsi);

        Assert.Equal(198L * 202 * 59, matched);
        Assert.True(world <= 1e-4, $"world positions differ by {world:G3} mm");
        Assert.Equal(0.0, value);
    }
}
