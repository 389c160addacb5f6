using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests;

/// <summary>Paths to the repository, its presets and the committed IBSI digital phantom (the CT phantom: <see cref="CtPhantom"/>).</summary>
public static class TestData
{
    /// <summary>The folder holding OlnmMl.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException($"No folder holding OlnmMl.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The IBSI digital phantom and its reference values, committed under Data/ibsi_digital_phantom (CC BY 4.0).</summary>
    public static string DigitalPhantomFolder => Path.Combine(RepositoryRoot, "tests", "OlnmMl.Radiomics.Tests", "Data", "ibsi_digital_phantom");

    /// <summary>The digital phantom's reference table.</summary>
    public static string DigitalPhantomReferenceValues => Path.Combine(DigitalPhantomFolder, "reference_values.csv");

    /// <summary>The digital phantom image.</summary>
    public static string PhantomImage => Path.Combine(DigitalPhantomFolder, "image", "phantom.nii.gz");

    /// <summary>The digital phantom mask.</summary>
    public static string PhantomMask => Path.Combine(DigitalPhantomFolder, "mask", "mask.nii.gz");

    /// <summary>A preset under pipelines/radiomics/.</summary>
    public static string Preset(string name) => Path.Combine(RepositoryRoot, "pipelines", "radiomics", name + ".yaml");

    /// <summary>A preset, loaded.</summary>
    public static RadiomicsSettings LoadPreset(string name) => RadiomicsSettingsYaml.Load(Preset(name));
}
