using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Tests.Study;

public sealed class CaseMemoryTests
{
    [Fact]
    public void InputsAreKeptWhileTheyFitTheBudgetAndReturnedEitherWay()
    {
        var prepared = 0;
        var memory = new CaseMemory<float[]>(budgetBytes: 12, input => input.LongLength * sizeof(float));
        float[] Prepare(int length)
        {
            prepared++;
            return new float[length];
        }

        var a = memory.GetOrAdd("a", 2, Prepare); // 8 bytes: kept
        var b = memory.GetOrAdd("b", 2, Prepare); // 8 + 8 = 16 > 12: returned, not kept

        Assert.Same(a, memory.GetOrAdd("a", 2, Prepare));
        Assert.NotSame(b, memory.GetOrAdd("b", 2, Prepare));
        Assert.Equal(3, prepared); // a once, b twice
    }
}
