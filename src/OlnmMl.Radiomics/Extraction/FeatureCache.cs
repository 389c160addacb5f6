using OlnmMl.Imaging.IO;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>
/// On-disk cache of extractions keyed by SHA-256(image file) · SHA-256(mask file) · recipe key (recipe hash and mask label), so a sweep
/// never extracts the same case twice. Entries are text files (format version 1) written atomically
/// (<see cref="DurableFile"/>); an unreadable or foreign entry is recomputed.
/// </summary>
public sealed class FeatureCache
{
    private const string Header = "olnm-radiomics-cache 1";

    private readonly FileFingerprints _fingerprints = new();

    /// <summary>Uses (and creates) <paramref name="directory"/>.</summary>
    public FeatureCache(string directory)
    {
        Directory.CreateDirectory(directory);
        Folder = directory;
    }

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    /// <summary>The cached features of (image, mask) under <paramref name="extractor"/>'s recipe, extracting and storing them on a miss.</summary>
    /// <exception cref="Imaging.VolumeFormatException">A file is missing, unreadable or fails the input checks.</exception>
    public FeatureSet GetOrExtract(RadiomicsExtractor extractor, string imagePath, string maskPath) =>
        GetOrExtract(extractor, imagePath, maskPath, new RowKey(extractor.RecipeKey, _fingerprints.Of(imagePath), _fingerprints.Of(maskPath)));

    /// <summary>As <see cref="GetOrExtract(RadiomicsExtractor, string, string)"/> with the files' fingerprints already known (<paramref name="key"/>).</summary>
    public FeatureSet GetOrExtract(RadiomicsExtractor extractor, string imagePath, string maskPath, RowKey key)
    {
        var path = Path.Combine(Folder, Key(key) + ".tsv");
        if (TryRead(path) is { } cached)
        {
            return cached;
        }

        var set = extractor.Extract(imagePath, maskPath);
        Write(path, set);
        return set;
    }

    /// <summary>
    /// Version of the feature computations; bump it whenever any feature's value can change for the same
    /// inputs (it is part of every cache key, so cached features of an older algorithm are never reused).
    /// 2: Lorensen–Cline mesh table with hole filling; exact Moran's I / Geary's C.
    /// 3: masks binarised before interpolation; inputs checked at the door (no NaN rows for unusable cases).
    /// </summary>
    public const int AlgorithmVersion = 3;

    /// <summary>The cache key: hex SHA-256 of the two content hashes, the recipe key and <see cref="AlgorithmVersion"/>.</summary>
    public static string Key(RowKey key)
    {
        var text = $"{key.Image.Sha256}|{key.Mask.Sha256}|{key.Recipe}|v{AlgorithmVersion}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Hex SHA-256 of a file's bytes.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    public static string FileHash(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Radiomics input '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static FeatureSet? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            return null;
        }

        var warnings = new List<string>();
        var features = new List<NamedFeature>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split('\t');
            if (fields[0] == "w" && fields.Length == 2)
            {
                warnings.Add(fields[1]);
            }
            else if (fields[0] == "f" && fields.Length == 5)
            {
                features.Add(new NamedFeature(fields[1], fields[2], fields[3], double.Parse(fields[4], CultureInfo.InvariantCulture)));
            }
            else
            {
                return null;
            }
        }

        return new FeatureSet(features, warnings);
    }

    private static void Write(string path, FeatureSet set)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var w in set.Warnings)
        {
            text.Append("w\t").AppendLine(w.Replace('\t', ' ').Replace('\n', ' '));
        }

        foreach (var f in set.Features)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"f\t{f.Name}\t{f.IbsiFeature}\t{f.IbsiAggregation}\t{f.Value:R}");
        }

        DurableFile.WriteAllText(path, text.ToString());
    }
}
