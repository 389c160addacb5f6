using System.Globalization;
using OlnmMl.AutoML.Ensembles;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Evaluation.CrossCohort;

namespace OlnmMl.AutoML.Leaderboard;

/// <summary>
/// Builds the leaderboard from the per-case predictions stored with each complete trial, using OlnmMl.Evaluation:
/// <see cref="CrossCohortEvaluation.Evaluate"/> per trial (Youden cut-off fitted on the Training cohort — or, when a
/// trial returned none, on its first Selection cohort — carried unchanged to every other cohort), and per cohort the
/// paired DeLong test of every trial against the rank-1 trial (the selected model), as <see cref="ReferenceComparison"/> states
/// for the leaderboard and the study report alike. With a <see cref="LeaderboardReference"/>, also the
/// reference's AUC per cohort (on the cases of the first trial that scored it) and each model's share of the attainable lift.
/// With <see cref="EnsembleOptions"/>, also a weighted ensemble of the best trials (<see cref="SelectionEnsemble"/>) as its
/// own row, of kind <c>ensemble</c> and trial number −1, ranked by its (in-sample) selection objective.
/// </summary>
public static class LeaderboardBuilder
{
    /// <summary>
    /// Builds the table for <paramref name="trials"/>; predictions are read relative to <paramref name="artefactRoot"/>.
    /// <paramref name="reference"/>, when given, adds its AUC per cohort and each model's share of the attainable lift;
    /// <paramref name="ensemble"/>, when given and at least two trials are complete, the ensemble row; <paramref name="decisions"/>
    /// are printed after the leakage notes (which cohorts each decision saw).
    /// </summary>
    public static LeaderboardTable Build(
        string study, ExperimentDefinition experiment, IEnumerable<TrialRecord> trials, string artefactRoot, LeaderboardReference? reference = null,
        EnsembleOptions? ensemble = null, IReadOnlyList<string>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(trials);
        var notes = new List<string>();
        var evaluated = new List<(TrialRecord Trial, CrossCohortSummary Summary, IReadOnlyList<CohortPredictions> Predictions)>();
        var complete = trials.Where(t => t is { Status: TrialStatus.Complete, Objective: not null })
            .OrderBy(t => SelectionObjective.ToLoss(experiment.Objective, t.Objective!.Value))
            .ThenBy(t => t.Number);
        foreach (var trial in complete)
        {
            if (!trial.Artefacts.TryGetValue("predictions", out var relative) || !File.Exists(Path.Combine(artefactRoot, relative)))
            {
                notes.Add($"Trial {trial.Number} is left out: its predictions file is missing.");
                continue;
            }

            var predictions = PredictionsFile.Read(Path.Combine(artefactRoot, relative));
            var training = predictions.FirstOrDefault(p => p.Role == CohortRole.Training)
                ?? predictions.First(p => p.Role == CohortRole.Selection);
            if (training.Role != CohortRole.Training)
            {
                notes.Add($"Trial {trial.Number} returned no Training cohort; its cut-off was fitted on selection cohort '{training.Cohort}'.");
            }

            evaluated.Add(Evaluate(trial, predictions, training));
        }

        if (ensemble is not null && evaluated.Count >= 2)
        {
            evaluated.Add(EnsembleRow(experiment, evaluated.Take(ensemble.Pool).ToArray(), ensemble.Rounds));
            evaluated = [.. evaluated.OrderBy(e => SelectionObjective.ToLoss(experiment.Objective, e.Trial.Objective!.Value))];
            notes.Add($"Ensemble (trial −1): greedy ensemble selection (Caruana et al. 2004) over the {Math.Min(ensemble.Pool, evaluated.Count - 1)} best trials by the selection objective, "
                + $"{ensemble.Rounds} rounds with replacement, cut back to its best round; weights = counts / rounds, fitted on the selection cohorts' predictions only "
                + "(so its selection objective is in-sample), then the weighted mean of the members' probabilities scores every other cohort.");
        }

        var cohortOrder = evaluated.SelectMany(e => e.Predictions).Where(p => p.Role != CohortRole.Training)
            .OrderBy(p => p.Role).Select(p => (p.Cohort, p.Role)).Distinct().ToArray();
        var tests = cohortOrder.ToDictionary(c => c.Cohort, c => CompareWithReference(c.Cohort, evaluated.Select(e => e.Predictions).ToArray()));
        var referenceAucs = reference is null ? null : cohortOrder.ToDictionary(
            c => c.Cohort, c => reference.Auc(evaluated.SelectMany(e => e.Predictions).First(p => p.Cohort == c.Cohort)));
        var rows = evaluated.Select((e, index) => new LeaderboardRow(
            index + 1,
            e.Trial,
            e.Summary.TrainingCohort,
            e.Summary.TrainingCutoff.Threshold,
            e.Summary.AverageAuc,
            e.Summary.Cohorts.Where(m => !m.IsTraining).ToDictionary(
                m => m.Cohort,
                m =>
                {
                    var role = cohortOrder.First(c => c.Cohort == m.Cohort).Role;
                    var (isReference, p, adjusted) = tests[m.Cohort][index];
                    var share = referenceAucs is null ? double.NaN : LeaderboardReference.LiftShare(m.Auc.Auc, referenceAucs[m.Cohort]);
                    return new LeaderboardCell(role, m, isReference, p, adjusted, share);
                }))).Select(r => r with { AverageLiftShare = LeaderboardReference.FiniteMean(r.Cells.Values.Select(c => c.LiftShare)) }).ToArray();

        notes.InsertRange(0,
        [
            $"Models are ranked by the selection objective ({experiment.Objective}) computed only on training-centre hold-outs. "
                + SelectionStatement.DecisionsSaw(experiment.Data.Selection, experiment.Objective),
            $"External cohorts ({string.Join(", ", cohortOrder.Where(c => c.Role == CohortRole.External).Select(c => c.Cohort))}) were scored for this table only and never seen by the tuner.",
            "Sensitivity, specificity, PPV and NPV use the Youden cut-off fixed on the training cohort. AUC CIs: DeLong; "
                + "p: " + ReferenceComparison.Statement(evaluated.Count > 0 ? $"the selected model (rank 1, trial {evaluated[0].Trial.Number})" : "the selected model (rank 1)") + " aAUC: mean (SD) over non-training cohorts.",
            .. decisions ?? [],
        ]);
        return new LeaderboardTable(
            study,
            experiment.Objective,
            cohortOrder.Where(c => c.Role == CohortRole.Selection).Select(c => c.Cohort).ToArray(),
            cohortOrder.Where(c => c.Role == CohortRole.External).Select(c => c.Cohort).ToArray(),
            rows,
            notes,
            reference is null ? null : new ReferenceAucs(reference.Name, reference.Description, referenceAucs!, LeaderboardReference.FiniteMean(referenceAucs!.Values)));
    }

