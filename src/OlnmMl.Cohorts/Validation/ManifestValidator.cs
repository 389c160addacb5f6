using OlnmMl.Cohorts.Manifest;
using OlnmMl.Imaging;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Validation;

namespace OlnmMl.Cohorts.Validation;

/// <summary>
/// Checks a parsed manifest: unique ids, every image key and target present for all cases or none, both classes of
/// every target in the training cohort, and per case that every image exists and reads, that image and mask pass the radiomics door checks (<see cref="CaseInputs"/>: 3D,
/// finite voxels, integer mask labels with one ROI label, a non-empty mask) and that the mask lies on the image grid
/// (<see cref="Imaging.Geometry.ImageGeometry.SameGrid"/>, 1e-3 mm), that every further image (PET, another phase; any
/// grid) covers the tumour's world bounding box, and that a PET has no negative SUV. Volumes are read whole. Cases are checked in parallel (at most
/// <c>maxDegreeOfParallelism</c>; 0 or less = one per processor); problems come back in manifest order.
/// </summary>
public static class ManifestValidator
{
    /// <summary>
    /// Every problem of <paramref name="cases"/> read from <paramref name="manifestPath"/>; empty when the manifest is usable.
    /// <paramref name="maskLabel"/> is the ROI label, as for radiomics (null: the mask's only non-zero value).
    /// </summary>
    public static IReadOnlyList<ManifestProblem> Validate(
        IReadOnlyList<Case> cases, string manifestPath, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, int? maskLabel = null)
    {
        var problems = new List<ManifestProblem>();
        foreach (var group in cases.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new ManifestProblem(
                ProblemKind.DuplicateId, group.Key, manifestPath,
                $"{manifestPath}: case id '{group.Key}' appears {group.Count()} times"));
        }

        problems.AddRange(IncompleteKeys(cases, manifestPath, c => c.Images.Keys, "image"));
        problems.AddRange(IncompleteKeys(cases, manifestPath, c => c.Targets.Keys, "target"));
        var training = cases.Where(c => c.Role.Kind == CohortKind.Train).ToList();
        foreach (var target in cases.SelectMany(c => c.Targets.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var values = training.Select(c => c.Target(target)).OfType<int>().ToList();
            if (values.Distinct().Count() < 2)
            {
                var what = values.Count == 0 ? "no training case has it" : $"all {values.Count} training cases have {target} = {values[0]}";
                problems.Add(new ManifestProblem(
                    ProblemKind.SingleClassTraining, null, manifestPath,
                    $"{manifestPath}: target '{target}' needs both classes in the training cohort, but {what}"));
            }
        }

        var perCase = new List<ManifestProblem>?[cases.Count];
        Parallel.For(
            0,
            cases.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, CancellationToken = cancellationToken },
            i => perCase[i] = CheckFiles(cases[i], maskLabel));
        foreach (var list in perCase)
        {
            problems.AddRange(list ?? []);
        }

        return problems;
    }

    private static ProblemKind KindOf(VolumeProblem problem) => problem switch
    {
        VolumeProblem.Unreadable => ProblemKind.UnreadableFile,
        VolumeProblem.EmptyMask => ProblemKind.EmptyMask,
        _ => ProblemKind.InvalidVolume,
    };

    private static IEnumerable<ManifestProblem> IncompleteKeys(
        IReadOnlyList<Case> cases, string manifestPath, Func<Case, IEnumerable<string>> keys, string what)
    {
        foreach (var key in cases.SelectMany(keys).Distinct().Order(StringComparer.Ordinal))
        {
            var lacking = cases.Where(c => !keys(c).Contains(key)).ToList();
            if (lacking.Count > 0)
            {
                yield return new ManifestProblem(
                    ProblemKind.IncompleteKey, lacking[0].Id, manifestPath,
                    $"{manifestPath}: {what} '{key}' is given for {cases.Count - lacking.Count} case(s) but missing for {lacking.Count}, e.g. case '{lacking[0].Id}' (a key must be present for all cases or none)");
            }
        }
    }

    private static List<ManifestProblem>? CheckFiles(Case c, int? maskLabel)
    {
        List<ManifestProblem>? problems = null;
        void Add(ProblemKind kind, string path, string problem) =>
            (problems ??= []).Add(new ManifestProblem(kind, c.Id, path, $"case '{c.Id}': {path}: {problem}"));

        foreach (var (key, path) in c.Images)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Add(ProblemKind.MissingFile, path, $"image '{key}': file (or DICOM folder) not found");
            }
        }

        if (problems is not null)
        {
            return problems;
        }

        try
        {
            var image = VolumeIO.Read(c.ImagePath);
            CaseInputs.CheckImage(c.ImagePath, image);
            var mask = CaseInputs.Binarise(c.MaskPath, VolumeIO.Read(c.MaskPath), maskLabel, []);
            if (!mask.Geometry.SameGrid(image.Geometry))
            {
                Add(ProblemKind.MaskNotOnImageGrid, c.MaskPath, $"mask is not on the image grid: mask {mask.Geometry.Describe()}, image {image.Geometry.Describe()}");
                return problems;
            }

            var tumour = WorldBox.OfMask(mask);
            foreach (var (key, path) in c.Images.Where(i => i.Key is not ImageKeys.Ct and not ImageKeys.Mask))
            {
                var other = VolumeIO.Read(path);
                CaseInputs.CheckImage(path, other);
                if (tumour is { } box && !WorldBox.Of(other.Geometry).Contains(box))
                {
                    Add(ProblemKind.ImageNotOverlapping, path,
                        $"image '{key}' does not cover the tumour: the mask spans {box}, the image {WorldBox.Of(other.Geometry)} (mm, world)");
                }

                if (key == ImageKeys.Pet && MinimumOf(other.Voxels) is var minimum and < 0f)
                {
                    Add(ProblemKind.InvalidVolume, path, $"image 'pet' has negative values (minimum {minimum}); PET must be in SUV (≥ 0)");
                }
            }
        }
        catch (VolumeFormatException e)
        {
            Add(KindOf(e.Kind), e.Path, e.Problem);
        }

        return problems;
    }

    private static float MinimumOf(ReadOnlySpan<float> voxels)
    {
        var minimum = float.PositiveInfinity;
        foreach (var v in voxels)
        {
            minimum = Math.Min(minimum, v);
        }

        return minimum;
    }
}
