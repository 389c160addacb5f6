namespace OlnmMl.AutoML.Tuners;

/// <summary>Settings of <see cref="SmacTuner"/>.</summary>
public sealed record SmacOptions
{
    /// <summary>Random configurations before the surrogate is used (at least 2).</summary>
    public int InitialRandomTrials { get; init; } = 10;

    /// <summary>Trees in the random-forest surrogate.</summary>
    public int Trees { get; init; } = 16;

    /// <summary>Minimum rows per leaf.</summary>
    public int MinLeafSize { get; init; } = 2;

    /// <summary>Uniformly random candidates scored by expected improvement per proposal.</summary>
    public int RandomCandidates { get; init; } = 256;

    /// <summary>Best observed configurations whose neighbourhoods are searched locally per proposal.</summary>
    public int LocalSearchStarts { get; init; } = 5;

    /// <summary>Neighbours drawn around each local-search start (Gaussian steps in unit space).</summary>
    public int NeighboursPerStart { get; init; } = 40;

    /// <summary>Largest SD of a local-search step in the unit-encoded space (steps use this, a quarter and a sixteenth of it).</summary>
    public double LocalStepSize { get; init; } = 0.1;

    /// <summary>Exploration margin ξ of expected improvement.</summary>
    public double Xi { get; init; } = 0.0;

    /// <summary>
    /// Most observations the surrogate is fitted on (the best half and the most recent half), which bounds the
    /// cost of a proposal in studies with many trials.
    /// </summary>
    public int MaxObservations { get; init; } = 200;
}
