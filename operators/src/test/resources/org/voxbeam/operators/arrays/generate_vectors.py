"""Regenerates arrays-vectors.json: VoxLogicA-2's own `arrays` kernels on seeded arrays.

VoxLogicA-2's kernels read an image through `sitk.GetArrayFromImage` and anything else through
`np.array`, so they run here on NumPy arrays, with the SimpleITK stand-in only satisfying their
import. Each vector holds the inputs (shape in NumPy's z, y, x order, element type, elements in
C order), the arguments after them, and the result exactly as the kernel returned it (ints and
floats kept apart by JSON). Arrays stay below NumPy's 8192-item buffer, where NumPy 1.24 (here)
and 2.3 (VoxLogicA-2's pin) sum alike.

Run (see tools/voxlogica2/README.md):
    PYTHONPATH=STANDIN:VOXLOGICA2/implementation/python python3 generate_vectors.py > arrays-vectors.json
"""
import json

import numpy as np

from voxlogica.primitives.arrays import kernels


def arrays(rng):
    """Named inputs: masks, labels and intensities in several element types and shapes."""
    out = {}
    shape3, shape2 = (3, 5, 7), (6, 9)
    out["mask_a"] = (rng.random(shape3) < 0.4).astype(np.uint8)
    out["mask_b"] = (rng.random(shape3) < 0.5).astype(np.uint8)
    out["mask_empty"] = np.zeros(shape3, dtype=np.uint8)
    out["labels_a"] = rng.integers(0, 4, shape3).astype(np.uint8)
    out["labels_b"] = rng.integers(0, 4, shape3).astype(np.uint8)
    out["labels_2d"] = rng.integers(0, 3, shape2).astype(np.int16)
    out["labels_2d_b"] = rng.integers(0, 3, shape2).astype(np.int16)
    out["u8"] = rng.integers(0, 256, shape3).astype(np.uint8)
    out["u8_b"] = rng.integers(0, 256, shape3).astype(np.uint8)
    out["i16"] = rng.integers(-3000, 3000, shape2).astype(np.int16)
    out["i16_b"] = rng.integers(-3000, 3000, shape2).astype(np.int16)
    out["f32"] = (rng.standard_normal(shape3) * 1e3).astype(np.float32)
    out["f32_b"] = (rng.standard_normal(shape3) * 1e3).astype(np.float32)
    out["f32_wide"] = (np.exp(rng.uniform(-20, 20, shape3)) * rng.choice([-1, 1], shape3)).astype(np.float32)
    out["f64"] = rng.standard_normal(shape2) * 1e6
    out["f64_b"] = rng.standard_normal(shape2) * 1e6
    out["f32_2d"] = rng.standard_normal(shape2).astype(np.float32)
    out["f32_2d_few"] = rng.integers(0, 5, shape2).astype(np.float32) * 0.1
    out["u8_2d"] = rng.integers(0, 256, (5, 6)).astype(np.uint8)
    return out


CALLS = [
    ("pixel_accuracy", ["mask_a", "mask_b"]),
    ("pixel_accuracy", ["labels_a", "labels_b"]),
    ("pixel_accuracy", ["f32", "f32"]),
    ("dice_score", ["mask_a", "mask_b"]),
    ("dice_score", ["mask_a", "mask_b", 1.0]),
    ("dice_score", ["labels_a", "labels_b", 2.0]),
    ("dice_score", ["labels_a", "labels_b", 2.7]),
    ("dice_score", ["mask_a", "mask_empty"]),
    ("dice_score", ["labels_2d", "labels_2d_b", 1.0]),
    ("jaccard_index", ["mask_a", "mask_b"]),
    ("jaccard_index", ["labels_a", "labels_b", 3.0]),
    ("jaccard_index", ["mask_empty", "mask_empty"]),
    ("confusion_matrix", ["labels_a", "labels_b"]),
    ("confusion_matrix", ["labels_a", "labels_b", 5.0]),
    ("confusion_matrix", ["mask_a", "mask_b"]),
    ("confusion_matrix", ["labels_2d", "labels_2d_b"]),
    ("count_pixels", ["labels_a"]),
    ("count_pixels", ["labels_a", 2.0]),
    ("count_pixels", ["u8_2d"]),
    ("count_pixels", ["f32_2d_few"]),
    ("count_pixels", ["f32_2d_few", 0.1]),
    ("count_pixels", ["f32_2d_few", 0.2]),
    ("count_pixels", ["i16", 7.5]),
    ("array_stats", ["u8"]),
    ("array_stats", ["i16"]),
    ("array_stats", ["f32"]),
    ("array_stats", ["f32_wide"]),
    ("array_stats", ["f64"]),
    ("array_stats", ["f32_2d"]),
    ("array_stats", ["mask_a"]),
    ("compare_arrays", ["u8", "u8_b"]),
    ("compare_arrays", ["u8", "u8"]),
    ("compare_arrays", ["i16", "i16_b"]),
    ("compare_arrays", ["f32", "f32_b"]),
    ("compare_arrays", ["f32_wide", "f32"]),
    ("compare_arrays", ["f64", "f64_b"]),
    ("compare_arrays", ["u8", "f32"]),
    ("compare_arrays", ["i16", "f32_2d"]),
    ("compare_arrays", ["mask_a", "labels_a"]),
    ("vector_uint32", [[1.0, 2.9, -3.5, 7]]),
    ("vector_double", [[1, 2.5, True]]),
]


def encode(array):
    return {"shape": list(array.shape), "dtype": str(array.dtype),
            "data": [x.item() for x in array.reshape(-1)]}


def main():
    rng = np.random.default_rng(20260311)
    inputs = arrays(rng)
    vectors = []
    for name, args in CALLS:
        values = [inputs[a] if isinstance(a, str) and a in inputs else a for a in args]
        function = getattr(kernels, name)
        if name.startswith("vector_"):
            result = function(values[0])
        else:
            result = function(**{str(i): v for i, v in enumerate(values)})
        vectors.append({"operator": name, "args": args, "result": result})
    document = {"numpy": np.__version__,
                "inputs": {k: encode(v) for k, v in inputs.items()},
                "vectors": vectors}
    print(json.dumps(document, indent=1, allow_nan=True, default=numpy_scalar))


def numpy_scalar(value):
    """NumPy scalars a kernel lets through (confusion_matrix's num_classes) as Python numbers."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(type(value).__name__)


if __name__ == "__main__":
    main()
