using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The PET/CT study's presets (after the PET/CT nodal-metastasis signature study, Nat Commun 2023): an internal cohort
/// from one hospital's two PET/CT scanners (p1, p2) split into train and validation, an external cohort from two other
/// hospitals (p3, p4; <c>test-external</c>) and a prospective cohort from the internal hospital (<c>test-prospective</c>).
/// Stage counts (N1, N2, N0) per cohort:
/// <list type="table">
/// <item><term>petct-tiny</term><description>train (4, 3, 29), validation (1, 1, 6), external (1, 1, 6), prospective (1, 1, 6): 60 cases.</description></item>
/// <item><term>petct-quick</term><description>train (26, 19, 179), validation (6, 5, 45), external (7, 5, 48), prospective (7, 5, 48): 400 cases.</description></item>
/// <item><term>petct-paper</term><description>train (178, 129, 1,221), validation (44, 32, 307) — internal 1,911 with 222 N1 (11.6 %) and 161 N2
/// (8.4 %) —, external (41, 30, 284) = 355, prospective (116, 84, 799) = 999.</description></item>
/// </list>
/// The CT grids are those of tiny, quick and paper; the PET has its own 3–4 mm grid (<see cref="PetScannerProfile"/>).
/// </summary>
public static class PetCtDesign
{
    /// <summary>
    /// The four PET/CT centres: low-dose CT (1.25–3 mm slices, noisier than diagnostic CT, no contrast) and PET of
    /// 3.6–4.7 mm voxels, 6–7 mm FWHM and its own noise level and SUV calibration. p1–p2 are the internal hospital,
    /// p3–p4 the external ones.
    /// </summary>
    public static IReadOnlyList<CentreProfile> Centres { get; } =
    [
        new("p1", new ScannerProfile(0.98, 2.0, 30, 0.80, 0, false), 0.0, new PetScannerProfile(4.07, 3.27, 6.5, 0.18, 1.00)),
        new("p2", new ScannerProfile(0.90, 1.5, 26, 0.70, 5, false), 0.1, new PetScannerProfile(4.00, 4.00, 7.0, 0.20, 1.05)),
        new("p3", new ScannerProfile(0.78, 1.25, 34, 0.50, -15, false), -0.2, new PetScannerProfile(3.65, 3.00, 6.0, 0.15, 0.93)),
        new("p4", new ScannerProfile(0.95, 3.0, 28, 0.90, 10, false), 0.0, new PetScannerProfile(4.69, 3.27, 7.0, 0.22, 1.08)),
    ];

    /// <summary>The design of a PET/CT preset.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preset"/> is no PET/CT preset.</exception>
    public static StudyDesign For(CohortPreset preset)
    {
        (int N1, int N2, int N0)[] counts = preset switch
        {
            CohortPreset.PetCtTiny => [(4, 3, 29), (1, 1, 6), (1, 1, 6), (1, 1, 6)],
            CohortPreset.PetCtQuick => [(26, 19, 179), (6, 5, 45), (7, 5, 48), (7, 5, 48)],
            CohortPreset.PetCtPaper => [(178, 129, 1221), (44, 32, 307), (41, 30, 284), (116, 84, 799)],
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Not a PET/CT preset."),
        };
        var (voxels, extent) = preset switch
        {
            CohortPreset.PetCtTiny => (48, 36.0),
            CohortPreset.PetCtQuick => (64, 48.0),
            _ => (96, 64.0),
        };
        var internalHospital = Centres.Take(2).ToList();
        var external = Centres.Skip(2).ToList();
        CohortRole[] roles = [CohortRole.Train, CohortRole.Validation, CohortRole.Test("external"), CohortRole.Test("prospective")];
        IReadOnlyList<CentreProfile>[] centres = [internalHospital, internalHospital, external, internalHospital];
        return new StudyDesign(
            [.. counts.Select((c, i) => new CohortSpec(roles[i], c.N1 + c.N2, c.N0, centres[i], c.N2))],
            voxels,
            extent,
            PetCt: true);
    }
}
