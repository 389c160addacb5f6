namespace OlnmMl.Imaging.Dicom;

/// <summary>The DICOM attributes the reader uses, as (group &lt;&lt; 16) | element.</summary>
internal static class DicomTags
{
    public const uint TransferSyntaxUid = 0x0002_0010;
    public const uint Modality = 0x0008_0060;
    public const uint SeriesTime = 0x0008_0031;
    public const uint ReferencedSeriesSequence = 0x0008_1115;
    public const uint AcquisitionTime = 0x0008_0032;
    public const uint SeriesDescription = 0x0008_103E;
    public const uint PatientWeight = 0x0010_1030;
    public const uint SliceThickness = 0x0018_0050;
    public const uint RadiopharmaceuticalStartTime = 0x0018_1072;
    public const uint RadionuclideTotalDose = 0x0018_1074;
    public const uint RadionuclideHalfLife = 0x0018_1075;
    public const uint SeriesInstanceUid = 0x0020_000E;
    public const uint ImagePositionPatient = 0x0020_0032;
    public const uint ImageOrientationPatient = 0x0020_0037;
    public const uint SamplesPerPixel = 0x0028_0002;
    public const uint NumberOfFrames = 0x0028_0008;
    public const uint Rows = 0x0028_0010;
    public const uint Columns = 0x0028_0011;
    public const uint PixelSpacing = 0x0028_0030;
    public const uint BitsAllocated = 0x0028_0100;
    public const uint BitsStored = 0x0028_0101;
    public const uint PixelRepresentation = 0x0028_0103;
    public const uint RescaleIntercept = 0x0028_1052;
    public const uint RescaleSlope = 0x0028_1053;
    public const uint PlanePositionSequence = 0x0020_9113;
    public const uint PlaneOrientationSequence = 0x0020_9116;
    public const uint PixelMeasuresSequence = 0x0028_9110;
    public const uint SegmentationType = 0x0062_0001;
    public const uint SegmentSequence = 0x0062_0002;
    public const uint SegmentNumber = 0x0062_0004;
    public const uint SegmentLabel = 0x0062_0005;
    public const uint SegmentIdentificationSequence = 0x0062_000A;
    public const uint ReferencedSegmentNumber = 0x0062_000B;
    public const uint SharedFunctionalGroupsSequence = 0x5200_9229;
    public const uint PerFrameFunctionalGroupsSequence = 0x5200_9230;
    public const uint RadiopharmaceuticalInformationSequence = 0x0054_0016;
    public const uint Units = 0x0054_1001;
    public const uint DecayCorrection = 0x0054_1102;
    public const uint ReferencedFrameOfReferenceSequence = 0x3006_0010;
    public const uint RtReferencedStudySequence = 0x3006_0012;
    public const uint RtReferencedSeriesSequence = 0x3006_0014;
    public const uint StructureSetRoiSequence = 0x3006_0020;
    public const uint RoiNumber = 0x3006_0022;
    public const uint RoiName = 0x3006_0026;
    public const uint RoiContourSequence = 0x3006_0039;
    public const uint ContourSequence = 0x3006_0040;
    public const uint ContourGeometricType = 0x3006_0042;
    public const uint ContourData = 0x3006_0050;
    public const uint ReferencedRoiNumber = 0x3006_0084;
    public const uint PixelData = 0x7FE0_0010;
    public const uint Item = 0xFFFE_E000;
    public const uint ItemDelimitation = 0xFFFE_E00D;
    public const uint SequenceDelimitation = 0xFFFE_E0DD;

    /// <summary>
    /// Sequences the reader looks into. Implicit VR says nothing of an element's VR, so a sequence of defined length is
    /// known only by its tag (one of undefined length always is a sequence).
    /// </summary>
    public static bool IsKnownSequence(uint tag) => tag is RadiopharmaceuticalInformationSequence
        or ReferencedFrameOfReferenceSequence or RtReferencedStudySequence or RtReferencedSeriesSequence
        or StructureSetRoiSequence or RoiContourSequence or ContourSequence or ReferencedSeriesSequence
        or PlanePositionSequence or PlaneOrientationSequence or PixelMeasuresSequence or SegmentSequence
        or SegmentIdentificationSequence or SharedFunctionalGroupsSequence or PerFrameFunctionalGroupsSequence;

    /// <summary>"(gggg,eeee)".</summary>
    public static string Format(uint tag) => $"({tag >> 16:X4},{tag & 0xFFFF:X4})";
}
