using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Networks;

/// <summary>
/// Writes a multi-instance model as one ONNX graph: input <c>instances</c> [B, N, C, H, W] and
/// <c>instance_mask</c> [B, N] (1 = real instance, 0 = padding; B and N dynamic), outputs <c>probability</c> [B]
/// (bag-level: σ(head(z)); instance-level: the <see cref="MilAggregationSpec"/> of σ(head(hₙ))) and
/// <c>bag_features</c> [B, F] (the pooled z). Every instance slot goes through the encoder
/// (a 2D ResNet or DenseNet on [B·N, C, H, W]; evaluation-mode batch norm treats each alone), then the mask keeps padding out of the pooling.
/// </summary>
public static class MilModelExporter
{
    /// <summary>Name of the instance input.</summary>
    public const string InstancesInput = "instances";

    /// <summary>Name of the instance-mask input.</summary>
    public const string MaskInput = "instance_mask";

    /// <summary>Name of the probability output.</summary>
    public const string ProbabilityOutput = "probability";

    /// <summary>Name of the bag-features output.</summary>
    public const string BagFeaturesOutput = "bag_features";

    /// <summary>Builds the graph.</summary>
    /// <exception cref="ArgumentException">The instance shape is not [C, H, W], the family has no 2D reading, or the pooling is unknown.</exception>
    /// <exception cref="KeyNotFoundException">A parameter is missing.</exception>
    public static OnnxGraphBuilder BuildGraph(MilModelDefinition definition)
    {
        var g = new OnnxGraphBuilder("olnm_mil");
        var network = AppendBagFeatures(g, definition);
        var weights = new StateDict(definition.Weights);
        string probability;
        if (definition.InstanceAggregation is { } aggregation)
        {
            var instanceProbabilities = g.AddNode("Reshape", [g.AddNode("Sigmoid", [NetworkOps.Linear(g, network.InstanceFeatures, weights, "head")], "instance_sigmoid"), network.BagShape], "instance_probabilities");
            probability = MilAggregationOnnx.Append(g, instanceProbabilities, MaskInput, aggregation);
        }
        else
        {
            var logit = NetworkOps.Linear(g, network.BagFeatures, weights, "head");
            probability = g.AddNode("Reshape", [g.AddNode("Sigmoid", [logit], "bag_sigmoid"), g.AddInitializer("probability_shape", [-1L], [1])], "bag_probability");
        }

        g.AddOutput(probability, ProbabilityOutput, OnnxElementType.Float, OnnxDim.Named("B"));
        g.AddOutput(network.BagFeatures, BagFeaturesOutput, OnnxElementType.Float, OnnxDim.Named("B"), network.Width);
        return g;
    }

    /// <summary>
    /// Appends the inputs <c>instances</c> and <c>instance_mask</c>, the instance encoder over every slot and the masked
    /// pooling to <paramref name="g"/>; returns the values of the bag features [B, F], the instance features [B·N, F]
    /// and the bag shape [B, N] (for a head appended by the caller).
    /// </summary>
    /// <exception cref="ArgumentException">The instance shape is not [C, H, W], the family has no 2D reading, or the pooling is unknown.</exception>
    public static MilGraphValues AppendBagFeatures(OnnxGraphBuilder g, MilModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.InstanceShape is not [var c, var h, var w])
        {
            throw new ArgumentException($"The instance shape must be [C, H, W]; it is [{string.Join(", ", definition.InstanceShape)}].", nameof(definition));
        }

        var weights = new StateDict(definition.Weights);
        OnnxDim bags = OnnxDim.Named("B"), slots = OnnxDim.Named("N");
        var instances = g.AddInput(InstancesInput, OnnxElementType.Float, bags, slots, c, h, w);
        var mask = g.AddInput(MaskInput, OnnxElementType.Float, bags, slots);
        var slices = g.AddNode("Reshape", [instances, g.AddInitializer("slice_shape", [-1L, c, h, w], [4])], "instance_slices");
        var encoder = weights.Scope("encoder.");
        var (flat, width) = definition.Family switch
        {
            EncoderFamily.ResNet => ResNetOnnx.AppendEncoder(g, slices, encoder, definition.Layout),
            EncoderFamily.DenseNet => DenseNetOnnx.AppendEncoder(g, slices, encoder, definition.Layout.BatchNormEpsilon),
            _ => throw new ArgumentException($"A MIL instance encoder of family {definition.Family} cannot be exported.", nameof(definition)),
        };

        var bagShape = g.AddNode("Shape", [instances], "bag_shape", OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 2));
        var featureShape = g.AddNode("Concat", [bagShape, g.AddInitializer("feature_width", [(long)width], [1])], "feature_shape", OnnxAttribute.Int("axis", 0));
        var features = g.AddNode("Reshape", [flat, featureShape], "instance_features");
        var bag = MilPoolingOnnx.Append(g, flat, features, mask, bagShape, weights.Scope("pooling."), definition.Pooling);
        return new MilGraphValues(bag, flat, bagShape, width);
    }

    /// <summary>Writes the model with its input/output contracts added to <paramref name="metadata"/>; returns the file size in bytes.</summary>
    public static long Export(MilModelDefinition definition, OnnxModelMetadata metadata, string path)
    {
        var g = BuildGraph(definition);
        var width = (int)definition.Weights["head.weight"].Shape[1];
        var full = metadata with
        {
            Inputs = InputContracts(definition),
            Outputs =
            [
                new OnnxTensorContract(ProbabilityOutput, [-1], [], "positive-class (pN+) probability per bag"),
                new OnnxTensorContract(BagFeaturesOutput, [-1, width], [], "pooled bag features"),
            ],
        };
        return OnnxModelWriter.Write(g, full, path);
    }

    /// <summary>The contracts of the <c>instances</c> and <c>instance_mask</c> inputs.</summary>
    public static IReadOnlyList<OnnxTensorContract> InputContracts(MilModelDefinition definition)
    {
        var shape = definition.InstanceShape;
        return
        [
            new OnnxTensorContract(InstancesInput, [-1, -1, shape[0], shape[1], shape[2]], [], string.Join("; ", new[] { "bags of instances, padded to the batch's largest bag", definition.InstanceRecipe }.Where(d => d.Length > 0))),
            new OnnxTensorContract(MaskInput, [-1, -1], [], "1 for a real instance, 0 for padding"),
        ];
    }
}

/// <summary>Values of a MIL graph a head reads (<see cref="MilModelExporter.AppendBagFeatures"/>).</summary>
/// <param name="BagFeatures">The pooled bag features [B, F].</param>
/// <param name="InstanceFeatures">Every slot's encoder features [B·N, F].</param>
/// <param name="BagShape">[B, N] as a 1-D int64 value.</param>
/// <param name="Width">F.</param>
public sealed record MilGraphValues(string BagFeatures, string InstanceFeatures, string BagShape, int Width);
