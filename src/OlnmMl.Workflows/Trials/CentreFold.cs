using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// One fold of leave-one-centre-out selection: a model is fitted on the development cases of every centre but
/// <see cref="HeldOutCentre"/> and scores that centre's development cases as the Selection cohort <see cref="Cohort"/>.
/// </summary>
/// <param name="Cohort">The fold's Selection cohort name, <c>loco-&lt;centre&gt;</c>.</param>
/// <param name="HeldOutCentre">The centre the fold holds out.</param>
/// <param name="TrainingCentres">The other development centres, ordinal order.</param>
/// <param name="Training">Development cases of <paramref name="TrainingCentres"/>: everything the fold fits on.</param>
/// <param name="HeldOut">Development cases of <paramref name="HeldOutCentre"/>: scored only.</param>
public sealed record CentreFold(
    string Cohort, string HeldOutCentre, IReadOnlyList<string> TrainingCentres, IReadOnlyList<StudyCase> Training, IReadOnlyList<StudyCase> HeldOut)
{
    /// <summary>The cohort-name prefix of a fold.</summary>
    public const string CohortPrefix = "loco-";

    /// <summary>One fold per centre of <paramref name="development"/>, centres in ordinal order.</summary>
    /// <exception cref="OlnmUserException">Fewer than two development centres (nothing to hold out and train on).</exception>
    public static IReadOnlyList<CentreFold> Of(IReadOnlyList<StudyCase> development, string manifestPath)
    {
        var centres = development.Select(c => c.Case.Centre).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (centres.Length < 2)
        {
            throw new OlnmUserException(
                manifestPath,
                $"leave-one-centre-out selection needs at least two development centres (train and validation cases); found {centres.Length} ({string.Join(", ", centres)})");
        }

        return centres.Select(held => new CentreFold(
            CohortPrefix + held,
            held,
            centres.Where(c => c != held).ToArray(),
            development.Where(c => c.Case.Centre != held).ToArray(),
            development.Where(c => c.Case.Centre == held).ToArray())).ToArray();
    }
}
