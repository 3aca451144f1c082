"""Writes numpy.json: what VoxLogicA-2's NumPy reductions give on the corpus programs' images.

VoxLogicA-2's `vox1.avg` is `np.mean(float32 voxels inside the mask, dtype=np.float64)` over the
voxels in SimpleITK's order (x fastest); the images it averages in the gallery are the real T1
volume cast to float32 and combined with float32 arithmetic, which NumPy reproduces exactly. This
script computes those means with NumPy itself (Debian's, whose cast-buffered pairwise sum is the
one NumPy 2.3 uses), reading the volume with nibabel. Keys: corpus program, then goal name.

Run from the repository root with Debian's python3 (numpy, nibabel):
    python3 tools/voxlogica2/corpus_numpy_values.py ../shared/data > \
        pipeline/src/test/resources/org/voxbeam/pipeline/corpus/numpy.json
"""
import json
import sys

import nibabel
import numpy as np


def voxels(path):
    """The voxels in SimpleITK's order (x fastest), with the file's pixel type."""
    image = nibabel.load(path)
    data = np.asanyarray(image.dataobj)
    if data.dtype != np.uint8:
        raise SystemExit("%s: expected uint8 voxels, got %s" % (path, data.dtype))
    return data.reshape(-1, order="F")


def avg(values):
    """vox1.avg(values, tt): every voxel selected."""
    return float(np.mean(values.astype(np.float32), dtype=np.float64))


def main(shared_data):
    t1 = voxels(shared_data + "/chris_t1.nii.gz").astype(np.float32)
    a = t1 + np.float32(4)
    b = np.float32(4) + t1
    c = (a * np.float32(2)) / np.float32(3)
    document = {
        "numpy": np.__version__,
        "programs": {
            "gallery/vox1/vox1-dot-ops.imgql": {
                "vox1_overload_a": {"value": avg(a)},
                "vox1_overload_b": {"value": avg(b)},
                "vox1_overload_c": {"value": avg(c)},
            },
        },
    }
    json.dump(document, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    main(sys.argv[1])
