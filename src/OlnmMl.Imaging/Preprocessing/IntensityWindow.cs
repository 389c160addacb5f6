using System.Globalization;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Linear intensity scaling with clipping: v' = clamp((v − lower) / (upper − lower), 0, 1).
/// The published fusion pipeline maps [−1600, 400] HU to [0, 1] (<see cref="ReferenceLung"/>).
/// </summary>
public readonly record struct IntensityWindow(float Lower, float Upper)
{
    /// <summary>The reference pipeline's window: [−1600, 400] HU → [0, 1].</summary>
    public static IntensityWindow ReferenceLung { get; } = new(-1600f, 400f);

    /// <summary>Parses <c>lower,upper</c> (invariant culture, spaces allowed); false unless both are numbers with upper &gt; lower.</summary>
    public static bool TryParse(string text, out IntensityWindow window)
    {
        window = default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lower)
            || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var upper)
            || !(upper > lower))
        {
            return false;
        }

        window = new IntensityWindow(lower, upper);
        return true;
    }

    /// <summary>A window from a level and width (e.g. lung: level −600, width 2000).</summary>
    public static IntensityWindow FromLevelWidth(float level, float width) => new(level - width / 2, level + width / 2);

    /// <summary>Scales <paramref name="voxels"/> in place.</summary>
    public void ApplyInPlace(Span<float> voxels)
    {
        if (!(Upper > Lower))
        {
            throw new InvalidOperationException($"Intensity window upper bound {Upper} must exceed lower bound {Lower}.");
        }

        var scale = 1f / (Upper - Lower);
        for (var i = 0; i < voxels.Length; i++)
        {
            voxels[i] = Math.Clamp((voxels[i] - Lower) * scale, 0f, 1f);
        }
    }

    /// <summary>A scaled copy of <paramref name="volume"/>.</summary>
    public Volume Apply(Volume volume)
    {
        var copy = volume.Clone();
        ApplyInPlace(copy.Voxels);
        return copy;
    }
}
