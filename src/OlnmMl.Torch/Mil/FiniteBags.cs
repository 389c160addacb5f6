namespace OlnmMl.Torch.Mil;

/// <summary>The check that a collated batch holds only finite values, run before a network reads it.</summary>
internal static class FiniteBags
{
    /// <summary>Throws naming the first bag (its index in the samples) with a NaN or ±∞ instance value.</summary>
    /// <exception cref="ArgumentException">A value of the batch is not finite.</exception>
    public static void Check(BagBatch batch, ReadOnlySpan<int> indices)
    {
        var values = batch.Instances;
        int bagLength = batch.InstancesPerBag * batch.InstanceLength;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"Bag {indices[i / bagLength]} has a non-finite instance value ({values[i]}).");
            }
        }
    }
}
