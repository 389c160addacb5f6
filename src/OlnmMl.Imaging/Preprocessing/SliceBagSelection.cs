namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Chooses the axial slices of a bag from the mask's cross-section per slice: the slices with mask are filtered by
/// <see cref="SliceBagOptions.Selection"/>, then, when more than <see cref="SliceBagOptions.MaxAxial"/> remain, the ones with
/// the largest cross-section are kept; ties go to the lower slice index. The result is in ascending slice index.
/// </summary>
public static class SliceBagSelection
{
    /// <summary>The chosen slice indices for cross-sections <paramref name="areas"/> (mask voxels per axial slice).</summary>
    public static int[] Select(IReadOnlyList<int> areas, SliceBagOptions options)
    {
        var withMask = Enumerable.Range(0, areas.Count).Where(z => areas[z] > 0).ToArray();
        var chosen = options.Selection switch
        {
            SliceSelection.Largest => Largest(withMask, areas, options.SelectionCount),
            SliceSelection.EveryNth => withMask.Where((_, i) => i % options.SelectionCount == 0).ToArray(),
            _ => withMask,
        };
        return Largest(chosen, areas, options.MaxAxial);
    }

    private static int[] Largest(int[] slices, IReadOnlyList<int> areas, int count) =>
        slices.Length <= count
            ? slices
            : slices.OrderByDescending(z => areas[z]).ThenBy(z => z).Take(count).Order().ToArray();
}
