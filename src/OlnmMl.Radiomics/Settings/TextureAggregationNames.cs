namespace OlnmMl.Radiomics.Settings;

/// <summary>
/// Feature-name suffixes of the IBSI texture aggregation methods (IBSI's own naming): 2d_avg (BTW3),
/// 2d_s_mrg (SUJT), 2_5d_d_mrg (JJUI), 2_5d_v_mrg (ZW7Z), 3d_avg (ITBB), 3d_v_mrg (IAZD); families without
/// directions use 2d (8QNN), 2_5d (62GR) and 3d (KOBO).
/// </summary>
public static class TextureAggregationNames
{
    /// <summary>The six directional suffixes, in IBSI order.</summary>
    public static IReadOnlyList<string> All { get; } = ["2d_avg", "2d_s_mrg", "2_5d_d_mrg", "2_5d_v_mrg", "3d_avg", "3d_v_mrg"];

    /// <summary>The suffix of an IBSI aggregation code, or "" for none.</summary>
    public static string Suffix(string ibsiCode) => ibsiCode switch
    {
        "BTW3" => "2d_avg",
        "SUJT" => "2d_s_mrg",
        "JJUI" => "2_5d_d_mrg",
        "ZW7Z" => "2_5d_v_mrg",
        "ITBB" => "3d_avg",
        "IAZD" => "3d_v_mrg",
        "8QNN" => "2d",
        "62GR" => "2_5d",
        "KOBO" => "3d",
        _ => "",
    };
}
