package org.voxbeam.operators.simpleitk;

import java.util.Arrays;

/**
 * Eigenvalues of a small symmetric matrix (2×2 or 3×3), ascending, by cyclic Jacobi rotations: what
 * ITK's shape measurements take from {@code vnl_symmetric_eigensystem}. Jacobi's method is accurate
 * to a few ulps of the largest eigenvalue, so values agree with ITK's to that precision.
 */
final class SymmetricEigenvalues {
  private static final int SWEEPS = 64;

  private SymmetricEigenvalues() {}

  static double[] ascending(double[][] symmetric) {
    int n = symmetric.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = symmetric[i].clone();
    }
    for (int sweep = 0; sweep < SWEEPS && offDiagonal(a) > 0.0; sweep++) {
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] != 0.0) {
            rotate(a, p, q);
          }
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
    }
    Arrays.sort(values);
    return values;
  }

  private static double offDiagonal(double[][] a) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        sum += a[i][j] * a[i][j];
      }
    }
    return sum;
  }

  /** One rotation in the (p, q) plane that zeroes a[p][q]. */
  private static void rotate(double[][] a, int p, int q) {
    double theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1.0));
    if (theta == 0.0) {
      t = 1.0;
    }
    double c = 1.0 / Math.sqrt(t * t + 1.0);
    double s = t * c;
    int n = a.length;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    a[p][q] = 0.0;
    a[q][p] = 0.0;
  }
}
