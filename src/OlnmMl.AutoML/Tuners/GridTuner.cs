using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// Exhaustive grid: trial n gets grid point n (<see cref="Spaces.SearchSpace.Grid"/> order); null after the last point.
/// Numeric parameters take <c>resolution</c> evenly spaced values on their (log) scale.
/// </summary>
public sealed class GridTuner : ITuner
{
    private readonly IReadOnlyList<ParameterSet> _grid;

    /// <summary>Creates a grid over <paramref name="space"/>.</summary>
    public GridTuner(Spaces.SearchSpace space, int resolution = 5)
    {
        ArgumentNullException.ThrowIfNull(space);
        _grid = space.Grid(resolution);
    }

    /// <summary>Number of grid points.</summary>
    public int Count => _grid.Count;

    /// <inheritdoc />
    public string Name => "grid";

    /// <inheritdoc />
    public TrialSuggestion? Propose(int trialNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trialNumber);
        return trialNumber < _grid.Count ? new TrialSuggestion(_grid[trialNumber]) : null;
    }

    /// <inheritdoc />
    public void Tell(TunerObservation observation) => ArgumentNullException.ThrowIfNull(observation);
}
