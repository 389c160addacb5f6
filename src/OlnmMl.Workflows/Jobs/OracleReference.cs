using OlnmMl.AutoML.Leaderboard;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The leaderboard's oracle: the synthetic generator's own label model, read from the truth file it writes beside the
/// manifest (<see cref="SyntheticTruth"/>). It is the leaderboard's reference only; no pipeline or feature reader opens the file.
/// </summary>
public static class OracleReference
{
    /// <summary>What the oracle is, as the leaderboard's note says it.</summary>
    public const string Description =
        "the synthetic generator's own label model (its probability of the target from the latent patient factors, centre shift included), "
        + "read from the truth file beside the manifest; not achievable from the images and clinical variables alone.";

    /// <summary>
    /// The oracle of <paramref name="target"/> for the study whose manifest is <paramref name="manifestPath"/>, or null
    /// when no truth file lies beside it or the file does not model the target.
    /// </summary>
    public static LeaderboardReference? Of(string manifestPath, string target)
    {
        var truthPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, SyntheticTruth.FileName);
        return File.Exists(truthPath) && SyntheticTruth.ReadProbabilities(truthPath, target) is { } probabilities
            ? new LeaderboardReference("oracle", Description, probabilities)
            : null;
    }
}