    /// <summary>The trial number of the ensemble's row.</summary>
    public const int EnsembleNumber = -1;

    // The ensemble of `members` (best first) as a trial of its own, evaluated as the trials are.
    private static (TrialRecord Trial, CrossCohortSummary Summary, IReadOnlyList<CohortPredictions> Predictions) EnsembleRow(
        ExperimentDefinition experiment, IReadOnlyList<(TrialRecord Trial, CrossCohortSummary Summary, IReadOnlyList<CohortPredictions> Predictions)> members, int rounds)
    {
        var (weights, predictions) = SelectionEnsemble.Fit(experiment.Objective, [.. members.Select(m => m.Predictions)], rounds);
        var record = new TrialRecord
        {
            Number = EnsembleNumber,
            Status = TrialStatus.Complete,
            Parameters = new ParameterSet([
                new(ExperimentDefinition.TrialKindParameter, ParameterValue.Of(SelectionEnsemble.Kind)),
                new("members", ParameterValue.Of(string.Join(" + ", members.Zip(weights).Where(p => p.Second > 0)
                    .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Second:0.###}×#{p.First.Trial.Number}"))))),
            ]),
            Seed = experiment.Seed,
            StartedAt = members.Max(m => m.Trial.StartedAt),
            Objective = SelectionObjective.Compute(experiment.Objective, predictions),
        };
        return Evaluate(record, predictions, predictions.FirstOrDefault(p => p.Role == CohortRole.Training) ?? predictions.First(p => p.Role == CohortRole.Selection));
    }

    private static (TrialRecord Trial, CrossCohortSummary Summary, IReadOnlyList<CohortPredictions> Predictions) Evaluate(
        TrialRecord trial, IReadOnlyList<CohortPredictions> predictions, CohortPredictions training)
    {
        var others = predictions.Where(p => p.Role != CohortRole.Training && !ReferenceEquals(p, training)).Select(Scores).ToArray();
        return (trial, CrossCohortEvaluation.Evaluate($"trial {trial.Number}", Scores(training), others), predictions);
    }

    private static CohortScores Scores(CohortPredictions p) => new(p.Cohort, p.Probabilities.ToArray(), p.Labels.ToArray());

    /// <summary>Per trial on <paramref name="cohort"/>: whether it is the reference (rank 1), and its <see cref="ReferenceComparison"/> p, raw and adjusted.</summary>
    private static (bool IsReference, double P, double Adjusted)[] CompareWithReference(string cohort, IReadOnlyList<IReadOnlyList<CohortPredictions>> trials)
    {
        var perTrial = trials.Select(t => t.FirstOrDefault(p => p.Cohort == cohort)).ToArray();
        if (perTrial.Length == 0 || perTrial[0] is not { } reference)
        {
            return [.. perTrial.Select(_ => (false, double.NaN, double.NaN))];
        }

        var tests = ReferenceComparison.AgainstReference(reference, perTrial);
        return [.. tests.Select((t, i) => (i == 0, t.Test?.PValue ?? double.NaN, t.Adjusted))];
    }
}
