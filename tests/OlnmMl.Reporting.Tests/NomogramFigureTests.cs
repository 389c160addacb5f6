using System.Net;
using System.Text.RegularExpressions;
using OlnmMl.Evaluation.Clinical;
using OlnmMl.Reporting.Figures;

namespace OlnmMl.Reporting.Tests;

public sealed class NomogramFigureTests
{
    // logit P = −3 + 0.05·age + 0.8·male − 0.02·density; age 30–80 (δ = 2.5 = M), male 0/1, density 10–60 HU.
    private static readonly Nomogram Model = new(-3,
    [
        new NomogramPredictor("age", 0.05, 30, 80, null),
        new NomogramPredictor("male", 0.8, 0, 1, [0, 1]),
        new NomogramPredictor("density", -0.02, 10, 60, null),
    ]);

    [Fact]
    public void Nomogram_DrawsEveryAxisWithItsTicks_AsPngAndSvg()
    {
        var figure = NomogramFigure.Build(Model, "Risk of pN+");

        var svg = FigureFile.ToSvg(figure, 900, 500);
        var png = FigureFile.ToPng(figure, 900, 500);

        Assert.True(png.Length > 5000, $"PNG of {png.Length} bytes");
        var labels = Regex.Matches(svg, @"<text[^>]*>\s*(.*?)\s*</text>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(["Points", "age", "male", "density", "Total Points", "Risk of pN+"], labels.Where(l => l.Any(char.IsLetter)).Distinct());
        // Tick values: Points 0–100 by 10, age 30–80 by 10, male 0/1, density 10–60, total points 0–150 by 50, risk 0.1–0.8.
        string[] ticks = ["0", "1", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100", "150", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8"];
        Assert.Equal(ticks.Order(), labels.Where(l => !l.Any(char.IsLetter)).Distinct().Order());

        // Risk ticks: η = −2.7 + 0.025·T over 0 … 172 points (T_max = 100 + 32 + 40), risk 0.063 … 0.846.
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], Model.RiskTicks);
        Assert.Equal(172, Model.MaxTotalPoints, 9);
    }
}
