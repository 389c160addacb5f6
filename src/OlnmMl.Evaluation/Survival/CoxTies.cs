namespace OlnmMl.Evaluation.Survival;

/// <summary>How the Cox partial likelihood treats d events at one time (R's <c>coxph(ties = ...)</c>).</summary>
public enum CoxTies
{
    /// <summary>Efron (R's default): the l-th of the d tied events (l = 0 … d − 1) sees the risk sum less l/d of the tied events' sum.</summary>
    Efron,

    /// <summary>Breslow: every tied event sees the whole risk set.</summary>
    Breslow,
}
