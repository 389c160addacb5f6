namespace OlnmMl.Learners.Data;

/// <summary>ML.NET's annotation kinds used here (the values of <c>AnnotationUtils.Kinds</c>, which is internal).</summary>
internal static class AnnotationNames
{
    public const string SlotNames = "SlotNames";
}
