using System.Text;
using OlnmMl.Learners.Data;
using DefaultColumnNames = OlnmMl.Learners.Data.DefaultColumnNames;

namespace OlnmMl.Learners.Clinical;

/// <summary>
/// A fitted multivariable logistic model used as a score: <c>Score</c> = η = β₀ + xβ, <c>Probability</c> = σ(η),
/// <c>PredictedLabel</c> = σ(η) &gt; ½. <see cref="Coefficients"/> is the multivariable table (intercept first);
/// exportable to ONNX as a linear model plus sigmoid.
/// </summary>
public sealed class ClinicalLogisticTransformer : MappingTransformer
{
    /// <summary>Version of the format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    private const string Magic = "OLNM-CLINICAL-LOGISTIC";
    private readonly double[] _beta;

    /// <summary>Creates the transformer from a coefficient table (intercept first, then one row per slot).</summary>
    public ClinicalLogisticTransformer(string featureColumnName, IReadOnlyList<LogisticCoefficient> coefficients)
    {
        if (coefficients.Count < 2) throw new ArgumentException("Need an intercept and at least one predictor.", nameof(coefficients));
        FeatureColumnName = featureColumnName;
        Coefficients = coefficients;
        _beta = [.. coefficients.Select(c => c.Estimate)];
        Mapping = new LogisticMapping(this);
    }

    /// <summary>The predictor column.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Multivariable table: intercept, then one row per predictor slot.</summary>
    public IReadOnlyList<LogisticCoefficient> Coefficients { get; }

    private protected override RowMapping Mapping { get; }

    /// <summary>η = β₀ + Σ β_j x_j.</summary>
    public double LinearPredictor(ReadOnlySpan<float> x)
    {
        var eta = _beta[0];
        for (int j = 0; j < x.Length; j++) eta += _beta[j + 1] * x[j];
        return eta;
    }

    /// <summary>Writes the model (format <see cref="FormatVersion"/>).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(FeatureColumnName);
        w.Write(Coefficients.Count);
        foreach (var c in Coefficients)
        {
            w.Write(c.Name);
            foreach (var v in new[] { c.Estimate, c.StandardError, c.Z, c.P, c.OddsRatio, c.OddsRatioLower, c.OddsRatioUpper }) w.Write(v);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">On a foreign header or an unknown version.</exception>
    public static ClinicalLogisticTransformer Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadString();
        if (magic != Magic) throw new InvalidDataException($"Not a clinical logistic model (header '{magic}').");
        var version = r.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"Clinical logistic format version {version} is not supported (this build reads {FormatVersion}).");
        var column = r.ReadString();
        var count = r.ReadInt32();
        var table = new LogisticCoefficient[count];
        for (int i = 0; i < count; i++)
            table[i] = new LogisticCoefficient(r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(),
                r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        return new ClinicalLogisticTransformer(column, table);
    }

    private sealed class LogisticMapping(ClinicalLogisticTransformer owner) : RowMapping(owner.FeatureColumnName, owner._beta.Length - 1)
    {
        public override IReadOnlyList<MappedColumn> Outputs => OutputColumns;

        public override void Map(ReadOnlySpan<float> input, Span<float> output)
        {
            var eta = owner.LinearPredictor(input);
            output[0] = (float)eta;
            output[1] = (float)(1 / (1 + Math.Exp(-eta)));
            output[2] = eta > 0 ? 1 : 0;
        }
    }

    /// <summary>The standard binary-classification outputs (shared with the kernel SVM).</summary>
    internal static IReadOnlyList<MappedColumn> OutputColumns => Svm.KernelSvmPredictionTransformer.OutputColumns;
}
