"""Times scipy.ndimage / numpy expressions on the voxels VoxBeam's kernel benchmark wrote.

Called by the benchmark, not by hand: python3 scipy_kernels.py DIR SIDE REPEATS
DIR holds v.raw (float32, little-endian, x fastest), m.raw (uint8 0/1) and cases.json (label ->
Python expression over v, m, np, ndi). Prints {label: [seconds per timed round]} as JSON. Each
expression is evaluated once to warm up, then REPEATS times.
"""
import json
import sys
import time

import numpy as np
from scipy import ndimage as ndi


def main(directory, side, repeats):
    with open(directory + "/cases.json") as handle:
        cases = json.load(handle)
    shape = (side, side, side)
    v = np.fromfile(directory + "/v.raw", dtype="<f4").reshape(shape)
    m = np.fromfile(directory + "/m.raw", dtype=np.uint8).reshape(shape).astype(bool)
    scope = {"v": v, "m": m, "np": np, "ndi": ndi}
    results = {}
    for label, expression in cases.items():
        code = compile(expression, label, "eval")
        eval(code, scope)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            eval(code, scope)
            times.append(time.perf_counter() - start)
        results[label] = times
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
