#!/usr/bin/env python3
"""Baseline for pairing-benchmark: SciPy's linear_sum_assignment on a matrix written by it.

Usage: linear_sum_assignment.py MATRIX ROWS COLUMNS minimize|maximize REPEATS COLUMNS_OUT

MATRIX holds ROWS*COLUMNS little-endian float64 values, row-major. Only the solver call is
timed, REPEATS times. Prints one JSON object: the seconds of each run, the objective, and
writes each row's column to COLUMNS_OUT as little-endian int64.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment


def main() -> None:
    path, rows, columns, goal, repeats, columns_out = sys.argv[1:7]
    matrix = np.fromfile(path, dtype="<f8").reshape(int(rows), int(columns))
    maximize = goal == "maximize"
    seconds = []
    for _ in range(int(repeats)):
        start = time.perf_counter()
        row_ind, col_ind = linear_sum_assignment(matrix, maximize=maximize)
        seconds.append(time.perf_counter() - start)
    assigned = np.full(int(rows), -1, dtype="<i8")
    assigned[row_ind] = col_ind
    assigned.tofile(columns_out)
    # math.fsum-like exactness is not needed; the Swift side compares with a tolerance.
    objective = float(sum(float(v) for v in matrix[row_ind, col_ind]))
    print(json.dumps({"seconds": seconds, "objective": objective, "scipy": scipy.__version__}))


if __name__ == "__main__":
    main()
