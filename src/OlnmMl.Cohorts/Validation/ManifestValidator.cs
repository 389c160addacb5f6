using OlnmMl.Cohorts.Manifest;
using OlnmMl.Imaging;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Validation;

/// <summary>
/// Checks a parsed manifest: unique ids, a training cohort with both classes, and per case that the image,
/// mask and PET exist and read, that the mask lies on the image grid (<see cref="Imaging.Geometry.ImageGeometry.SameGrid"/>,
/// 1e-3 mm) and that the mask is not empty. Images are probed from their header (<see cref="VolumeHeader"/>);
/// masks are read whole (the empty check needs their voxels). Cases are checked in parallel (at most
/// <c>maxDegreeOfParallelism</c>; 0 or less = one per processor); problems come back in manifest order.
/// </summary>
public static class ManifestValidator
{
    /// <summary>Every problem of <paramref name="cases"/> read from <paramref name="manifestPath"/>; empty when the manifest is usable.</summary>
    public static IReadOnlyList<ManifestProblem> Validate(
        IReadOnlyList<Case> cases, string manifestPath, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
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
            i => perCase[i] = CheckFiles(cases[i]));
        foreach (var list in perCase)
        {
            problems.AddRange(list ?? []);
        }

        return problems;
    }

    private static List<ManifestProblem>? CheckFiles(Case c)
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

        Volume mask;
        Imaging.Geometry.ImageGeometry image;
        try
        {
            mask = VolumeIO.Read(c.MaskPath);
            image = VolumeHeader.ReadGeometry(c.ImagePath);
            if (c.PetPath is not null)
            {
                VolumeHeader.ReadGeometry(c.PetPath);
            }
        }
        catch (VolumeFormatException e)
        {
            Add(ProblemKind.UnreadableFile, e.Path, e.Problem);
            return problems;
        }

        if (!mask.Geometry.SameGrid(image))
        {
            Add(ProblemKind.MaskNotOnImageGrid, c.MaskPath, $"mask is not on the image grid: mask {mask.Geometry.Describe()}, image {image.Describe()}");
        }

        if (mask.CountInside() == 0)
        {
            Add(ProblemKind.EmptyMask, c.MaskPath, "mask is empty (no voxel > 0.5)");
        }

        return problems;
    }
}
