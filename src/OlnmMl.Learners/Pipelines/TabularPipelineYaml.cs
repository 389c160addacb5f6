using System.Globalization;
using System.Reflection;
using System.Text;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Imputation;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Reads and writes tabular pipelines as YAML, one key per builder call and one snake_case key per options
/// property (<c>top_k</c> ↔ <c>TopK</c>, <c>l2_regularization</c> ↔ <c>L2Regularization</c>):
/// <code>
/// name: radiomics-svm
/// seed: 0            # default for every step option named seed
/// steps:
///   - impute: {method: median}          # or mean: non-finite values → training statistic of the slot
///   - normalize: mean-variance          # or min-max
///   - select: {method: decision-tree, top_k: 10}
///   - svm: {kernel: rbf, gamma: scale, c: 1.0}
/// </code>
/// Selection methods: decision-tree, tree-ensemble-gain, utest, univariable-logistic, lasso, mrmr, variance, correlation,
/// finite-non-constant (<see cref="FiniteNonConstantSelectionOptions"/>), and icc with
/// <c>second_extraction</c> (a feature-table path, relative to the YAML's folder) and <c>id_column</c>
/// (<see cref="IccSelectStep"/>). Trainers: svm, logistic, and ML.NET's own fasttree and lightgbm (<see cref="BoostedTreesStep"/>) and
/// lbfgs-logistic (<see cref="LbfgsLogisticStep"/>).
/// Unknown keys and bad values throw <see cref="FormatException"/> naming the source, step and key.
/// </summary>
public static class TabularPipelineYaml
{
    private static readonly Dictionary<string, Func<FeatureSelectionOptions>> SelectionMethods = new()
    {
        ["decision-tree"] = () => new DecisionTreeSelectionOptions(),
        ["tree-ensemble-gain"] = () => new TreeEnsembleGainSelectionOptions(),
        ["utest"] = () => new UTestSelectionOptions(),
        ["univariable-logistic"] = () => new UnivariableLogisticSelectionOptions(),
        ["lasso"] = () => new LassoSelectionOptions(),
        ["mrmr"] = () => new MrmrSelectionOptions(),
        ["variance"] = () => new VarianceSelectionOptions(),
        ["correlation"] = () => new CorrelationSelectionOptions(),
        ["finite-non-constant"] = () => new FiniteNonConstantSelectionOptions(),
    };

    private static readonly HashSet<string> FixedProperties = ["FeatureColumnName", "LabelColumnName", "MethodName"];

