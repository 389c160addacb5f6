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

    /// <summary>PET/CT study (<c>petct-tiny</c>), 60 cases with CT volumes as small as <see cref="Tiny"/>'s: for tests.</summary>
    PetCtTiny,

    /// <summary>PET/CT study (<c>petct-quick</c>), 400 cases on <see cref="Quick"/>'s CT grid.</summary>
    PetCtQuick,

    /// <summary>
    /// PET/CT study (<c>petct-paper</c>) in the published sizes: internal 1,911 (train 1,528 / validation 383; occult N1 11.6 %,
    /// N2 8.4 %), external 355, prospective 999; <see cref="Paper"/>'s CT grid.
    /// </summary>
    PetCtPaper,

    /// <summary>
    /// Unlabelled CT volumes (<c>unlabeled</c>) for self-supervised pre-training: a chosen count on <see cref="Quick"/>'s grid over
    /// all six centres, written without manifest or labels (<see cref="SyntheticCohortGenerator.GenerateUnlabeled"/>).
    /// </summary>
    Unlabeled,
}

/// <summary>One cohort of a preset: its role, exact pN+ and pN− counts, and the centres its cases are spread over (round robin).</summary>
/// <param name="Role">Cohort role.</param>
/// <param name="Positives">Number of pN+ cases (N1 or N2).</param>
/// <param name="Negatives">Number of pN− (N0) cases.</param>
/// <param name="Centres">Centres contributing cases.</param>
/// <param name="N2">PET/CT studies: how many of the <paramref name="Positives"/> are N2 (the others are N1); 0 for CT-only studies.</param>
public sealed record CohortSpec(CohortRole Role, int Positives, int Negatives, IReadOnlyList<CentreProfile> Centres, int N2 = 0);

/// <summary>A preset's study: the cohorts and the voxel grid (in-plane count, z extent).</summary>
/// <param name="Cohorts">Cohorts in case order.</param>
/// <param name="InPlaneVoxels">Voxels along x and y.</param>
/// <param name="ExtentZMm">Field of view along z (mm); slices = round(extent / thickness).</param>
/// <param name="PetCt">
/// True for a PET/CT study: every slot carries a nodal stage (<see cref="CaseSlot.Stage"/>), patients come from
/// <see cref="NodalStageModel"/> and every case has a PET (the centres have a <see cref="CentreProfile.Pet"/>).
/// </param>
public sealed record StudyDesign(IReadOnlyList<CohortSpec> Cohorts, int InPlaneVoxels, double ExtentZMm, bool PetCt = false)
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
        if (preset is CohortPreset.PetCtTiny or CohortPreset.PetCtQuick or CohortPreset.PetCtPaper)
        {
            return PetCtDesign.For(preset);
        }

        if (preset == CohortPreset.Unlabeled)
        {
            throw new ArgumentException("The unlabeled preset has no fixed size; its design is StudyDesign.Unlabeled(count).", nameof(preset));
        }

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
    /// The design of <paramref name="count"/> unlabelled volumes (<see cref="CohortPreset.Unlabeled"/>): <see cref="CohortPreset.Quick"/>'s
    /// grid, one cohort over all six centres (round robin) so the volumes cover every scanner, 30 % of them drawn as pN+ patients
    /// (between the development cohorts' 50 % and the test cohorts' ~20 %) so tumours look as they do in the labelled cohorts.
    /// </summary>
    public static StudyDesign Unlabeled(int count)
    {
        if (count < 1)
        {
            throw new ArgumentException($"--count {count}: the unlabeled preset needs at least one volume.", nameof(count));
        }

        var positives = (int)Math.Round(0.3 * count);
        return new StudyDesign([new CohortSpec(CohortRole.Train, positives, count - positives, Centres)], 64, 48.0);
    }

    /// <summary>
    /// The case slots in order: for each cohort its positives then negatives, interleaved (positive, negative, …)
    /// and each class spread over the cohort's centres round robin. Slot i is always the same (cohort, centre, label).
    /// In a PET/CT study the positives are N1 or N2, the cohort's N2 interleaved evenly among them the same way.
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
                slots.Add(new CaseSlot(slots.Count, cohort.Role, centre, label, PetCt ? StageOf(cohort, label, seen[1] - 1) : null));
            }
        }

        return slots;
    }

    /// <summary>N0 for a negative; for the <paramref name="positive"/>-th positive (0-based) N2 when ⌊(q+1)·N2/P⌋ steps up, else N1.</summary>
    private static NodalStage StageOf(CohortSpec cohort, int label, int positive) =>
        label == 0 ? NodalStage.N0
        : (long)(positive + 1) * cohort.N2 / cohort.Positives > (long)positive * cohort.N2 / cohort.Positives ? NodalStage.N2 : NodalStage.N1;
}

/// <summary>One case to generate: its index (RNG stream), cohort, centre, label and, in a PET/CT study, nodal stage.</summary>
/// <param name="Index">Case index in the study (0-based).</param>
/// <param name="Role">Cohort role.</param>
/// <param name="Centre">Centre.</param>
/// <param name="Label">1 = pN+.</param>
/// <param name="Stage">Pathological nodal stage in a PET/CT study (N1 or N2 exactly when <paramref name="Label"/> is 1); null in a CT-only study.</param>
public sealed record CaseSlot(int Index, CohortRole Role, CentreProfile Centre, int Label, NodalStage? Stage = null)
{
    /// <summary>Case id: centre and 1-based index, e.g. <c>h1-0007</c>.</summary>
    public string Id => $"{Centre.Name}-{Index + 1:D4}";
}
