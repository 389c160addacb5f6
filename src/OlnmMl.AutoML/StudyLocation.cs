namespace OlnmMl.AutoML;

/// <summary>Where a study lives: <c>DIR/NAME.db</c> (the SQLite store) and <c>DIR/NAME.artefacts/</c> (one folder per trial).</summary>
/// <param name="DatabasePath">Path of the study's SQLite file.</param>
public sealed record StudyLocation(string DatabasePath)
{
    /// <summary>The default folder for studies, relative to the working directory.</summary>
    public const string DefaultDirectory = "studies";

    /// <summary>Folder of the trials' artefacts.</summary>
    public string ArtefactRoot => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, Path.GetFileNameWithoutExtension(DatabasePath) + ".artefacts");

    /// <summary>The location of study <paramref name="name"/> in <paramref name="directory"/>.</summary>
    public static StudyLocation ForName(string name, string directory = DefaultDirectory) => new(Path.Combine(directory, name + ".db"));

    /// <summary>
    /// Accepts a path to a study file or a study name (looked up as <c>DIR/NAME.db</c>); throws naming both
    /// candidates when neither exists.
    /// </summary>
    public static StudyLocation Resolve(string studyOrPath, string directory = DefaultDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyOrPath);
        if (File.Exists(studyOrPath))
        {
            return new StudyLocation(studyOrPath);
        }

        var byName = ForName(studyOrPath, directory);
        return File.Exists(byName.DatabasePath)
            ? byName
            : throw new FileNotFoundException($"No study '{studyOrPath}': neither the file '{studyOrPath}' nor '{byName.DatabasePath}' exists.");
    }
}
