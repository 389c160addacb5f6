using System.Security.Cryptography;
using System.Text;

namespace OlnmMl.Torch.Training;

/// <summary>
/// The fingerprint a resumable training state carries (<c>meta.fingerprint</c>): the first 8 bytes of the SHA-256 of the text
/// describing the training it belongs to, so a state of another training is refused instead of silently continued.
/// </summary>
internal static class CheckpointFingerprint
{
    /// <summary>The fingerprint of <paramref name="description"/>.</summary>
    public static long Of(string description) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(description)), 0);
}
