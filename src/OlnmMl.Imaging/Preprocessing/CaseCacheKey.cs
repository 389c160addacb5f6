using System.Security.Cryptography;
using System.Text;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// The identity of a recipe's output for one case: hex SHA-256 over the recipe's fingerprint, then for each image the
/// recipe reads (its channels, the mask and the CT, each once in that order) <c>key=content-sha256;</c>. An edited
/// image or a changed setting gives a new key, so a cache never returns a stale entry.
/// </summary>
public static class CaseCacheKey
{
    /// <summary>The key of the recipe with <paramref name="fingerprint"/> and channel keys <paramref name="channelKeys"/> over <paramref name="images"/>.</summary>
    /// <exception cref="VolumeFormatException">The case lacks an image the recipe reads, or one cannot be read.</exception>
    public static string Of(FileFingerprints fingerprints, string fingerprint, IEnumerable<string> channelKeys, IReadOnlyDictionary<string, string> images)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(fingerprint));
        foreach (var key in channelKeys.Append(CasePreprocessor.MaskKey).Append(CasePreprocessor.ReferenceKey).Distinct())
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{key}={fingerprints.Of(ResampledCase.PathOf(images, key)).Sha256};"));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
