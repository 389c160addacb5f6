using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests;

/// <summary>Paths to the repository, its presets and the shared IBSI data (../shared/data/ibsi next to the repository).</summary>
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

    /// <summary>../shared/data/ibsi relative to the repository root.</summary>
    public static string IbsiFolder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "ibsi"));
            return Directory.Exists(folder)
                ? folder
                : throw new DirectoryNotFoundException($"IBSI data not found at {folder}; get it from https://github.com/theibsi/data_sets.");
        }
    }

    /// <summary>The digital phantom image.</summary>
    public static string PhantomImage => Path.Combine(IbsiFolder, "digital_phantom", "image", "phantom.nii.gz");

    /// <summary>The digital phantom mask.</summary>
    public static string PhantomMask => Path.Combine(IbsiFolder, "digital_phantom", "mask", "mask.nii.gz");

    /// <summary>A preset under pipelines/radiomics/.</summary>
    public static string Preset(string name) => Path.Combine(RepositoryRoot, "pipelines", "radiomics", name + ".yaml");

    /// <summary>A preset, loaded.</summary>
    public static RadiomicsSettings LoadPreset(string name) => RadiomicsSettingsYaml.Load(Preset(name));
}
