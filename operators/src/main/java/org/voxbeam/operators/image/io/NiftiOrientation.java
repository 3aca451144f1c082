package org.voxbeam.operators.image.io;

/**
 * NIfTI-1's two orientation encodings (the {@code qform} quaternion and the {@code sform} affine)
 * and the change of handedness between NIfTI's RAS world and ITK's LPS world, which is how
 * VoxLogicA-2 (through SimpleITK) reports origin and direction. Matrices are row-major 3×3.
 *
 * @param direction unit axis directions, column {@code j} is the direction of voxel axis {@code j}
 * @param spacing voxel size along each axis
 * @param origin world position of voxel (0,0,0)
 */
record NiftiOrientation(double[] direction, double[] spacing, double[] origin) {

  /** The qform: quaternion (b, c, d), offsets, {@code qfac} = sign of the third axis. */
  public static NiftiOrientation fromQuaternion(
      double b, double c, double d, double[] offset, double[] spacing, double qfac) {
    double a = 1.0 - (b * b + c * c + d * d);
    if (a < 1e-7) {
      double norm = 1.0 / Math.sqrt(b * b + c * c + d * d);
      b *= norm;
      c *= norm;
      d *= norm;
      a = 0.0;
    } else {
      a = Math.sqrt(a);
    }
    double sign = qfac < 0 ? -1.0 : 1.0;
    double[] r = {
      a * a + b * b - c * c - d * d,
      2 * (b * c - a * d),
      2 * (b * d + a * c) * sign,
      2 * (b * c + a * d),
      a * a + c * c - b * b - d * d,
      2 * (c * d - a * b) * sign,
      2 * (b * d - a * c),
      2 * (c * d + a * b),
      (a * a + d * d - c * c - b * b) * sign
    };
    return new NiftiOrientation(r, spacing.clone(), offset.clone());
  }

  /** The sform: a 3×4 affine whose column norms are the spacing. */
  public static NiftiOrientation fromAffine(double[] srow) {
    double[] direction = new double[9];
    double[] spacing = new double[3];
    for (int col = 0; col < 3; col++) {
      double norm =
          Math.sqrt(
              srow[col] * srow[col]
                  + srow[4 + col] * srow[4 + col]
                  + srow[8 + col] * srow[8 + col]);
      spacing[col] = norm;
      for (int row = 0; row < 3; row++) {
        direction[row * 3 + col] = norm == 0 ? (row == col ? 1 : 0) : srow[row * 4 + col] / norm;
      }
    }
    return new NiftiOrientation(direction, spacing, new double[] {srow[3], srow[7], srow[11]});
  }

  /** The same placement with x and y negated: RAS to LPS, and back (the map is its own inverse). */
  public NiftiOrientation flipXy() {
    double[] d = direction.clone();
    double[] o = origin.clone();
    for (int col = 0; col < 3; col++) {
      d[col] = -d[col];
      d[3 + col] = -d[3 + col];
    }
    o[0] = -o[0];
    o[1] = -o[1];
    return new NiftiOrientation(d, spacing.clone(), o);
  }

  /** The 3×4 affine, row-major, as the {@code srow_x/y/z} fields hold it. */
  public double[] affine() {
    double[] srow = new double[12];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        srow[row * 4 + col] = direction[row * 3 + col] * spacing[col];
      }
      srow[row * 4 + 3] = origin[row];
    }
    return srow;
  }

  /** {@code qfac}: -1 when the direction matrix is a reflection, else 1. */
  public double qfac() {
    return determinant() < 0 ? -1.0 : 1.0;
  }

  /**
   * The quaternion (b, c, d) of the rotation part, following the NIfTI reference implementation
   * ({@code nifti_mat44_to_quatern}); the direction must be orthonormal.
   */
  public double[] quaternion() {
    double[] r = direction.clone();
    if (qfac() < 0) {
      r[2] = -r[2];
      r[5] = -r[5];
      r[8] = -r[8];
    }
    double r11 = r[0];
    double r12 = r[1];
    double r13 = r[2];
    double r21 = r[3];
    double r22 = r[4];
    double r23 = r[5];
    double r31 = r[6];
    double r32 = r[7];
    double r33 = r[8];
    double a = r11 + r22 + r33 + 1.0;
    double b;
    double c;
    double d;
    if (a > 0.5) {
      a = 0.5 * Math.sqrt(a);
      b = 0.25 * (r32 - r23) / a;
      c = 0.25 * (r13 - r31) / a;
      d = 0.25 * (r21 - r12) / a;
    } else {
      double xd = 1.0 + r11 - (r22 + r33);
      double yd = 1.0 + r22 - (r11 + r33);
      double zd = 1.0 + r33 - (r11 + r22);
      if (xd > 1.0) {
        b = 0.5 * Math.sqrt(xd);
        c = 0.25 * (r12 + r21) / b;
        d = 0.25 * (r13 + r31) / b;
        a = 0.25 * (r32 - r23) / b;
      } else if (yd > 1.0) {
        c = 0.5 * Math.sqrt(yd);
        b = 0.25 * (r12 + r21) / c;
        d = 0.25 * (r23 + r32) / c;
        a = 0.25 * (r13 - r31) / c;
      } else {
        d = 0.5 * Math.sqrt(zd);
        b = 0.25 * (r13 + r31) / d;
        c = 0.25 * (r23 + r32) / d;
        a = 0.25 * (r21 - r12) / d;
      }
      if (a < 0.0) {
        b = -b;
        c = -c;
        d = -d;
      }
    }
    return new double[] {b, c, d};
  }

  private double determinant() {
    double[] m = direction;
    return m[0] * (m[4] * m[8] - m[5] * m[7])
        - m[1] * (m[3] * m[8] - m[5] * m[6])
        + m[2] * (m[3] * m[7] - m[4] * m[6]);
  }
}
