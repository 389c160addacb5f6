using OlnmMl.AutoML.Runner;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Routes the fusion trainer's epochs to the trial (<see cref="FusionTrainerOptions.Progress"/>): after epoch e
/// (0-based) its validation AUC is reported at step e (<see cref="TrialContext.Report"/>; an epoch without a
/// validation score, NaN, reports nothing), and when the study's pruner says so the training stops there by
/// throwing <see cref="TrialPrunedException"/>. The value is the validation AUC whatever the study's objective, so
/// pruning compares like with like only in studies whose objective is auc. Called synchronously by the training loop.
/// </summary>
/// <param name="context">The running trial.</param>
public sealed class FusionEpochReporter(TrialContext context) : IProgress<FusionEpochProgress>
{
    /// <inheritdoc />
    public void Report(FusionEpochProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (double.IsNaN(value.ValidationAuc))
        {
            return;
        }

        context.Report(value.Epoch, value.ValidationAuc);
        if (context.ShouldPrune())
        {
            throw new TrialPrunedException(value.Epoch);
        }
    }
}
