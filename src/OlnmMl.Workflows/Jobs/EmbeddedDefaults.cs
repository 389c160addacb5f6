namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The files the main job needs when the user names none: the quickstart experiment and the
/// main-job, PET and peritumoral radiomics recipes, embedded in this assembly so <c>olnm run</c> works from any folder.
/// </summary>
public static class EmbeddedDefaults
{
    /// <summary>Resource name of experiments/quickstart.yaml.</summary>
    public const string Experiment = "quickstart.yaml";

    /// <summary>Resource name of pipelines/radiomics/main-job.yaml.</summary>
    public const string RadiomicsSettings = "radiomics-main-job.yaml";

    /// <summary>Resource name of pipelines/radiomics/pet.yaml (the recipe of PET image keys).</summary>
    public const string PetRadiomicsSettings = "radiomics-pet.yaml";

    /// <summary>Resource name of pipelines/radiomics/peritumoral.yaml (the recipe of the <c>ct-peritumoral</c> radiomics key).</summary>
    public const string PeritumoralRadiomicsSettings = "radiomics-peritumoral.yaml";

    /// <summary>Writes the embedded resource <paramref name="name"/> into <paramref name="directory"/> (unless already identical) and returns its path.</summary>
    public static string Materialise(string name, string directory)
    {
        using var stream = typeof(EmbeddedDefaults).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded default '{name}' is missing from {typeof(EmbeddedDefaults).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            DurableFile.WriteAllText(path, text);
        }

        return path;
    }
}
