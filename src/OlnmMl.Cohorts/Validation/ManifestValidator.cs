using OlnmMl.Cohorts.Manifest;
using OlnmMl.Imaging;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Validation;

namespace OlnmMl.Cohorts.Validation;

/// <summary>
/// Checks a parsed manifest: unique ids, a training cohort with both classes, and per case that the image,
/// mask and PET exist and read, that image and mask pass the radiomics door checks (<see cref="CaseInputs"/>: 3D,
/// finite voxels, integer mask labels with one ROI label, a non-empty mask) and that the mask lies on the image grid
/// (<see cref="Imaging.Geometry.ImageGeometry.SameGrid"/>, 1e-3 mm). Images and masks are read whole; PET is probed
/// from its header (<see cref="VolumeHeader"/>). Cases are checked in parallel (at most
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

        var training = cases.Where(c => c.Role.Kind == CohortKind.Train).ToList();
        var classes = training.Select(c => c.Label).Distinct().Count();
        if (classes < 2)
        {
            var what = training.Count == 0 ? "no training cases" : $"all {training.Count} training cases have label {training[0].Label}";
            problems.Add(new ManifestProblem(
                ProblemKind.SingleClassTraining, null, manifestPath,
                $"{manifestPath}: the training cohort needs both classes (pN+ and pN−), found {what}"));
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

    private static List<ManifestProblem>? CheckFiles(Case c, int? maskLabel)
    {
        List<ManifestProblem>? problems = null;
        void Add(ProblemKind kind, string path, string problem) =>
            (problems ??= []).Add(new ManifestProblem(kind, c.Id, path, $"case '{c.Id}': {path}: {problem}"));

        foreach (var (role, path) in new[] { ("image", c.ImagePath), ("mask", c.MaskPath), ("PET", c.PetPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                Add(ProblemKind.MissingFile, path, $"{role} file not found");
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
            if (c.PetPath is not null)
            {
                VolumeHeader.ReadGeometry(c.PetPath);
            }

            if (!mask.Geometry.SameGrid(image.Geometry))
            {
                Add(ProblemKind.MaskNotOnImageGrid, c.MaskPath, $"mask is not on the image grid: mask {mask.Geometry.Describe()}, image {image.Geometry.Describe()}");
            }
        }
        catch (VolumeFormatException e)
        {
            Add(KindOf(e.Kind), e.Path, e.Problem);
        }

        return problems;
    }
}
