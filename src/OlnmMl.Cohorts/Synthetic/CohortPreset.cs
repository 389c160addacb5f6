using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>Size presets of the synthetic study.</summary>
public enum CohortPreset
{
    /// <summary>41 cases, 4 development + 2 test centres, 48×48×~30 voxels: for tests.</summary>
    Tiny,

    /// <summary>294 cases, 64×64×~40 voxels at ~0.9 mm: the default main job.</summary>
    Quick,

    /// <summary>1,325 cases in the published cohort sizes (train 235/235, validation 101/101, test 1 43/184, test 2 99/327), 96×96×~60 voxels.</summary>
    Paper,
}

/// <summary>One cohort of a preset: its role, exact pN+ and pN− counts, and the centres its cases are spread over (round robin).</summary>
/// <param name="Role">Cohort role.</param>
/// <param name="Positives">Number of pN+ cases.</param>
/// <param name="Negatives">Number of pN− cases.</param>
/// <param name="Centres">Centres contributing cases.</param>
public sealed record CohortSpec(CohortRole Role, int Positives, int Negatives, IReadOnlyList<CentreProfile> Centres);

/// <summary>A preset's study: the cohorts and the voxel grid (in-plane count, z extent).</summary>
/// <param name="Cohorts">Cohorts in case order.</param>
/// <param name="InPlaneVoxels">Voxels along x and y.</param>
/// <param name="ExtentZMm">Field of view along z (mm); slices = round(extent / thickness).</param>
public sealed record StudyDesign(IReadOnlyList<CohortSpec> Cohorts, int InPlaneVoxels, double ExtentZMm)
{
    /// <summary>Total number of cases.</summary>
    public int CaseCount => Cohorts.Sum(c => c.Positives + c.Negatives);

    /// <summary>
    /// The six centres. h1–h4 develop (train/validation); h5 is test 1 (thin slices, sharp, noisy, no contrast);
    /// h6 is test 2, contrast-enhanced with thick slices and a calibration offset, as in the fusion study.
    /// </summary>
    public static IReadOnlyList<CentreProfile> Centres { get; } =
    [
        new("h1", new ScannerProfile(0.80, 1.00, 18, 0.45, 0, false), 0.0),
        new("h2", new ScannerProfile(0.75, 1.25, 24, 0.60, 8, false), 0.1),
        new("h3", new ScannerProfile(0.90, 1.50, 14, 0.80, -10, false), -0.1),
        new("h4", new ScannerProfile(0.85, 0.80, 28, 0.40, 4, false), 0.0),
        new("h5", new ScannerProfile(0.70, 0.60, 34, 0.35, -22, false), -0.5),
        new("h6", new ScannerProfile(0.95, 2.00, 20, 0.90, 25, true), -0.3),
    ];

    /// <summary>The design of <paramref name="preset"/>.</summary>
    public static StudyDesign For(CohortPreset preset)
    {
        var development = Centres.Take(4).ToList();
        var test1 = new[] { Centres[4] };
        var test2 = new[] { Centres[5] };
        (int, int)[] counts = preset switch
        {
            CohortPreset.Tiny => [(8, 8), (3, 3), (2, 8), (2, 7)],
            CohortPreset.Quick => [(60, 60), (26, 26), (12, 48), (14, 48)],
            CohortPreset.Paper => [(235, 235), (101, 101), (43, 184), (99, 327)],
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
        };
        var (voxels, extent) = preset switch
        {
            CohortPreset.Tiny => (48, 36.0),
            CohortPreset.Quick => (64, 48.0),
            _ => (96, 64.0),
        };
        return new StudyDesign(
            [
                new(CohortRole.Train, counts[0].Item1, counts[0].Item2, development),
                new(CohortRole.Validation, counts[1].Item1, counts[1].Item2, development),
                new(CohortRole.Test(test1[0].Name), counts[2].Item1, counts[2].Item2, test1),
                new(CohortRole.Test(test2[0].Name), counts[3].Item1, counts[3].Item2, test2),
            ],
            voxels,
            extent);
    }

    /// <summary>
    /// The case slots in order: for each cohort its positives then negatives, interleaved (positive, negative, …)
    /// and each class spread over the cohort's centres round robin. Slot i is always the same (cohort, centre, label).
    /// </summary>
    public IReadOnlyList<CaseSlot> Slots()
    {
        var slots = new List<CaseSlot>(CaseCount);
        foreach (var cohort in Cohorts)
        {
            var total = cohort.Positives + cohort.Negatives;
            var seen = new int[2];
            for (var k = 0; k < total; k++)
            {
                // Positive when ⌊(k+1)·P/T⌋ steps up: exactly P positives, evenly interleaved.
                var label = (long)(k + 1) * cohort.Positives / total > (long)k * cohort.Positives / total ? 1 : 0;
                var centre = cohort.Centres[seen[label]++ % cohort.Centres.Count];
                slots.Add(new CaseSlot(slots.Count, cohort.Role, centre, label));
            }
        }

        return slots;
    }
}

/// <summary>One case to generate: its index (RNG stream), cohort, centre and label.</summary>
/// <param name="Index">Case index in the study (0-based).</param>
/// <param name="Role">Cohort role.</param>
/// <param name="Centre">Centre.</param>
/// <param name="Label">1 = pN+.</param>
public sealed record CaseSlot(int Index, CohortRole Role, CentreProfile Centre, int Label)
{
    /// <summary>Case id: centre and 1-based index, e.g. <c>h1-0007</c>.</summary>
    public string Id => $"{Centre.Name}-{Index + 1:D4}";
}
