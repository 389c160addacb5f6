using System.Globalization;
using System.Text;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>Long-format feature table: one row per feature with columns <c>name,ibsi_feature,ibsi_aggregation,value</c>.</summary>
public static class FeatureCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "name,ibsi_feature,ibsi_aggregation,value";

    /// <summary>
    /// Writes <paramref name="features"/> to <paramref name="path"/> (values round-trip, NaN as "NaN") through
    /// <see cref="DurableFile"/>: a failure leaves any previous file untouched.
    /// </summary>
    /// <exception cref="OlnmUserException">The file cannot be written.</exception>
    public static void Write(string path, IEnumerable<NamedFeature> features)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var f in features)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Name},{f.IbsiFeature},{f.IbsiAggregation},{f.Value:R}");
        }

        DurableFile.WriteAllText(path, text.ToString());
    }
}
