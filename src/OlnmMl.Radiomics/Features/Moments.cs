namespace OlnmMl.Radiomics.Features;

// Standardised moments shared by the statistics and histogram families.
internal static class Moments
{
    public static double Skewness(IntensitySample s) =>
        s.Variance == 0 ? 0 : s.ThirdMoment / Math.Pow(s.Variance, 1.5);

    public static double ExcessKurtosis(IntensitySample s) =>
        s.Variance == 0 ? 0 : s.FourthMoment / (s.Variance * s.Variance) - 3;
}
