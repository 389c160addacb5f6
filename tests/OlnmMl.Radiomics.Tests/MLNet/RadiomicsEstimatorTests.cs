using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.MLNet;
using OlnmMl.Tests.Shared;

namespace OlnmMl.Radiomics.Tests.MLNet;

public sealed class RadiomicsEstimatorTests
{
    private sealed class Case
    {
        public string ImagePath { get; set; } = "";
        public string MaskPath { get; set; } = "";
        public float Label { get; set; }
    }

    private sealed class NoPaths
    {
        public float Label { get; set; }
    }

    private static string PresetPath => TestData.Preset("ibsi-digital-phantom");

    [Fact]
    public void Transform_appends_the_feature_vector_with_slot_names_equal_to_a_direct_extraction()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[]
        {
            new Case { ImagePath = TestData.PhantomImage, MaskPath = TestData.PhantomMask, Label = 1 },
            new Case { ImagePath = TestData.PhantomImage, MaskPath = TestData.PhantomMask, Label = 0 },
        });
        var transformer = ml.Transforms.Radiomics(PresetPath, cacheDirectory: temp.Path).Fit(data);
        var output = transformer.Transform(data);

        var column = output.Schema["Radiomics"];
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        column.GetSlotNames(ref slotNames);
        var direct = new RadiomicsExtractor(transformer.Options.Settings).Extract(TestData.PhantomImage, TestData.PhantomMask);
        Assert.Equal(direct.Features.Select(f => f.Name), slotNames.DenseValues().Select(s => s.ToString()));

        var rows = output.GetColumn<float[]>("Radiomics").ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(direct.Features.Select(f => (float)f.Value), rows[0]);
        Assert.Equal(rows[0], rows[1]);
        Assert.Equal([1f, 0f], output.GetColumn<float>("Label"));
        Assert.Single(Directory.GetFiles(temp.Path)); // one distinct case, one cache entry
    }

    [Fact]
    public void Estimator_schema_shape_announces_the_vector_column()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Case() });
        var shape = ml.Transforms.Radiomics(PresetPath).GetOutputSchema(ShapeOf(data.Schema));
        var column = shape.Single(c => c.Name == "Radiomics");
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, column.Kind);
        Assert.Equal(NumberDataViewType.Single, column.ItemType);
    }

    // SchemaShape.Create(DataViewSchema) is internal to ML.NET.
    private static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, [typeof(DataViewSchema)])!.Invoke(null, [schema])!;

    [Fact]
    public void Missing_path_column_names_the_column()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new NoPaths() });
        var error = Assert.Throws<ArgumentException>(() => ml.Transforms.Radiomics(PresetPath).Fit(data));
        Assert.Contains("'ImagePath'", error.Message);
    }

    [Fact]
    public void Workout()
    {
        using var temp = new TempFolder();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Case { ImagePath = TestData.PhantomImage, MaskPath = TestData.PhantomMask, Label = 1 } });
        EstimatorWorkout.Run(ml.Transforms.Radiomics(PresetPath, cacheDirectory: temp.Path), data, ml.Data.LoadFromEnumerable(new[] { new NoPaths() }),
            "'ImagePath'", t =>
            {
                using var stream = new MemoryStream();
                t.Save(stream);
                stream.Position = 0;
                return RadiomicsTransformer.Load(stream);
            });
    }

    [Fact]
    public void Saved_transformer_loads_with_the_same_recipe_and_columns()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Case() });
        var transformer = ml.Transforms.Radiomics(PresetPath, outputColumnName: "Features").Fit(data);
        using var stream = new MemoryStream();
        transformer.Save(stream);
        stream.Position = 0;
        var loaded = RadiomicsTransformer.Load(stream);
        Assert.Equal(transformer.Options.Settings.Hash(), loaded.Options.Settings.Hash());
        Assert.Equal("Features", loaded.Options.OutputColumnName);
        Assert.Equal(transformer.FeatureNames, loaded.FeatureNames);
    }
}
