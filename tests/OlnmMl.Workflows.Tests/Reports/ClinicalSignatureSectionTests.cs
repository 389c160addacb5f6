using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.AutoML.Runner;
using OlnmMl.Learners.Clinical;
using OlnmMl.Reporting.Html;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests.Reports;

public sealed class ClinicalSignatureSectionTests : IDisposable
{
    private static readonly string[] Names = ["age", "male", "diameter", "noise"];
    private readonly MLContext _ml = new(seed: 1);
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-signature-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void OddsRatioTable_PrintsOrCiAndP_AsThePapers()
    {
        // The 2×2 example (20/10 exposed, 10/30 unexposed): OR = 6, SE = 0.532291, 95% CI = e^(ln 6 ± 1.96·SE) = 2.114–17.031, p = 7.6e-4.
        var exposed = new LogisticCoefficient("exposed", Math.Log(6), 0.532291, 3.36613, 7.623e-4, 6, 2.11383, 17.03096);
        var other = new LogisticCoefficient("age", 0.0198, 0.01, 1.98, 0.0477, 1.02, 1.0002, 1.0402);
        var signature = new ClinicalSignature(
            [
                new ClinicalSignatureRow("exposed", exposed, exposed, SignatureEntry.InModel),
                new ClinicalSignatureRow("age", other, null, SignatureEntry.Eliminated),
                new ClinicalSignatureRow("male", null, null, SignatureEntry.NotEntered),
            ],
            [0], [new LogisticCoefficient("(Intercept)", -1, 0.3, -3, 0.001, 0.37, 0.2, 0.66), exposed], 0.05, true);

        var table = OddsRatioTable.Build(signature, "Clinical signature");

        Assert.Equal(["exposed", "6.000 (2.114–17.031)", "<0.001", "6.000 (2.114–17.031)", "<0.001"], table.Rows[0]);
        Assert.Equal(["age", "1.020 (1.000–1.040)", "0.048", "eliminated", ""], table.Rows[1]);
        Assert.Equal(["male", "n/a", "n/a", "not entered", ""], table.Rows[2]);
        Assert.StartsWith("variable,univariable OR (95% CI),univariable p,multivariable OR (95% CI),multivariable p\nexposed,6.000 (2.114–17.031),<0.001,", table.ToCsv());
    }

    [Fact]
    public void Nomogram_OfAFittedSignature_GivesTheModelsProbability()
    {
        var train = Cohort(200, seed: 1);
        var model = _ml.BinaryClassification.Trainers.ClinicalSignature(backwardElimination: true).Fit(train);

        var nomogram = ClinicalNomogram.From(model, train);

        Assert.Equal(model.Slots.Select(s => Names[s]), nomogram.Predictors.Select(p => p.Name));
        Assert.Contains(nomogram.Predictors, p => p.Name == "male" && p.Levels is [0, 1]);
        var test = Cohort(100, seed: 2);
        var features = test.GetColumn<float[]>("Features").ToArray();
        var probability = model.Transform(test).GetColumn<float>("Probability").ToArray();
        for (int i = 0; i < features.Length; i++)
        {
            var total = nomogram.TotalPoints([.. model.Slots.Select(s => (double)features[i][s])]);
            Assert.Equal(probability[i], nomogram.Risk(total), 1e-6);
        }
    }

    [Fact]
    public void Section_WritesTheOrTableNomogramCalibrationAndDecisionCurves()
    {
        var cohorts = new[] { ("train", CohortRole.Training, Cohort(200, 1)), ("validation", CohortRole.Selection, Cohort(80, 2)), ("test1", CohortRole.External, Cohort(80, 3)) };
        var model = _ml.BinaryClassification.Trainers.ClinicalSignature().Fit(cohorts[0].Item3);
        var predictions = new ModelPredictions("clinical signature", [.. cohorts.Select(c => Predictions(model, c.Item1, c.Item2, c.Item3))]);

        var section = ClinicalSignatureSection.Build(model, cohorts[0].Item3, predictions);
        var html = File.ReadAllText(section.AddTo(new HtmlReport("study")).Write(_directory));

        Assert.Contains("<h2>clinical signature</h2>", html);
        Assert.Contains("Wald p &lt; 0.05 entered", html);
        Assert.Equal(["train (training)", "validation", "test1"], section.Calibration.Rows.Select(r => r[1]));
        foreach (var figure in new[] { ClinicalSignatureSection.NomogramFigureName, ClinicalSignatureSection.CalibrationFigureName, ClinicalSignatureSection.DecisionCurvesFigureName })
        {
            Assert.True(File.Exists(Path.Combine(_directory, figure + ".png")), figure);
            Assert.True(File.Exists(Path.Combine(_directory, figure + ".svg")), figure);
        }

        var csv = Directory.GetFiles(_directory, "table1-*.csv").Single();
        Assert.Equal(Names.Length + 1, File.ReadAllLines(csv).Length);
    }

    private static CohortPredictions Predictions(ClinicalLogisticTransformer model, string name, CohortRole role, IDataView data)
    {
        var labels = data.GetColumn<bool>("Label").ToArray();
        var p = model.Transform(data).GetColumn<float>("Probability").Select(v => (double)v).ToArray();
        return new CohortPredictions(name, role, [.. Enumerable.Range(0, labels.Length).Select(i => $"{name}-{i}")], labels, p);
    }

    /// <summary>Simulated cases: logit P(pN+) = −8.5 + 0.06·age + 1.6·male + 0.25·diameter; noise unrelated.</summary>
    private IDataView Cohort(int n, int seed)
    {
        var random = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var rows = Enumerable.Range(0, n).Select(_ =>
        {
            float age = (float)Math.Round(62 + 10 * Gauss()), male = random.Next(2), diameter = (float)Math.Round((12 + 4 * Gauss()) * 4) / 4, noise = (float)Gauss();
            var eta = -8.5 + 0.06 * age + 1.6 * male + 0.25 * diameter;
            return new Row { Features = [age, male, diameter, noise], Label = random.NextDouble() < 1 / (1 + Math.Exp(-eta)) };
        }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Names.Length);
        schema[nameof(Row.Features)].AddAnnotation("SlotNames", new VBuffer<ReadOnlyMemory<char>>(Names.Length, [.. Names.Select(s => s.AsMemory())]),
            new VectorDataViewType(TextDataViewType.Instance, Names.Length));
        return _ml.Data.LoadFromEnumerable(rows, schema);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
