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
