namespace OlnmMl.Workflows.Jobs;

/// <summary>What a trial kind reads besides the study table, so the job prepares only what its kinds use.</summary>
public enum TrialInput
{
    /// <summary>Only the table: radiomics and clinical variables.</summary>
    Table,

    /// <summary>Network-ready cube crops (<see cref="Study.StudyImages"/>).</summary>
    Crops,

    /// <summary>Slice bags of 2.5D instances (<see cref="Study.StudyBags"/>).</summary>
    Bags,
}
