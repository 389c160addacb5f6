using System.Globalization;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>One row of the IBSI digital phantom reference table (Data/ibsi_digital_phantom/reference_values.csv).</summary>
public sealed record IbsiReferenceRow(string Family, string Feature, string Code, string Aggregation, double Value, double Tolerance)
{
    /// <summary>
    /// Whether <paramref name="actual"/> matches: within the tolerance, or where IBSI gives none
    /// (tolerance 0), equal to the reference at its 3 significant digits.
    /// </summary>
    public bool Accepts(double actual)
    {
        if (Tolerance > 0)
        {
            return Math.Abs(actual - Value) <= Tolerance * (1 + 1e-9);
        }

        if (Value == 0)
        {
            return Math.Abs(actual) < 1e-9;
        }

        var halfUnit = 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(Value))) - 2);
        return Math.Abs(actual - Value) <= halfUnit * (1 + 1e-9);
    }

    public override string ToString() => $"{Family} / {Feature} ({Code}) / {Aggregation}";
}

/// <summary>The IBSI digital phantom as a discretised ROI (grey levels 1..6, no discretisation) and its reference values.</summary>
public static class IbsiDigitalPhantom
{
    private static readonly Lazy<DiscretisedRoi> LazyRoi = new(Load);
    private static readonly Lazy<IReadOnlyList<IbsiReferenceRow>> LazyRows = new(ReadReferenceRows);

    public static DiscretisedRoi Roi => LazyRoi.Value;

    public static IReadOnlyList<IbsiReferenceRow> ReferenceRows => LazyRows.Value;

    private static DiscretisedRoi Load()
    {
        var image = NiftiReader.Read(TestData.PhantomImage);
        var mask = NiftiReader.Read(TestData.PhantomMask);
        var inside = mask.Voxels.Select(v => v > 0.5f).ToArray();
        var grey = image.Voxels.Select((v, k) => inside[k] ? (int)Math.Round(v) : 0).ToArray();
        return new DiscretisedRoi(image.Size, image.Geometry.Spacing, grey, 6, inside);
    }

    private static IReadOnlyList<IbsiReferenceRow> ReadReferenceRows()
    {
        var lines = File.ReadAllLines(TestData.DigitalPhantomReferenceValues);
        return lines.Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new IbsiReferenceRow(
                f[0], f[1], f[2], f[3],
                double.Parse(f[5], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
