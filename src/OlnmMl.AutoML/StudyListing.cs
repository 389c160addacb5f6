using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML;

/// <summary>
/// <c>olnm sweep list</c>: the studies of a folder (every <c>NAME.db</c>, by name), each with its status, and the
/// <c>.db</c> files that are not readable studies with the reason (a damaged, foreign or newer-schema file is listed, not opened).
/// </summary>
/// <param name="Studies">The readable studies' status, by file name.</param>
/// <param name="Unreadable">Files that are not readable studies: path and the one-line reason (which names the path).</param>
public sealed record StudyListing(IReadOnlyList<StudyStatus> Studies, IReadOnlyList<(string Path, string Reason)> Unreadable)
{
    /// <summary>Lists <paramref name="directory"/>; an absent folder has no study.</summary>
    public static StudyListing Of(string directory = StudyLocation.DefaultDirectory)
    {
        var studies = new List<StudyStatus>();
        var unreadable = new List<(string, string)>();
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.db").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        foreach (var path in files)
        {
            try
            {
                using var store = SqliteStudyStore.Open(path);
                studies.Add(StudyStatus.Of(store, path));
            }
            catch (OlnmUserException e)
            {
                unreadable.Add((path, e.Message.Split('\n')[0]));
            }
        }

        return new StudyListing(studies, unreadable);
    }
}
