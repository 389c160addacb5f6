using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.PyRadiomics;

/// <summary>A PyRadiomics parameter file converted to a recipe (<see cref="PyRadiomicsParams"/>).</summary>
/// <param name="Settings">The recipe.</param>
/// <param name="Notes">One line per item without an exact equivalent, e.g. "imageType LBP2D: no equivalent, skipped".</param>
/// <param name="Defaults">The PyRadiomics defaults taken where the file is silent, e.g. "binWidth 25".</param>
public sealed record PyRadiomicsImport(RadiomicsSettings Settings, IReadOnlyList<string> Notes, IReadOnlyList<string> Defaults)
{
    /// <summary>The recipe YAML, its header comment naming <paramref name="source"/>, the defaults taken and the notes.</summary>
    public string ToRecipeYaml(string source)
    {
        string[] header =
        [
            $"Converted from the PyRadiomics parameter file {Path.GetFileName(source)} by olnm radiomics settings import.",
            "PyRadiomics defaults taken where the file is silent: " + (Defaults.Count == 0 ? "none" : string.Join("; ", Defaults)) + ".",
            "binWidth is fixed_bin_size with bin_origin zero: PyRadiomics' bin edges at multiples of the width, level = ⌊x/w⌋ − ⌊x_min/w⌋ + 1.",
            "Features are named as PyRadiomics names them (names: pyradiomics) where it has the feature.",
            .. Notes.Select(n => "Not converted exactly: " + n),
        ];
        return RadiomicsSettingsWriter.ToYaml(Settings, header);
    }
}
