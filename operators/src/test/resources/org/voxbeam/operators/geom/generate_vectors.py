"""Regenerates geom-vectors.json: which pixels VoxLogicA-2's geom kernels fill.

`circle` and `regular_polygon` draw with NumPy on a pixel grid (`np.ogrid`); the polygon test is
VoxLogicA-2's own `inside_regular_polygon`, called here on the same grid, so pixels on an edge
fall where VoxLogicA-2 puts them. Each vector holds the canvas size, the shape's parameters and
the filled pixels, row by row (y, then x), as hexadecimal `np.packbits`.

NumPy's float64 `cos` and `arctan2` run AVX-512 SVML kernels where the processor has them, and
those may be one ulp from the correctly rounded value, which moves a pixel lying exactly on an
edge (a vertex at the radius). The script turns those kernels off, so the vectors are what NumPy
computes on every other processor, and what Python's `math` (the C library) computes.

Run (see tools/voxlogica2/README.md):
    PYTHONPATH=STANDIN:VOXLOGICA2/implementation/python python3 generate_vectors.py > geom-vectors.json
"""
import json
import os

os.environ["NPY_DISABLE_CPU_FEATURES"] = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"

import numpy as np  # noqa: E402  (after the dispatch choice above)

from voxlogica.primitives.geom._draw import inside_regular_polygon  # noqa: E402

# The shapes of VoxLogicA-2's nnU-Net gallery programs, then sizes, centres off the canvas,
# even and odd radii, and 3 to 9 sides.
POLYGONS = [(64, 64, 48, 48, 14, 4), (64, 64, 48, 16, 10, 4), (64, 64, 16, 16, 9, 4),
            (64, 64, 32, 28, 16, 4), (64, 64, 14, 50, 8, 4), (64, 64, 24, 32, 12, 4),
            (64, 64, 32, 18, 11, 4), (40, 30, 20, 15, 12, 3), (40, 30, 20, 15, 12, 5),
            (40, 30, 20, 15, 13, 6), (40, 30, 20, 15, 14, 7), (40, 30, 20, 15, 15, 8),
            (33, 47, 5, 40, 20, 9), (25, 25, -3, 12, 10, 4), (25, 25, 12, 12, 1, 4),
            (25, 25, 12, 12, 2, 3), (17, 9, 8, 4, 30, 5)]
CIRCLES = [(64, 64, 16, 16, 8), (64, 64, 20, 32, 10), (64, 64, 32, 48, 12), (64, 64, 52, 52, 7),
           (64, 64, 32, 14, 11), (64, 64, 40, 32, 14), (64, 64, 32, 44, 9), (25, 25, 0, 0, 5),
           (25, 25, 30, 12, 9), (9, 7, 4, 3, 1)]


def grid(width, height):
    yy, xx = np.ogrid[:height, :width]
    return xx, yy


def encode(mask):
    return np.packbits(mask.reshape(-1).astype(np.uint8)).tobytes().hex()


def main():
    vectors = []
    for width, height, cx, cy, radius, sides in POLYGONS:
        xx, yy = grid(width, height)
        mask = inside_regular_polygon(xx - cx, yy - cy, float(radius), sides)
        vectors.append({"shape": "regular_polygon", "width": width, "height": height, "cx": cx,
                        "cy": cy, "radius": radius, "sides": sides, "filled": encode(mask)})
    for width, height, cx, cy, radius in CIRCLES:
        xx, yy = grid(width, height)
        mask = (xx - cx) ** 2 + (yy - cy) ** 2 <= radius ** 2
        vectors.append({"shape": "circle", "width": width, "height": height, "cx": cx,
                        "cy": cy, "radius": radius, "filled": encode(mask)})
    print('{"numpy": "%s", "vectors": [' % np.__version__)
    print(",\n".join(json.dumps(vector) for vector in vectors))
    print("]}")


if __name__ == "__main__":
    main()