    /// <summary>Reads the pipeline file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static TabularPipeline Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Pipeline file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses pipeline YAML; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="FormatException">On invalid YAML, unknown steps, keys or values.</exception>
    public static TabularPipeline Parse(string yaml, string source = "<yaml>")
    {
        object? document;
        try
        {
            document = new DeserializerBuilder().Build().Deserialize<object>(yaml);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
        if (document is not Dictionary<object, object> root) throw new FormatException($"{source}: expected a mapping with 'name' and 'steps'.");
        foreach (var key in root.Keys.Select(k => k.ToString()!))
            if (key is not ("name" or "seed" or "steps" or "description"))
                throw new FormatException($"{source}: unknown top-level key '{key}' (expected name, description, seed, steps).");

        var name = root.TryGetValue("name", out var n) ? n?.ToString() ?? "" : Path.GetFileNameWithoutExtension(source);
        int? seed = root.TryGetValue("seed", out var s) ? (int)Convert(s, typeof(int), source, "seed")! : null;
        if (!root.TryGetValue("steps", out var stepsNode) || stepsNode is not List<object> steps || steps.Count == 0)
            throw new FormatException($"{source}: 'steps' must be a non-empty list.");

        var builder = new TabularPipelineBuilder(name);
        for (int i = 0; i < steps.Count; i++)
        {
            var where = $"{source}: step {i + 1}";
            if (steps[i] is not Dictionary<object, object> { Count: 1 } step)
                throw new FormatException($"{where}: each step is a one-key mapping such as 'svm: {{…}}'.");
            var (kindNode, body) = step.First();
            builder.Add(ParseStep(kindNode.ToString()!, body, seed, where, source));
        }
        try
        {
            return builder.Build();
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="pipeline"/> as YAML listing every option value (parsing it gives the same pipeline).</summary>
    public static string Write(TabularPipeline pipeline)
    {
        var sb = new StringBuilder();
        sb.Append("name: ").AppendLine(pipeline.Name);
        sb.AppendLine("steps:");
        foreach (var step in pipeline.Steps)
        {
            if (step is NormalizeStep normalize)
            {
                sb.Append("  - normalize: ").AppendLine(Kebab(normalize.Method.ToString()));
                continue;
            }
            sb.Append("  - ").Append(step.Kind).AppendLine(":");
            if (step is SelectStep select)
                sb.Append("      method: ").AppendLine(SelectionMethods.First(m => m.Value().GetType() == select.SelectionOptions.GetType()).Key);
            if (step is IccSelectStep icc)
            {
                sb.AppendLine("      method: icc");
                sb.Append("      second_extraction: ").AppendLine(Quoted(icc.SecondExtractionCsv));
                sb.Append("      id_column: ").AppendLine(Quoted(icc.IdColumn));
            }
            foreach (var p in Settable(step.Options!.GetType()))
            {
                var value = p.GetValue(step.Options);
                if (value is null) continue;
                sb.Append("      ").Append(Snake(p.Name)).Append(": ").AppendLine(Format(value));
            }
        }
        return sb.ToString();
    }

    private static TabularStep ParseStep(string kind, object? body, int? seed, string where, string source)
    {
        switch (kind)
        {
            case "normalize":
                var method = body?.ToString() ?? "";
                return method switch
                {
                    "mean-variance" => new NormalizeStep(NormalizationMethod.MeanVariance),
                    "min-max" => new NormalizeStep(NormalizationMethod.MinMax),
                    _ => throw new FormatException($"{where} (normalize): '{method}' is not mean-variance or min-max."),
                };
            case "select":
                var map = Mapping(body, where, kind);
                if (!map.Remove("method", out var m) || m is null)
                    throw new FormatException($"{where} (select): 'method' is required ({string.Join(", ", SelectionMethods.Keys)}, icc).");
                if (m.ToString() == "icc") return ParseIcc(map, where, source);
                if (!SelectionMethods.TryGetValue(m.ToString()!, out var factory))
                    throw new FormatException($"{where} (select): unknown method '{m}' (expected {string.Join(", ", SelectionMethods.Keys)}, icc).");
                return new SelectStep(Apply(factory(), map, seed, $"{where} (select {m})"));
            case "svm":
                return new KernelSvmStep(Apply(new KernelSvmOptions(), Mapping(body, where, kind), seed, $"{where} (svm)"));
            case "logistic":
                return new LogisticStep(Apply(new ClinicalLogisticOptions(), Mapping(body, where, kind), seed, $"{where} (logistic)"));
            case "fasttree":
                return new BoostedTreesStep(BoostedTreesTrainer.FastTree, Apply(new BoostedTreesOptions(), Mapping(body, where, kind), seed, $"{where} (fasttree)"));
            case "lightgbm":
                return new BoostedTreesStep(BoostedTreesTrainer.LightGbm, Apply(new BoostedTreesOptions(), Mapping(body, where, kind), seed, $"{where} (lightgbm)"));
            case "impute":
                return new ImputeStep(Apply(new ImputeOptions(), Mapping(body, where, kind), seed, $"{where} (impute)"));
            case "lbfgs-logistic":
                return new LbfgsLogisticStep(Apply(new LbfgsLogisticOptions(), Mapping(body, where, kind), seed, $"{where} (lbfgs-logistic)"));
            default:
                throw new FormatException($"{where}: unknown step '{kind}' (expected impute, normalize, select, svm, logistic, lbfgs-logistic, fasttree, lightgbm).");
        }
    }

    private static IccSelectStep ParseIcc(Dictionary<string, object?> map, string where, string source)
    {
        if (!map.Remove("second_extraction", out var path) || path?.ToString() is not { Length: > 0 } csv)
            throw new FormatException($"{where} (select icc): 'second_extraction' (a feature-table path) is required.");
        var id = map.Remove("id_column", out var idValue) && idValue?.ToString() is { Length: > 0 } idText ? idText : "id";
        var folder = File.Exists(source) ? Path.GetDirectoryName(Path.GetFullPath(source)) : null;
        var resolved = Path.IsPathRooted(csv) || folder is null ? csv : Path.Combine(folder, csv);
        return new IccSelectStep(resolved, id, Apply(new IccSelectionOptions(), map, null, $"{where} (select icc)"));
    }

    private static Dictionary<string, object?> Mapping(object? body, string where, string kind) => body switch
    {
        null => [],
        Dictionary<object, object> d => d.ToDictionary(p => p.Key.ToString()!, p => (object?)p.Value),
        string s when s.Length == 0 => [],
        _ => throw new FormatException($"{where} ({kind}): expected a mapping of options."),
    };

    private static T Apply<T>(T options, Dictionary<string, object?> values, int? seed, string where)
        where T : class
    {
        var properties = Settable(options.GetType()).ToDictionary(p => Snake(p.Name));
        foreach (var (key, value) in values)
        {
            if (!properties.TryGetValue(key, out var property))
                throw new FormatException($"{where}: unknown option '{key}' (known: {string.Join(", ", properties.Keys)}).");
            property.SetValue(options, Convert(value, property.PropertyType, where, key));
        }
        if (seed is { } s && !values.ContainsKey("seed") && properties.TryGetValue("seed", out var seedProperty))
            seedProperty.SetValue(options, s);
        try
        {
            options.GetType().GetMethod("Validate", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.Invoke(options, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException inner)
        {
            throw new FormatException($"{where}: {inner.Message}", inner);
        }
        return options;
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !FixedProperties.Contains(p.Name) && IsSupported(p.PropertyType));

    private static bool IsSupported(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u == typeof(int) || u == typeof(double) || u == typeof(bool) || u == typeof(string) || u.IsEnum || u == typeof(SvmGamma);
    }

    private static object? Convert(object? value, Type type, string where, string key)
    {
        var text = value?.ToString();
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && (text is null || text is "null" or "~" or "")) return null;
        var t = underlying ?? type;
        if (value is not string || text is null) throw new FormatException($"{where}: '{key}' must be a scalar value.");
        try
        {
            if (t == typeof(string)) return text;
            if (t == typeof(int)) return int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (t == typeof(double)) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (t == typeof(bool)) return bool.Parse(text);
            if (t == typeof(SvmGamma)) return SvmGamma.Parse(text);
            var names = Enum.GetNames(t);
            var match = names.FirstOrDefault(nm => string.Equals(nm, text.Replace("-", "").Replace("_", ""), StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"'{text}' is not one of {string.Join(", ", names.Select(Kebab))}");
            return Enum.Parse(t, match);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new FormatException($"{where}: '{key}': {e.Message}", e);
        }
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Kebab(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string Quoted(string text) => $"'{text.Replace("'", "''")}'";

    private static string Snake(string pascal) => Separate(pascal, '_');

    private static string Kebab(string pascal) => Separate(pascal, '-');

    private static string Separate(string pascal, char separator)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1]))))
                sb.Append(separator);
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
