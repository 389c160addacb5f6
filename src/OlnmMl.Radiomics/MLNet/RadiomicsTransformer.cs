using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.MLNet;

/// <summary>
/// Appends the radiomics vector to every row. <see cref="Transform"/> extracts each distinct (image, mask)
/// pair of the input once, in parallel over cases and through the on-disk cache, then returns a view that
/// appends the vectors lazily. Extraction warnings are kept in <see cref="Warnings"/>.
/// Persistence: ML.NET keeps <c>ModelSaveContext</c>'s writer internal, so use <see cref="Save"/>/<see cref="Load"/>
/// (format version 1: the options as JSON).
/// </summary>
public sealed class RadiomicsTransformer : ITransformer
{
    private const int FormatVersion = 1;
    private readonly RadiomicsExtractor _extractor;
    private readonly FeatureCache? _cache;

    internal RadiomicsTransformer(RadiomicsOptions options)
    {
        Options = options;
        _extractor = new RadiomicsExtractor(options.Settings);
        _cache = options.CacheDirectory is null ? null : new FeatureCache(options.CacheDirectory);
    }

    /// <summary>The options.</summary>
    public RadiomicsOptions Options { get; }

    /// <summary>Feature names = slot names of the output column.</summary>
    public IReadOnlyList<string> FeatureNames => _extractor.FeatureNames;

    /// <summary>Warnings of the cases extracted so far, by "image|mask".</summary>
    public ConcurrentDictionary<string, IReadOnlyList<string>> Warnings { get; } = new();

    /// <summary>False: the vectors are computed in bulk by <see cref="Transform"/>.</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>The input schema plus the output column.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        CheckPathColumn(inputSchema, Options.ImageColumnName);
        CheckPathColumn(inputSchema, Options.MaskColumnName);
        return RadiomicsDataView.OutputSchema(inputSchema, Options.OutputColumnName, FeatureNames);
    }

    /// <summary>Not supported (see <see cref="IsRowToRowMapper"/>).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException("RadiomicsTransformer is not a row-to-row mapper; call Transform on an IDataView.");

    /// <summary>Extracts every distinct case of <paramref name="input"/> and returns the view with the vectors appended.</summary>
    public IDataView Transform(IDataView input)
    {
        var image = CheckPathColumn(input.Schema, Options.ImageColumnName);
        var mask = CheckPathColumn(input.Schema, Options.MaskColumnName);
        var pairs = new HashSet<(string, string)>();
        using (var cursor = input.GetRowCursor([image, mask]))
        {
            var imageGetter = cursor.GetGetter<ReadOnlyMemory<char>>(image);
            var maskGetter = cursor.GetGetter<ReadOnlyMemory<char>>(mask);
            ReadOnlyMemory<char> i = default, m = default;
            while (cursor.MoveNext())
            {
                imageGetter(ref i);
                maskGetter(ref m);
                pairs.Add((i.ToString(), m.ToString()));
            }
        }

        var vectors = new ConcurrentDictionary<(string, string), float[]>();
        Parallel.ForEach(pairs, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelism }, pair =>
        {
            var set = _cache is null ? _extractor.Extract(pair.Item1, pair.Item2) : _cache.GetOrExtract(_extractor, pair.Item1, pair.Item2);
            if (set.Warnings.Count > 0)
            {
                Warnings[pair.Item1 + "|" + pair.Item2] = set.Warnings;
            }

            vectors[pair] = set.Features.Select(f => (float)f.Value).ToArray();
        });

        return new RadiomicsDataView(input, image, mask, GetOutputSchema(input.Schema), vectors);
    }

    /// <summary>Writes the options (format version 1) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream) =>
        JsonSerializer.Serialize(stream, new SavedTransformer(FormatVersion, Options.Settings, Options.ImageColumnName, Options.MaskColumnName, Options.OutputColumnName, Options.CacheDirectory));

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">Not a saved radiomics transformer, or a newer format version.</exception>
    public static RadiomicsTransformer Load(Stream stream)
    {
        var saved = JsonSerializer.Deserialize<SavedTransformer>(stream)
            ?? throw new InvalidDataException("The stream holds no radiomics transformer.");
        if (saved.Version != FormatVersion)
        {
            throw new InvalidDataException($"Radiomics transformer format version {saved.Version} is not supported (expected {FormatVersion}).");
        }

        return new RadiomicsTransformer(new RadiomicsOptions
        {
            Settings = saved.Settings,
            ImageColumnName = saved.ImageColumnName,
            MaskColumnName = saved.MaskColumnName,
            OutputColumnName = saved.OutputColumnName,
            CacheDirectory = saved.CacheDirectory,
        });
    }

    /// <summary>Not supported: ML.NET's model writer is internal to its assemblies; use <see cref="Save"/>.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("RadiomicsTransformer cannot be written by mlContext.Model.Save (ML.NET's ModelSaveContext writer is internal); use RadiomicsTransformer.Save(Stream).");

    internal static DataViewSchema.Column CheckPathColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"Radiomics needs a text column '{name}' of file paths; the input has none.", nameof(schema));
        return column.Type is TextDataViewType
            ? column
            : throw new ArgumentException($"Radiomics column '{name}' must be a text column of file paths, not {column.Type}.", nameof(schema));
    }

    private sealed record SavedTransformer(int Version, RadiomicsSettings Settings, string ImageColumnName, string MaskColumnName, string OutputColumnName, string? CacheDirectory);
}
