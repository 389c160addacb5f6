using System.Buffers;
using System.Text;
using Microsoft.ML;
using OlnmMl.Learners.Data;
using DefaultColumnNames = OlnmMl.Learners.Data.DefaultColumnNames;

namespace OlnmMl.Learners.Svm;

/// <summary>
/// Scores rows with a fitted kernel SVM, adding ML.NET's standard binary-classification columns:
/// <c>Score</c> = f(x), <c>Probability</c> = Platt P(y = 1 | x), <c>PredictedLabel</c> = f(x) &gt; 0.
/// Exportable to ONNX from <see cref="Model"/> (support vectors, dual coefficients, bias, kernel, Platt A/B).
/// </summary>
public sealed class KernelSvmPredictionTransformer : MappingTransformer
{
    /// <summary>Version of the format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    private const string Magic = "OLNM-KSVM-TRANSFORMER";

    /// <summary>Creates the transformer for <paramref name="model"/> reading <paramref name="featureColumnName"/>.</summary>
    public KernelSvmPredictionTransformer(KernelSvmModelParameters model, string featureColumnName)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        Mapping = new SvmMapping(model, featureColumnName);
    }

    /// <summary>The fitted parameters.</summary>
    public KernelSvmModelParameters Model { get; }

    /// <summary>The feature column read.</summary>
    public string FeatureColumnName { get; }

    private protected override RowMapping Mapping { get; }

    /// <summary>Writes the transformer (format <see cref="FormatVersion"/>).</summary>
    public void Save(Stream stream)
    {
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(FeatureColumnName);
        }
        Model.Save(stream);
    }

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">On a foreign header or an unknown version.</exception>
    public static KernelSvmPredictionTransformer Load(Stream stream)
    {
        string column;
        using (var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            var magic = r.ReadString();
            if (magic != Magic) throw new InvalidDataException($"Not a kernel-SVM transformer (header '{magic}').");
            var version = r.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"Kernel-SVM transformer format version {version} is not supported (this build reads {FormatVersion}).");
            column = r.ReadString();
        }
        return new KernelSvmPredictionTransformer(KernelSvmModelParameters.Load(stream), column);
    }

    internal static IReadOnlyList<MappedColumn> OutputColumns { get; } =
    [
        new(DefaultColumnNames.Score, MappedColumnKind.Single, 0, 1),
        new(DefaultColumnNames.Probability, MappedColumnKind.Single, 1, 1),
        new(DefaultColumnNames.PredictedLabel, MappedColumnKind.Boolean, 2, 1),
    ];

    private sealed class SvmMapping(KernelSvmModelParameters model, string column) : RowMapping(column, model.FeatureCount)
    {
        public override IReadOnlyList<MappedColumn> Outputs => OutputColumns;

        public override void Map(ReadOnlySpan<float> input, Span<float> output)
        {
            var x = ArrayPool<double>.Shared.Rent(input.Length);
            try
            {
                for (int i = 0; i < input.Length; i++) x[i] = input[i];
                var f = model.Decision(x.AsSpan(0, input.Length));
                output[0] = (float)f;
                output[1] = (float)model.Probability(f);
                output[2] = f > 0 ? 1 : 0;
            }
            finally
            {
                ArrayPool<double>.Shared.Return(x);
            }
        }
    }
}
