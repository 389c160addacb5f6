namespace OlnmMl.Workflows.Diagnostics;

/// <summary>How one <c>olnm doctor</c> check came out.</summary>
public enum CheckOutcome
{
    /// <summary>Works.</summary>
    Ok,

    /// <summary>Works, with something the user should know (e.g. no CUDA: deep trials run on the CPU).</summary>
    Note,

    /// <summary>Does not work: the job would fail on it.</summary>
    Fail,
}

/// <summary>One line of <c>olnm doctor</c>: what was checked, how it came out, and what was found.</summary>
/// <param name="Subject">What was checked (e.g. <c>libtorch</c>).</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Finding">What was found: versions, paths, sizes, or the error.</param>
public sealed record EnvironmentCheck(string Subject, CheckOutcome Outcome, string Finding);
