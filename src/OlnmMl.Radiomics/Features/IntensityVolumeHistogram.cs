namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Intensity-volume histogram features (IBSI 1 §3.5). ν(i) is the fraction of the ROI volume with
/// intensity ≥ i and γ(i) = (i − X_min)/(X_max − X_min) the intensity fraction.
/// </summary>
public static class IntensityVolumeHistogram
{
    /// <summary>The bound feature methods.</summary>
    public static FeatureTable<IvhSample> Table { get; } = new(typeof(IntensityVolumeHistogram));

    /// <summary>V10: the volume fraction of voxels whose intensity fraction γ ≥ 0.10.</summary>
    [IbsiFeature("v10", "BC2M")]
    public static double VolumeAtIntensityFraction10(IvhSample s) => VolumeAt(s, 0.10);

    /// <summary>V90: the volume fraction of voxels whose intensity fraction γ ≥ 0.90.</summary>
    [IbsiFeature("v90", "BC2M")]
    public static double VolumeAtIntensityFraction90(IvhSample s) => VolumeAt(s, 0.90);

    /// <summary>I10: the lowest grid intensity i with ν(i) ≤ 0.10.</summary>
    [IbsiFeature("i10", "GBPN")]
    public static double IntensityAtVolumeFraction10(IvhSample s) => IntensityAt(s, 0.10);

    /// <summary>I90: the lowest grid intensity i with ν(i) ≤ 0.90.</summary>
    [IbsiFeature("i90", "GBPN")]
    public static double IntensityAtVolumeFraction90(IvhSample s) => IntensityAt(s, 0.90);

    /// <summary>Volume fraction difference between intensity fractions: V10 − V90.</summary>
    [IbsiFeature("v10_v90", "DDTU")]
    public static double VolumeFractionDifference(IvhSample s) => VolumeAt(s, 0.10) - VolumeAt(s, 0.90);

    /// <summary>Intensity fraction difference between volume fractions: I10 − I90.</summary>
    [IbsiFeature("i10_i90", "CNV2")]
    public static double IntensityFractionDifference(IvhSample s) => IntensityAt(s, 0.10) - IntensityAt(s, 0.90);

    /// <summary>Area under the IVH curve: ∫₀¹ ν(γ) dγ by the trapezoidal rule over the intensity grid.</summary>
    [IbsiFeature("auc", "9CMM")]
    public static double AreaUnderCurve(IvhSample s)
    {
        if (s.Sorted.Length == 0 || !(s.Max > s.Min))
        {
            return double.NaN;
        }

        var steps = (int)Math.Round((s.Max - s.Min) / s.Step);
        double area = 0;
        var previous = s.VolumeFractionAtLeast(s.Min);
        for (var j = 1; j <= steps; j++)
        {
            var current = s.VolumeFractionAtLeast(s.Min + j * s.Step);
            area += 0.5 * (previous + current) * s.Step / (s.Max - s.Min);
            previous = current;
        }

        return area;
    }

    private static double VolumeAt(IvhSample s, double fraction)
    {
        if (s.Sorted.Length == 0)
        {
            return double.NaN;
        }

        var count = 0;
        foreach (var x in s.Sorted)
        {
            if (s.Fraction(x) >= fraction - 1e-12)
            {
                count++;
            }
        }

        return (double)count / s.Sorted.Length;
    }

    private static double IntensityAt(IvhSample s, double fraction)
    {
        if (s.Sorted.Length == 0)
        {
            return double.NaN;
        }

        var steps = (int)Math.Round((s.Max - s.Min) / s.Step);
        for (var j = 0; j <= steps; j++)
        {
            var intensity = s.Min + j * s.Step;
            if (s.VolumeFractionAtLeast(intensity) <= fraction)
            {
                return intensity;
            }
        }

        return s.Max + s.Step;
    }
}
