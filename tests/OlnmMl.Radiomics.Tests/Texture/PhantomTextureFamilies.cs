using OlnmMl.Radiomics.Texture;

namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>The texture families by their name in the IBSI reference table, with default settings.</summary>
public static class PhantomTextureFamilies
{
    public static readonly IReadOnlyDictionary<string, Func<DiscretisedRoi, IReadOnlyList<FeatureValue>>> ByReferenceName =
        new Dictionary<string, Func<DiscretisedRoi, IReadOnlyList<FeatureValue>>>
        {
            ["Grey level co-occurrence based features"] = Glcm.Compute,
            ["Grey level run length based features"] = Glrlm.Compute,
            ["Grey level size zone based features"] = Glszm.Compute,
            ["Grey level distance zone based features"] = Gldzm.Compute,
            ["Neighbourhood grey tone difference based features"] = Ngtdm.Compute,
            ["Neighbouring grey level dependence based features"] = Ngldm.Compute,
        };

    /// <summary>The family types whose tagged methods are features.</summary>
    public static readonly IReadOnlyList<Type> Types = [typeof(Glcm), typeof(Glrlm), typeof(Glszm), typeof(Gldzm), typeof(Ngtdm), typeof(Ngldm)];

    /// <summary>The reference table's aggregation label as the IBSI code our features carry.</summary>
    public static string AggregationCode(string referenceAggregation) => referenceAggregation switch
    {
        "2D" => "8QNN",
        "2.5D" => "62GR",
        "3D" => "KOBO",
        _ => referenceAggregation,
    };
}
