namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The comparisons a study's report tests beyond those against its first model, as the fusion study's Table 3: the best
/// fusion model (the first whose name starts with <c>fusion</c>) against each single-source model (radiomics, deep,
/// clinical, …: every model whose name does not). Studies without a fusion model have none; their combined signature is
/// the first model, already compared with every signature.
/// </summary>
public static class ChosenPairs
{
    /// <summary>The pairs for <paramref name="models"/>, fusion first; empty when there is no fusion model or nothing else.</summary>
    public static IReadOnlyList<(string First, string Second)> Of(IReadOnlyList<ModelPredictions> models)
    {
        var fusion = models.FirstOrDefault(m => IsFusion(m.Model));
        return fusion is null ? [] : [.. models.Where(m => !IsFusion(m.Model)).Select(m => (fusion.Model, m.Model))];
    }

    private static bool IsFusion(string model) => model.StartsWith("fusion", StringComparison.Ordinal);
}
