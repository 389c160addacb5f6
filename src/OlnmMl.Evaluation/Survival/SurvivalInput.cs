namespace OlnmMl.Evaluation.Survival;

/// <summary>Checks shared by every survival statistic: equal lengths, finite non-negative times, at least one event.</summary>
internal static class SurvivalInput
{
    public static int Validate(ReadOnlySpan<double> time, ReadOnlySpan<bool> events)
    {
        CaseSet.RequireSameLength(time.Length, events.Length, "time", "events");
        int eventCount = 0;
        for (int i = 0; i < time.Length; i++)
        {
            if (!double.IsFinite(time[i]) || time[i] < 0)
            {
                throw new OlnmUserException($"survival time of case {i} is {time[i]}; expected a finite time ≥ 0");
            }

            if (events[i]) eventCount++;
        }

        if (eventCount == 0)
        {
            throw new OlnmUserException($"none of the {time.Length} cases has an event (event = 1); survival statistics need at least one");
        }

        return eventCount;
    }

    /// <summary>Case indices sorted by time, ascending (the order within equal times is unspecified).</summary>
    public static int[] OrderByTime(ReadOnlySpan<double> time)
    {
        var order = new int[time.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = time.ToArray();
        Array.Sort(keys, order);
        return order;
    }
}
