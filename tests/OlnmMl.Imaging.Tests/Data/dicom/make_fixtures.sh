#!/bin/sh
# Rebuilds the DICOM test fixtures of this folder from Debian packages (apt-get install python3-pydicom dcm2niix)
# and the IBSI validation patient beside the repository (../shared/data/ibsi_validation). The NIfTI under dcm2niix/
# are the independent reference the DICOM reader is checked against (dcm2niix v1.0.20220720 here).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pydicom=$(/usr/bin/python3 -c "import pydicom.data, os; print(os.path.join(os.path.dirname(pydicom.data.__file__), 'test_files'))")
ibsi=${IBSI_VALIDATION:-$here/../../../../../shared/data/ibsi_validation}
rm -rf "$here/pydicom" "$here/dcm2niix" "$here/ibsi_pet"
mkdir -p "$here/pydicom/CT5N" "$here/pydicom/CT2" "$here/dcm2niix" "$here/ibsi_pet/dicom"
for f in CT_small MR_small MR_small_implicit MR_small_RLE; do cp "$pydicom/$f.dcm" "$here/pydicom/"; done
cp "$pydicom"/dicomdirtests/98892001/CT5N/* "$here/pydicom/CT5N/"
cp "$pydicom"/dicomdirtests/77654033/CT2/* "$here/pydicom/CT2/"
cp "$ibsi"/dicom/STS_001/PET/image/*.dcm "$here/ibsi_pet/dicom/"
cp "$ibsi"/nifti/STS_001/PET_image.nii.gz "$ibsi"/nifti/STS_001/PET_mask.nii.gz "$ibsi"/dicom/STS_001/PET/mask/RS.dcm "$here/ibsi_pet/"
for f in CT_small MR_small MR_small_implicit; do
  dcm2niix -s y -z y -b n -f "$f" -o "$here/dcm2niix" "$here/pydicom/$f.dcm"
done
dcm2niix -z y -b n -f CT5N -o "$here/dcm2niix" "$here/pydicom/CT5N"
dcm2niix -z y -b n -f ibsi_pet -o "$here/dcm2niix" "$here/ibsi_pet/dicom"
# One PET slice in activity (BQML, decay corrected to the scan start) whose sequences have defined lengths in implicit
# VR: the radiopharmaceutical sequence is then known only by its tag.
/usr/bin/python3 - "$here/ibsi_pet/dicom/000000.dcm" "$here/pydicom/pet_bqml_defined_length.dcm" <<'PY'
import sys, pydicom
d = pydicom.dcmread(sys.argv[1])
d.Units = "BQML"
d.DecayCorrection = "START"
for element in d.iterall():
    if element.VR == "SQ":
        element.is_undefined_length = False
        for item in element.value:
            item.is_undefined_length_sequence_item = False
d.save_as(sys.argv[2], write_like_original=True)
PY
# A hand-made RTSTRUCT (explicit VR LE) on CT5N, ROI 7 'hand', in voxel-index coordinates of the sorted series
# (x = −72.199997 + 0.488281 i, y = −143 + 0.488281 j): slice k = 1 (z = 1.2625) a triangle (1.5, 1.5), (12, 1.5),
# (1.5, 12); slice k = 3 (z = 6.2625) the square 3.5–9.5 × 4.5–8.5 with the hole 5.5–7.5 × 5.5–7.5.
/usr/bin/python3 - "$here/pydicom/CT5N/2062" "$here/pydicom/rtstruct_hand_ct5n.dcm" <<'PY'
import sys, pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
ct = pydicom.dcmread(sys.argv[1], stop_before_pixels=True)
def world(points, z):
    return [f"{v:.6f}" for i, j in points for v in (-72.199997 + 0.488281 * i, -143.0 + 0.488281 * j, z)]
def contour(points, z):
    c = Dataset(); c.ContourGeometricType = "CLOSED_PLANAR"; c.NumberOfContourPoints = len(points); c.ContourData = world(points, z)
    return c
meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.481.3"
meta.MediaStorageSOPInstanceUID = "1.2.826.0.1.3680043.8.498.19001"
meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
rs = Dataset(); rs.file_meta = meta
rs.SOPClassUID = meta.MediaStorageSOPClassUID; rs.SOPInstanceUID = meta.MediaStorageSOPInstanceUID; rs.Modality = "RTSTRUCT"
series = Dataset(); series.SeriesInstanceUID = ct.SeriesInstanceUID
study = Dataset(); study.RTReferencedSeriesSequence = Sequence([series])
frame = Dataset(); frame.RTReferencedStudySequence = Sequence([study])
rs.ReferencedFrameOfReferenceSequence = Sequence([frame])
roi = Dataset(); roi.ROINumber = 7; roi.ROIName = "hand"
rs.StructureSetROISequence = Sequence([roi])
roic = Dataset(); roic.ReferencedROINumber = 7
roic.ContourSequence = Sequence([
    contour([(1.5, 1.5), (12, 1.5), (1.5, 12)], 1.2625),
    contour([(3.5, 4.5), (9.5, 4.5), (9.5, 8.5), (3.5, 8.5)], 6.2625),
    contour([(5.5, 5.5), (7.5, 5.5), (7.5, 7.5), (5.5, 7.5)], 6.2625)])
rs.ROIContourSequence = Sequence([roic])
rs.is_little_endian = True; rs.is_implicit_VR = False
pydicom.dcmwrite(sys.argv[2], rs, write_like_original=False)
PY
# A DICOM-SEG (explicit VR LE, BINARY, 1 bit per pixel) of the IBSI's PET mask: one frame per slice holding mask
# voxels, placed by ImagePositionPatient of that PET slice; segment 1 'GTV_Mass_PET' (and an empty segment 2 'empty').
/usr/bin/python3 - "$here/ibsi_pet" "$here/pydicom/seg_ibsi_pet.dcm" <<'PY'
import sys, glob, gzip, numpy as np, pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
folder, out = sys.argv[1], sys.argv[2]
raw = gzip.open(folder + "/PET_mask.nii.gz").read()
mask = np.frombuffer(raw[352:], dtype=np.uint8).reshape(59, 43, 41)
pet = sorted((pydicom.dcmread(f, stop_before_pixels=True) for f in glob.glob(folder + "/dicom/*.dcm")), key=lambda d: float(d.ImagePositionPatient[2]))
meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.66.4"
meta.MediaStorageSOPInstanceUID = "1.2.826.0.1.3680043.8.498.19002"
meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
seg = Dataset(); seg.file_meta = meta
seg.SOPClassUID = meta.MediaStorageSOPClassUID; seg.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
seg.Modality = "SEG"; seg.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.19003"
ref = Dataset(); ref.SeriesInstanceUID = pet[0].SeriesInstanceUID
seg.ReferencedSeriesSequence = Sequence([ref])
seg.SamplesPerPixel = 1; seg.PhotometricInterpretation = "MONOCHROME2"
seg.Rows, seg.Columns = 43, 41
seg.BitsAllocated = 1; seg.BitsStored = 1; seg.HighBit = 0; seg.PixelRepresentation = 0
seg.SegmentationType = "BINARY"
segments = []
for number, label in ((1, "GTV_Mass_PET"), (2, "empty")):
    s = Dataset(); s.SegmentNumber = number; s.SegmentLabel = label; segments.append(s)
seg.SegmentSequence = Sequence(segments)
shared = Dataset()
orientation = Dataset(); orientation.ImageOrientationPatient = pet[0].ImageOrientationPatient
measures = Dataset(); measures.PixelSpacing = pet[0].PixelSpacing; measures.SliceThickness = pet[0].SliceThickness
shared.PlaneOrientationSequence = Sequence([orientation]); shared.PixelMeasuresSequence = Sequence([measures])
seg.SharedFunctionalGroupsSequence = Sequence([shared])
frames, groups = [], []
for k in range(59):
    if mask[k].any():
        g = Dataset()
        position = Dataset(); position.ImagePositionPatient = pet[k].ImagePositionPatient
        segment = Dataset(); segment.ReferencedSegmentNumber = 1
        g.PlanePositionSequence = Sequence([position]); g.SegmentIdentificationSequence = Sequence([segment])
        groups.append(g); frames.append(mask[k])
seg.PerFrameFunctionalGroupsSequence = Sequence(groups)
seg.NumberOfFrames = len(frames)
packed = np.packbits(np.concatenate([f.ravel() for f in frames]), bitorder="little").tobytes()
seg.PixelData = packed + (b"\0" if len(packed) % 2 else b"")
seg["PixelData"].VR = "OB"
seg.is_little_endian = True; seg.is_implicit_VR = False
pydicom.dcmwrite(out, seg, write_like_original=False)
PY
