using System.Text;

namespace OlnmMl.Learners.Svm;

/// <summary>
/// A fitted C-SVC: decision value f(x) = Σ_s c_s k(sv_s, x) + b with dual coefficients c_s = α_s y_s, and the Platt
/// probability P(y = 1 | x) = 1 / (1 + exp(A f(x) + B)). Read-only; everything an exporter needs is public.
/// Saved with <see cref="Save"/> in a versioned binary format.
/// </summary>
public sealed class KernelSvmModelParameters
{
    /// <summary>Version of the binary format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    private const string Magic = "OLNM-KSVM";
    private readonly double[] _supportVectors;
    private readonly double[] _dualCoefficients;
    private readonly int[] _supportVectorIndices;
    private readonly string[] _slotNames;

    /// <summary>Creates the parameters; arrays are copied.</summary>
    /// <param name="supportVectors">Row-major support vectors, count × <paramref name="featureCount"/>.</param>
    /// <param name="dualCoefficients">c_s = α_s y_s per support vector.</param>
    /// <param name="supportVectorIndices">Training-row index of each support vector.</param>
    /// <param name="featureCount">Length d of an input row.</param>
    /// <param name="bias">b = −ρ.</param>
    /// <param name="kernel">The kernel with resolved γ.</param>
    /// <param name="plattA">Platt A (NaN when probabilities were not fitted).</param>
    /// <param name="plattB">Platt B (NaN when probabilities were not fitted).</param>
    /// <param name="slotNames">Names of the d input slots.</param>
    public KernelSvmModelParameters(ReadOnlySpan<double> supportVectors, ReadOnlySpan<double> dualCoefficients,
        ReadOnlySpan<int> supportVectorIndices, int featureCount, double bias, Kernel kernel, double plattA, double plattB,
        IReadOnlyList<string> slotNames)
    {
        if (featureCount < 1) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "Must be ≥ 1.");
        if (supportVectors.Length != dualCoefficients.Length * featureCount)
            throw new ArgumentException($"Expected {dualCoefficients.Length} × {featureCount} support-vector values, got {supportVectors.Length}.", nameof(supportVectors));
        if (supportVectorIndices.Length != dualCoefficients.Length)
            throw new ArgumentException("One training index per support vector is required.", nameof(supportVectorIndices));
        if (slotNames.Count != featureCount)
            throw new ArgumentException($"Expected {featureCount} slot names, got {slotNames.Count}.", nameof(slotNames));
        _supportVectors = supportVectors.ToArray();
        _dualCoefficients = dualCoefficients.ToArray();
        _supportVectorIndices = supportVectorIndices.ToArray();
        _slotNames = [.. slotNames];
        FeatureCount = featureCount;
        Bias = bias;
        Kernel = kernel;
        PlattA = plattA;
        PlattB = plattB;
    }

    /// <summary>Number of support vectors.</summary>
    public int SupportVectorCount => _dualCoefficients.Length;

    /// <summary>Length d of an input row.</summary>
    public int FeatureCount { get; }

    /// <summary>Support vectors, row-major (<see cref="SupportVectorCount"/> × <see cref="FeatureCount"/>).</summary>
    public ReadOnlyMemory<double> SupportVectors => _supportVectors;

    /// <summary>Dual coefficients c_s = α_s y_s (positive for positive-class support vectors).</summary>
    public ReadOnlyMemory<double> DualCoefficients => _dualCoefficients;

    /// <summary>Index of each support vector among the training rows.</summary>
    public ReadOnlyMemory<int> SupportVectorIndices => _supportVectorIndices;

    /// <summary>Bias b = −ρ of f(x) = Σ c_s k(sv_s, x) + b.</summary>
    public double Bias { get; }

    /// <summary>The kernel, γ resolved.</summary>
    public Kernel Kernel { get; }

    /// <summary>Platt A; NaN when probabilities were not fitted.</summary>
    public double PlattA { get; }

    /// <summary>Platt B; NaN when probabilities were not fitted.</summary>
    public double PlattB { get; }

    /// <summary>True when <see cref="PlattA"/> and <see cref="PlattB"/> are fitted.</summary>
    public bool HasProbability => !double.IsNaN(PlattA);

    /// <summary>Names of the input slots, in order.</summary>
    public IReadOnlyList<string> SlotNames => _slotNames;

    /// <summary>The support vector <paramref name="s"/>.</summary>
    public ReadOnlySpan<double> SupportVector(int s) => _supportVectors.AsSpan(s * FeatureCount, FeatureCount);

    /// <summary>f(x) = Σ c_s k(sv_s, x) + b.</summary>
    /// <exception cref="ArgumentException">When x does not have <see cref="FeatureCount"/> values.</exception>
    public double Decision(ReadOnlySpan<double> x)
    {
        if (x.Length != FeatureCount)
            throw new ArgumentException($"Expected {FeatureCount} features, got {x.Length}.", nameof(x));
        var f = Bias;
        for (int s = 0; s < _dualCoefficients.Length; s++)
            f += _dualCoefficients[s] * Kernel.Evaluate(SupportVector(s), x);
        return f;
    }

    /// <summary>P(y = 1 | x) = 1 / (1 + exp(A f(x) + B)); when no Platt fit exists, the logistic of f(x).</summary>
    public double Probability(double decision) =>
        HasProbability ? PlattScaling.Probability(decision, PlattA, PlattB) : 1 / (1 + Math.Exp(-decision));

    /// <summary>Writes the parameters (format <see cref="FormatVersion"/>).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write((int)Kernel.Type);
        w.Write(Kernel.Gamma);
        w.Write(Kernel.Degree);
        w.Write(Kernel.Coef0);
        w.Write(Bias);
        w.Write(PlattA);
        w.Write(PlattB);
        w.Write(FeatureCount);
        w.Write(SupportVectorCount);
        foreach (var name in _slotNames) w.Write(name);
        foreach (var c in _dualCoefficients) w.Write(c);
        foreach (var i in _supportVectorIndices) w.Write(i);
        foreach (var v in _supportVectors) w.Write(v);
    }

    /// <summary>Reads parameters written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">When the stream is not a kernel-SVM model or has an unknown version.</exception>
    public static KernelSvmModelParameters Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadString();
        if (magic != Magic) throw new InvalidDataException($"Not a kernel-SVM model (header '{magic}', expected '{Magic}').");
        var version = r.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"Kernel-SVM model format version {version} is not supported (this build reads {FormatVersion}).");
        var kernel = new Kernel((KernelType)r.ReadInt32(), r.ReadDouble(), r.ReadInt32(), r.ReadDouble());
        var bias = r.ReadDouble();
        var a = r.ReadDouble();
        var b = r.ReadDouble();
        var d = r.ReadInt32();
        var count = r.ReadInt32();
        var names = new string[d];
        for (int i = 0; i < d; i++) names[i] = r.ReadString();
        var coef = new double[count];
        for (int i = 0; i < count; i++) coef[i] = r.ReadDouble();
        var idx = new int[count];
        for (int i = 0; i < count; i++) idx[i] = r.ReadInt32();
        var sv = new double[count * d];
        for (int i = 0; i < sv.Length; i++) sv[i] = r.ReadDouble();
        return new KernelSvmModelParameters(sv, coef, idx, d, bias, kernel, a, b, names);
    }
}
