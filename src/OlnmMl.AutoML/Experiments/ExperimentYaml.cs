using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Tuners;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OlnmMl.AutoML.Experiments;

/// <summary>
/// Reads and writes <see cref="ExperimentDefinition"/> as YAML (schema documented at the top of every file in
/// <c>experiments/</c>); <c>Read(Write(d))</c> equals <c>d</c>. Errors name the file, the line and the key.
/// </summary>
public static class ExperimentYaml
{
    /// <summary>
    /// Reads an experiment file. A relative manifest path in <c>data.source</c> is resolved against the file's
    /// folder (not the current directory) and kept absolute, so a study created from it resumes from anywhere.
    /// </summary>
    public static ExperimentDefinition Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Experiment file '{path}' does not exist.", path);
        }

        var definition = Read(File.ReadAllText(path), path);
        var source = definition.Data.Source;
        return source.StartsWith("synthetic:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(source)
            ? definition
            : definition with { Data = definition.Data with { Source = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, source)) } };
    }

    /// <summary>Reads an experiment from YAML text; <paramref name="origin"/> names it in error messages.</summary>
    public static ExperimentDefinition Read(string yaml, string origin = "<text>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{origin}: invalid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"{origin}: an experiment is one YAML mapping (name, data, objective, tuner, budget, space).");
        }

        var reader = new Reader(origin);
        reader.AllowOnly(root, "root", "name", "seed", "data", "objective", "tuner", "pruner", "budget", "space");
        var definition = new ExperimentDefinition
        {
            Name = reader.Scalar(root, "name")!,
            Seed = reader.Int(root, "seed") ?? 0,
            Data = reader.ReadData(reader.Mapping(root, "data")!),
            Objective = reader.ReadObjective(root),
            Tuner = reader.ReadTuner(reader.Mapping(root, "tuner")!),
            Pruner = reader.Mapping(root, "pruner", optional: true) is { } pruner ? reader.ReadPruner(pruner) : null,
            Budget = reader.ReadBudget(reader.Mapping(root, "budget")!),
            Space = reader.ReadSpace(reader.Mapping(root, "space")!),
        };
        try
        {
            definition.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{origin}: {e.Message}", e);
        }

        return definition;
    }

    /// <summary>Writes <paramref name="definition"/> as YAML in the schema <see cref="Read"/> reads.</summary>
    public static string Write(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var s = new StringBuilder();
        s.Append("name: ").AppendLine(Quote(definition.Name));
        s.Append("seed: ").AppendLine(Number(definition.Seed));
        s.AppendLine("data:");
        s.Append("  source: ").AppendLine(Quote(definition.Data.Source));
        s.Append("  selection: ").AppendLine(definition.Data.Selection == SelectionStrategy.InternalValidation ? "internal-validation" : "leave-one-centre-out");
        s.Append("  external: [").Append(string.Join(", ", definition.Data.ExternalCohorts.Select(Quote))).AppendLine("]");
        s.Append("  options: {").Append(string.Join(", ", definition.Data.Options.Select(o => $"{Quote(o.Key)}: {Quote(o.Value)}"))).AppendLine("}");
        s.Append("objective: ").AppendLine(definition.Objective switch
        {
            ObjectiveMetric.Auc => "auc",
            ObjectiveMetric.Brier => "brier",
            _ => "log-loss",
        });
        var t = definition.Tuner;
        s.Append("tuner: {kind: ").Append(t.Kind).Append(", resolution: ").Append(Number(t.GridResolution));
        var smac = t.Smac ?? new SmacOptions();
        s.Append(", initial-random: ").Append(Number(smac.InitialRandomTrials)).Append(", trees: ").Append(Number(smac.Trees));
        var asha = t.Asha ?? new AshaOptions();
        s.Append(", min-epochs: ").Append(Number(asha.MinBudget)).Append(", max-epochs: ").Append(Number(asha.MaxBudget))
            .Append(", reduction-factor: ").Append(Number(asha.ReductionFactor)).AppendLine("}");
        if (definition.Pruner is { } pruner)
        {
            s.Append("pruner: {kind: ").Append(pruner.Kind).Append(", warmup-steps: ").Append(Number(pruner.WarmupSteps))
                .Append(", startup-trials: ").Append(Number(pruner.StartupTrials)).Append(", min-steps: ").Append(Number(pruner.MinSteps))
                .Append(", reduction-factor: ").Append(Number(pruner.ReductionFactor));
            if (pruner.MaxSteps is { } maxSteps)
            {
                s.Append(", max-steps: ").Append(Number(maxSteps));
            }

            s.AppendLine("}");
        }

        var b = definition.Budget;
        s.Append("budget: {parallel: ").Append(Number(b.Parallelism));
        if (b.MaxTrials is { } trials)
        {
            s.Append(", trials: ").Append(Number(trials));
        }

        if (b.Time is { } time)
        {
            s.Append(", time-minutes: ").Append(time.TotalMinutes.ToString("R", CultureInfo.InvariantCulture));
        }

        if (b.MemoryBytes is { } memory)
        {
            s.Append(", memory-mb: ").Append((memory / (1024.0 * 1024.0)).ToString("R", CultureInfo.InvariantCulture));
        }

        if (b.MaxEpochs is { } epochs)
        {
            s.Append(", epochs: ").Append(Number(epochs));
        }

        s.AppendLine("}");
        s.AppendLine("space:");
        foreach (var p in definition.Space.Parameters)
        {
            s.Append("  ").Append(Quote(p.Name)).Append(": {");
            s.Append(p switch
            {
                CategoricalParameter { Choices.Count: 1 } c => $"value: {Quote(c.Choices[0])}",
                CategoricalParameter c => $"choice: [{string.Join(", ", c.Choices.Select(Quote))}]",
                IntegerParameter i => $"int: [{Number(i.Low)}, {Number(i.High)}], log: {(i.Log ? "true" : "false")}",
                FloatParameter f => $"float: [{Real(f.Low)}, {Real(f.High)}], log: {(f.Log ? "true" : "false")}",
                _ => throw new NotSupportedException($"Parameter type {p.GetType().Name} has no YAML form."),
            });
            if (p.Condition is { } condition)
            {
                s.Append(", when: {").Append(Quote(condition.Parent)).Append(": [")
                    .Append(string.Join(", ", condition.Values.Select(Quote))).Append("]}");
            }

            s.AppendLine("}");
        }

        return s.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Reader(string origin)
    {
        public ExperimentData ReadData(YamlMappingNode node)
        {
            AllowOnly(node, "data", "source", "selection", "external", "options");
            var selection = Scalar(node, "selection", optional: true) ?? "internal-validation";
            var options = Mapping(node, "options", optional: true);
            return new ExperimentData(
                Scalar(node, "source")!,
                selection switch
                {
                    "internal-validation" => SelectionStrategy.InternalValidation,
                    "leave-one-centre-out" => SelectionStrategy.LeaveOneCentreOut,
                    _ => throw Error(node, $"data.selection is '{selection}'; expected internal-validation or leave-one-centre-out"),
                },
                [.. Sequence(node, "external", optional: true)],
                options is null
                    ? ImmutableSortedDictionary<string, string>.Empty
                    : options.Children.ToImmutableSortedDictionary(
                        p => ScalarText(p.Key, "data.options key"), p => ScalarText(p.Value, "data.options value"), StringComparer.Ordinal));
        }

        public ObjectiveMetric ReadObjective(YamlMappingNode root) => (Scalar(root, "objective", optional: true) ?? "auc") switch
        {
            "auc" => ObjectiveMetric.Auc,
            "brier" => ObjectiveMetric.Brier,
            "log-loss" => ObjectiveMetric.LogLoss,
            var other => throw Error(root, $"objective is '{other}'; expected auc, brier or log-loss"),
        };

        public TunerSpec ReadTuner(YamlMappingNode node)
        {
            AllowOnly(node, "tuner", "kind", "resolution", "initial-random", "trees", "min-epochs", "max-epochs", "reduction-factor");
            var smacDefaults = new SmacOptions();
            var ashaDefaults = new AshaOptions();
            return new TunerSpec(
                Scalar(node, "kind")!,
                Int(node, "resolution") ?? 3,
                smacDefaults with
                {
                    InitialRandomTrials = Int(node, "initial-random") ?? smacDefaults.InitialRandomTrials,
                    Trees = Int(node, "trees") ?? smacDefaults.Trees,
                },
                new AshaOptions
                {
                    MinBudget = Int(node, "min-epochs") ?? ashaDefaults.MinBudget,
                    MaxBudget = Int(node, "max-epochs") ?? ashaDefaults.MaxBudget,
                    ReductionFactor = Int(node, "reduction-factor") ?? ashaDefaults.ReductionFactor,
                });
        }

        public PrunerSpec ReadPruner(YamlMappingNode node)
        {
            AllowOnly(node, "pruner", "kind", "warmup-steps", "startup-trials", "min-steps", "max-steps", "reduction-factor");
            var defaults = new PrunerSpec(Scalar(node, "kind")!);
            return defaults with
            {
                WarmupSteps = Int(node, "warmup-steps") ?? defaults.WarmupSteps,
                StartupTrials = Int(node, "startup-trials") ?? defaults.StartupTrials,
                MinSteps = Int(node, "min-steps") ?? defaults.MinSteps,
                ReductionFactor = Int(node, "reduction-factor") ?? defaults.ReductionFactor,
                MaxSteps = Int(node, "max-steps"),
            };
        }

        public SweepBudget ReadBudget(YamlMappingNode node)
        {
            AllowOnly(node, "budget", "trials", "time-minutes", "memory-mb", "parallel", "epochs");
            var minutes = Double(node, "time-minutes");
            var megabytes = Double(node, "memory-mb");
            return new SweepBudget(
                Int(node, "trials"),
                minutes is null ? null : TimeSpan.FromMinutes(minutes.Value),
                megabytes is null ? null : (long)Math.Round(megabytes.Value * 1024 * 1024),
                Int(node, "parallel") ?? 1)
            {
                MaxEpochs = Int(node, "epochs"),
            };
        }

        public Spaces.SearchSpace ReadSpace(YamlMappingNode node)
        {
            var parameters = new List<Parameter>();
            foreach (var (keyNode, valueNode) in node.Children)
            {
                var name = ScalarText(keyNode, "space key");
                if (valueNode is not YamlMappingNode spec)
                {
                    throw Error(valueNode, $"space.{name} must be a mapping such as {{choice: [a, b]}}, {{int: [1, 10]}} or {{float: [0.001, 1], log: true}}");
                }

                AllowOnly(spec, $"space.{name}", "choice", "value", "int", "float", "log", "when");
                var condition = ReadCondition(spec, name);
                var log = Bool(spec, "log") ?? false;
                var kinds = new[] { "choice", "value", "int", "float" }.Where(k => spec.Children.ContainsKey(new YamlScalarNode(k))).ToArray();
                if (kinds.Length != 1)
                {
                    throw Error(spec, $"space.{name} needs exactly one of choice, value, int, float (found {kinds.Length})");
                }

                try
                {
                    parameters.Add(kinds[0] switch
                    {
                        "choice" => new CategoricalParameter(name, Sequence(spec, "choice"), condition),
                        "value" => new CategoricalParameter(name, [Scalar(spec, "value")!], condition),
                        "int" => IntegerRange(spec, name, log, condition),
                        _ => FloatRange(spec, name, log, condition),
                    });
                }
                catch (ArgumentException e)
                {
                    throw Error(spec, e.Message);
                }
            }

            try
            {
                return new Spaces.SearchSpace(parameters);
            }
            catch (ArgumentException e)
            {
                throw Error(node, e.Message);
            }
        }

        public void AllowOnly(YamlMappingNode node, string where, params string[] keys)
        {
            foreach (var key in node.Children.Keys)
            {
                var text = ScalarText(key, where + " key");
                if (!keys.Contains(text))
                {
                    throw Error(key, $"unknown key '{text}' in {where}; allowed: {string.Join(", ", keys)}");
                }
            }
        }

        public string? Scalar(YamlMappingNode node, string key, bool optional = false)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return optional ? null : throw Error(node, $"missing required key '{key}'");
            }

            return ScalarText(value, key);
        }

        public YamlMappingNode? Mapping(YamlMappingNode node, string key, bool optional = false)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return optional ? null : throw Error(node, $"missing required key '{key}'");
            }

            return value as YamlMappingNode ?? throw Error(value, $"'{key}' must be a mapping");
        }

        public int? Int(YamlMappingNode node, string key)
        {
            var text = Scalar(node, key, optional: true);
            return text is null ? null
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
                : throw Error(node, $"'{key}' must be an integer, got '{text}'");
        }

        private double? Double(YamlMappingNode node, string key)
        {
            var text = Scalar(node, key, optional: true);
            return text is null ? null
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
                : throw Error(node, $"'{key}' must be a number, got '{text}'");
        }

        private bool? Bool(YamlMappingNode node, string key)
        {
            var text = Scalar(node, key, optional: true);
            return text switch
            {
                null => null,
                "true" => true,
                "false" => false,
                _ => throw Error(node, $"'{key}' must be true or false, got '{text}'"),
            };
        }

        private List<string> Sequence(YamlMappingNode node, string key, bool optional = false)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return optional ? [] : throw Error(node, $"missing required key '{key}'");
            }

            return value switch
            {
                YamlSequenceNode sequence => sequence.Children.Select(c => ScalarText(c, key)).ToList(),
                YamlScalarNode scalar => [ScalarText(scalar, key)],
                _ => throw Error(value, $"'{key}' must be a list"),
            };
        }

        private ParameterCondition? ReadCondition(YamlMappingNode spec, string name)
        {
            var when = Mapping(spec, "when", optional: true);
            if (when is null)
            {
                return null;
            }

            if (when.Children.Count != 1)
            {
                throw Error(when, $"space.{name}.when must name exactly one parent parameter, e.g. {{trial: [fusion]}}");
            }

            var parent = ScalarText(when.Children.Keys.Single(), "when key");
            return new ParameterCondition(parent, Sequence(when, parent));
        }

        private IntegerParameter IntegerRange(YamlMappingNode spec, string name, bool log, ParameterCondition? condition)
        {
            var bounds = Sequence(spec, "int");
            if (bounds.Count != 2 || !long.TryParse(bounds[0], CultureInfo.InvariantCulture, out var low)
                || !long.TryParse(bounds[1], CultureInfo.InvariantCulture, out var high))
            {
                throw Error(spec, $"space.{name}.int must be [low, high] integers, got [{string.Join(", ", bounds)}]");
            }

            return new IntegerParameter(name, low, high, log, condition);
        }

        private FloatParameter FloatRange(YamlMappingNode spec, string name, bool log, ParameterCondition? condition)
        {
            var bounds = Sequence(spec, "float");
            if (bounds.Count != 2 || !double.TryParse(bounds[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
                || !double.TryParse(bounds[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high))
            {
                throw Error(spec, $"space.{name}.float must be [low, high] numbers, got [{string.Join(", ", bounds)}]");
            }

            return new FloatParameter(name, low, high, log, condition);
        }

        private string ScalarText(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } text } ? text : throw Error(node, $"{what} must be a single value");

        private FormatException Error(YamlNode node, string message) => new($"{origin}, line {node.Start.Line}: {message}.");
    }
}
