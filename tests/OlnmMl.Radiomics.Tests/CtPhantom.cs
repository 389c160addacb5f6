using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Radiomics.Tests;

/// <summary>
/// The IBSI CT radiomics phantom, which stays out of the repository (CC BY-NC 3.0). It is looked for, in
/// order, in <c>$OLNM_IBSI_CT_PHANTOM</c>, <c>$OLNM_SHARED/data/ibsi/ct_radiomics_phantom</c> and
/// <c>../shared/data/ibsi/ct_radiomics_phantom</c> beside the repository root; each must hold
/// <c>image/phantom.nii.gz</c> and <c>mask/mask.nii.gz</c>. Tests that need it call <see cref="Folder"/>:
/// when it is absent they are skipped with a message saying where to get it, or fail when
/// <c>OLNM_REQUIRE_SHARED_DATA=1</c> (set by <c>.ci/run</c>, whose machine has it).
/// </summary>
public static class CtPhantom
{
    /// <summary>Environment variable naming the phantom folder itself.</summary>
    public const string FolderVariable = "OLNM_IBSI_CT_PHANTOM";

    /// <summary>Environment variable naming a shared data root holding <c>data/ibsi/ct_radiomics_phantom</c>.</summary>
    public const string SharedVariable = "OLNM_SHARED";

    /// <summary>Environment variable that, set to 1, turns a missing phantom from a skip into a failure.</summary>
    public const string RequireVariable = "OLNM_REQUIRE_SHARED_DATA";

    private static readonly Dictionary<string, Lazy<FeatureSet>> Extractions =
        "abcde".ToDictionary(c => c.ToString(), c => new Lazy<FeatureSet>(() => Extract(c.ToString())));

    /// <summary>The phantom folder; skips the calling test (or fails it under <see cref="RequireVariable"/>) when absent.</summary>
    public static string Folder
    {
        get
        {
            var candidates = Candidates().ToArray();
            var found = candidates.FirstOrDefault(c => File.Exists(Image(c)) && File.Exists(Mask(c)));
            if (found is not null)
            {
                return found;
            }

            var message = "IBSI CT radiomics phantom not found (looked in " + string.Join(", ", candidates) + "). "
                + "Get ibsi_1_ct_radiomics_phantom (NIfTI) from https://github.com/theibsi/data_sets and set "
                + FolderVariable + " to its folder, or put it at ../shared/data/ibsi/ct_radiomics_phantom.";
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                throw new DirectoryNotFoundException(message + " " + RequireVariable + "=1 requires it.");
            }

            throw new SkipException(message);
        }
    }

    /// <summary>
    /// The features of configuration <paramref name="config"/> (a–e) as <c>olnm radiomics extract</c> computes
    /// them: <see cref="RadiomicsCommands.Extract"/> with the <c>ibsi-ct-{config}</c> preset file, once per run.
    /// </summary>
    public static FeatureSet Extraction(string config)
    {
        _ = Folder;
        return Extractions[config.ToLowerInvariant()].Value;
    }

    private static FeatureSet Extract(string config)
    {
        using var temp = new TempFolder();
        return RadiomicsCommands.Extract(Image(Folder), Mask(Folder), TestData.Preset("ibsi-ct-" + config), temp.File("features.csv"));
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder)
        {
            yield return Path.GetFullPath(folder);
        }

        if (Environment.GetEnvironmentVariable(SharedVariable) is { Length: > 0 } shared)
        {
            yield return Path.GetFullPath(Path.Combine(shared, "data", "ibsi", "ct_radiomics_phantom"));
        }

        yield return Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "data", "ibsi", "ct_radiomics_phantom"));
    }

    private static string Image(string folder) => Path.Combine(folder, "image", "phantom.nii.gz");

    private static string Mask(string folder) => Path.Combine(folder, "mask", "mask.nii.gz");
}
