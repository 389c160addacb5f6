using System.Text;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Clinical;

/// <summary>
/// A fitted multivariable logistic model used as a score: <c>Score</c> = η = β₀ + Σ_k β_k x_{s_k} over the model's
/// slots s_k of the predictor column (<see cref="Slots"/>; every slot unless a screen removed some),
/// <c>Probability</c> = σ(η), <c>PredictedLabel</c> = σ(η) &gt; ½. <see cref="Coefficients"/> is the multivariable
/// table (intercept first), <see cref="Signature"/> the per-candidate table with the univariable rows;
/// exportable to ONNX as a linear model plus sigmoid (<see cref="InputWeights"/>).
/// </summary>
public sealed class ClinicalLogisticTransformer : MappingTransformer
{
    /// <summary>Version of the format written by <see cref="Save"/> (version 1, without the screen, is still read).</summary>
    public const int FormatVersion = 2;

    private const string Magic = "OLNM-CLINICAL-LOGISTIC";
    private readonly double[] _weights;

    /// <summary>Creates the transformer from a coefficient table (intercept first, then one row per slot, every slot in the model).</summary>
    public ClinicalLogisticTransformer(string featureColumnName, IReadOnlyList<LogisticCoefficient> coefficients)
        : this(featureColumnName, new ClinicalSignature(
            [.. coefficients.Skip(1).Select(c => new ClinicalSignatureRow(c.Name, null, c, SignatureEntry.InModel))],
            [.. Enumerable.Range(0, Math.Max(0, coefficients.Count - 1))], coefficients, null, false))
    {
    }

    /// <summary>Creates the transformer from a built signature (<see cref="ClinicalSignature.Fit"/>).</summary>
    public ClinicalLogisticTransformer(string featureColumnName, ClinicalSignature signature)
    {
        if (signature.Coefficients.Count < 2) throw new ArgumentException("Need an intercept and at least one predictor.", nameof(signature));
        if (signature.Slots.Count != signature.Coefficients.Count - 1 || signature.Slots.Any(s => s < 0 || s >= signature.Rows.Count))
            throw new ArgumentException($"{signature.Slots.Count} slots for {signature.Coefficients.Count - 1} predictors among {signature.Rows.Count} candidates.", nameof(signature));
        FeatureColumnName = featureColumnName;
        Signature = signature;
        _weights = new double[signature.Rows.Count];
        for (int k = 0; k < signature.Slots.Count; k++) _weights[signature.Slots[k]] = signature.Coefficients[k + 1].Estimate;
        Mapping = new LogisticMapping(this);
    }

    /// <summary>The predictor column.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Multivariable table: intercept, then one row per slot of <see cref="Slots"/>.</summary>
    public IReadOnlyList<LogisticCoefficient> Coefficients => Signature.Coefficients;

    /// <summary>Slots of the predictor column in the model, ascending.</summary>
    public IReadOnlyList<int> Slots => Signature.Slots;

    /// <summary>Per-candidate rows (univariable and multivariable) and the model.</summary>
    public ClinicalSignature Signature { get; }

    /// <summary>β₀.</summary>
    public double Intercept => Coefficients[0].Estimate;

    private protected override RowMapping Mapping { get; }

    /// <summary>One weight per slot of the predictor column: β of the slot's row, 0 for a slot not in the model, so that η = β₀ + w·x.</summary>
    public double[] InputWeights() => (double[])_weights.Clone();

    /// <summary>η = β₀ + Σ_j w_j x_j over every slot of the predictor column (<see cref="InputWeights"/>).</summary>
    public double LinearPredictor(ReadOnlySpan<float> x)
    {
        var eta = Intercept;
        for (int j = 0; j < x.Length; j++) eta += _weights[j] * x[j];
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
        foreach (var c in Coefficients) Write(w, c);
        w.Write(Signature.Rows.Count);
        foreach (var row in Signature.Rows)
        {
            w.Write(row.Name);
            w.Write((int)row.Entry);
            w.Write(row.Univariable is not null);
            if (row.Univariable is { } u) Write(w, u);
        }
        foreach (var slot in Slots) w.Write(slot);
        w.Write(Signature.EntryPValue ?? double.NaN);
        w.Write(Signature.BackwardElimination);
    }

    /// <summary>Reads a model written by <see cref="Save"/> (format 1 or 2).</summary>
    /// <exception cref="InvalidDataException">On a foreign header or an unknown version.</exception>
    public static ClinicalLogisticTransformer Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadString();
        if (magic != Magic) throw new InvalidDataException($"Not a clinical logistic model (header '{magic}').");
        var version = r.ReadInt32();
        if (version is not (1 or FormatVersion))
            throw new InvalidDataException($"Clinical logistic format version {version} is not supported (this build reads 1 to {FormatVersion}).");
        var column = r.ReadString();
        var table = new LogisticCoefficient[r.ReadInt32()];
        for (int i = 0; i < table.Length; i++) table[i] = Read(r);
        if (version == 1) return new ClinicalLogisticTransformer(column, table);
        var candidates = new (string Name, SignatureEntry Entry, LogisticCoefficient? Univariable)[r.ReadInt32()];
        for (int j = 0; j < candidates.Length; j++) candidates[j] = (r.ReadString(), (SignatureEntry)r.ReadInt32(), r.ReadBoolean() ? Read(r) : null);
        var slots = new int[table.Length - 1];
        for (int k = 0; k < slots.Length; k++) slots[k] = r.ReadInt32();
        var rows = candidates.Select((c, j) => new ClinicalSignatureRow(c.Name, c.Univariable, Array.IndexOf(slots, j) is var k and >= 0 ? table[k + 1] : null, c.Entry));
        var entry = r.ReadDouble();
        return new ClinicalLogisticTransformer(column, new ClinicalSignature([.. rows], slots, table, double.IsNaN(entry) ? null : entry, r.ReadBoolean()));
    }

    private static void Write(BinaryWriter w, LogisticCoefficient c)
    {
        w.Write(c.Name);
        foreach (var v in new[] { c.Estimate, c.StandardError, c.Z, c.P, c.OddsRatio, c.OddsRatioLower, c.OddsRatioUpper }) w.Write(v);
    }

    private static LogisticCoefficient Read(BinaryReader r) =>
        new(r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());

    private sealed class LogisticMapping(ClinicalLogisticTransformer owner) : RowMapping(owner.FeatureColumnName, owner._weights.Length)
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
