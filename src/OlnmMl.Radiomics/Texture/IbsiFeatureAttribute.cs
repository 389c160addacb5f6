namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Tags a texture feature formula with its 4-character IBSI identifier (e.g. "GYBY" for GLCM joint
/// maximum) and the short name it carries in <see cref="FeatureValue.Name"/> (IBSI's notation with
/// underscores, e.g. "joint_max" for F<sub>cm.joint.max</sub>). Every tagged method is evaluated by
/// its family's <c>Compute</c>; untagged methods are not features.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class IbsiFeatureAttribute : Attribute
{
    /// <summary>Tags a feature method with its IBSI code and short name.</summary>
    public IbsiFeatureAttribute(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>The 4-character IBSI identifier of the feature.</summary>
    public string Code { get; }

    /// <summary>The feature's short name within its family (e.g. "joint_max").</summary>
    public string Name { get; }
}
