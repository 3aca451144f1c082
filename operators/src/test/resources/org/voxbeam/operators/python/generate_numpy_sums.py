"""Regenerates numpy-sums.json: NumPy's sums and means of generated arrays, bit for bit.

Each vector names an operation, a generator, a seed and a length; the generator (SplitMix64 and
exact formulas, mirrored by NumpySumTest) rebuilds the same array in Java, so the file holds
only NumPy's results, as hexadecimal IEEE bits. Lengths sit around NumPy's summation boundaries:
the 8-item unroll, the 128-item pairwise block, the 8192-item cast buffer.

Operations (`a` the generated float64 values, `a32` the same values rounded to float32):
  mean_f32_as_f64  np.mean(a32, dtype=np.float64)   what VoxLogicA-2's avg computes
  sum_f32_as_f64   np.sum(a32, dtype=np.float64)
  avg_masked       np.mean(a32[mask], dtype=np.float64), mask from a second stream
  sum_f64          np.sum(a)      (no cast; lengths up to 8192, see below)
  sum_f32          np.sum(a32)    (float32 accumulator; lengths up to 8192)

Uncast sums longer than 8192 items are left out on purpose: NumPy 1.24 (Debian's) splits them
into 8192-item buffers, NumPy 2.3 (VoxLogicA-2's) sums them in one pairwise pass; VoxBeam
follows 2.3. Cast sums are buffered alike in both.

Run with Debian's python3 (numpy):  python3 generate_numpy_sums.py > numpy-sums.json
"""
import json
import math
import struct

import numpy as np

MASK = (1 << 64) - 1
LENGTHS = [1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 31, 127, 128, 129, 130, 135, 136, 137, 255, 256,
           257, 1000, 1023, 1024, 1025, 8191, 8192, 8193, 8199, 8200, 16383, 16384, 16385,
           24576, 24577, 40000, 100003]
GENERATORS = ["uniform", "wide", "cancel", "negzero", "signedzero", "integers"]


def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def values(generator, seed, length):
    """The generated float64 values (NumpySumTest.values mirrors this)."""
    out = []
    state = seed
    for i in range(length):
        state, z = splitmix(state)
        frac = (z >> 11) * 2.0 ** -53
        if generator == "uniform":
            v = frac * 2000.0 - 1000.0
        elif generator == "wide":
            v = math.ldexp(1.0 + frac, (z & 63) - 32)
            if (z >> 6) & 1:
                v = -v
        elif generator == "cancel":
            if i % 2 == 0:
                v = math.ldexp(1.0 + frac, 40) * (1.0 if (z >> 1) & 1 else -1.0)
            else:
                v = frac * 1e-3
        elif generator == "negzero":
            v = -0.0
        elif generator == "signedzero":
            v = -0.0 if z & 1 else 0.0
        elif generator == "integers":
            v = float((z >> 40) - (1 << 23))
        else:
            raise ValueError(generator)
        out.append(v)
    return out


def mask(seed, length):
    out = []
    state = seed ^ 0x5DEECE66D
    for _ in range(length):
        state, z = splitmix(state)
        out.append(((z >> 7) & 3) != 0)
    return out


def bits64(x):
    return struct.pack(">d", float(x)).hex()


def bits32(x):
    return struct.pack(">f", float(np.float32(x))).hex()


def main():
    vectors = []
    seed = 1
    for generator in GENERATORS:
        for length in LENGTHS:
            seed += 1
            a = np.array(values(generator, seed, length), dtype=np.float64)
            a32 = a.astype(np.float32)
            picked = a32[np.array(mask(seed, length), dtype=bool)]
            results = {
                "mean_f32_as_f64": bits64(np.mean(a32, dtype=np.float64)),
                "sum_f32_as_f64": bits64(np.sum(a32, dtype=np.float64)),
            }
            if picked.size:
                results["avg_masked"] = bits64(np.mean(picked, dtype=np.float64))
            if length <= 8192:
                results["sum_f64"] = bits64(np.sum(a))
                results["sum_f32"] = bits32(np.sum(a32))
            for operation, expected in results.items():
                vectors.append({"operation": operation, "generator": generator, "seed": seed,
                                "length": length, "expected": expected})
    print('{"numpy": "%s", "buffer": %d, "vectors": [' % (np.__version__, np.getbufsize()))
    print(",\n".join(json.dumps(vector, sort_keys=True) for vector in vectors))
    print("]}")


if __name__ == "__main__":
    main()
