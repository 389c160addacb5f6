namespace OlnmMl.Onnx.Graph;

/// <summary>ONNX tensor element types OlnmMl writes; the values are ONNX's <c>TensorProto.DataType</c> codes.</summary>
public enum OnnxElementType
{
    /// <summary>32-bit IEEE float (ONNX code 1).</summary>
    Float = 1,

    /// <summary>32-bit signed integer (ONNX code 6).</summary>
    Int32 = 6,

    /// <summary>64-bit signed integer (ONNX code 7).</summary>
    Int64 = 7,

    /// <summary>UTF-8 string (ONNX code 8).</summary>
    String = 8,
}
