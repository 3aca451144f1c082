package org.voxbeam.operators.image.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.value.ImageGeometry;

/**
 * The parts of a NIfTI-1 header that decide how voxels are laid out and placed in space, validated
 * field by field: a header that lies about its sizes or type is rejected here, before any voxel is
 * read.
 *
 * @param order byte order of the file (NIfTI allows both; detected from {@code sizeof_hdr})
 * @param geometry spatial extents, spacing, origin and direction in ITK's LPS convention
 * @param type stored voxel type
 * @param voxOffset byte offset of the first voxel
 * @param slope {@code scl_slope}, or 1 when the file asks for no scaling
 * @param intercept {@code scl_inter}, or 0 when the file asks for no scaling
 */
record NiftiHeader(
    ByteOrder order,
    ImageGeometry geometry,
    NiftiDataType type,
    long voxOffset,
    double slope,
    double intercept) {

  /** Size of a NIfTI-1 header. */
  public static final int SIZE = 348;

  /** Offset of the voxels in files VoxBeam writes: the header and an empty extension flag. */
  public static final int WRITTEN_OFFSET = 352;

  private static final short XFORM_SCANNER_ANAT = 1;
  private static final byte UNITS_MM_SEC = 10;

  /** Whether the stored values must be mapped through {@code slope·v + intercept}. */
  public boolean scaled() {
    return slope != 1.0 || intercept != 0.0;
  }

  /** Bytes of voxel data the header promises. */
  public long dataBytes() {
    return geometry.voxelCount() * (type.bitpix() / 8);
  }

  /** Parses and validates the first {@value #SIZE} bytes of {@code file}. */
  public static NiftiHeader parse(String file, byte[] raw) throws ImageFormatException {
    if (raw.length < SIZE) {
      throw new ImageFormatException(
          file, "header", "file has " + raw.length + " bytes, a NIfTI-1 header needs " + SIZE);
    }
    ByteBuffer h = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    if (h.getInt(0) != SIZE) {
      h.order(ByteOrder.BIG_ENDIAN);
      if (h.getInt(0) != SIZE) {
        throw new ImageFormatException(
            file,
            "sizeof_hdr",
            "is "
                + ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getInt(0)
                + ", expected 348 (not a NIfTI-1 file)");
      }
    }
    String magic = new String(raw, 344, 4, StandardCharsets.ISO_8859_1);
    if (magic.equals("ni1\0")) {
      throw new ImageFormatException(
          file,
          "magic",
          "is 'ni1': separate .hdr/.img pairs are not supported, use a single .nii file");
    }
    if (!magic.equals("n+1\0")) {
      throw new ImageFormatException(file, "magic", "is '" + magic.trim() + "', expected 'n+1'");
    }
    int rank = h.getShort(40);
    if (rank < 2 || rank > 7) {
      throw new ImageFormatException(file, "dim[0]", "is " + rank + ", expected 2 to 7");
    }
    List<Long> size = new ArrayList<>();
    for (int i = 1; i <= rank; i++) {
      int extent = h.getShort(40 + 2 * i);
      if (extent <= 0) {
        throw new ImageFormatException(
            file, "dim[" + i + "]", "is " + extent + ", extents must be positive");
      }
      if (i <= 3) {
        size.add((long) extent);
      } else if (extent != 1) {
        throw new ImageFormatException(
            file, "dim[" + i + "]", "is " + extent + ": only 2D and 3D images are supported");
      }
    }
    int dimension = size.size();
    int code = h.getShort(70);
    NiftiDataType type =
        NiftiDataType.ofCode(code)
            .orElseThrow(
                () ->
                    new ImageFormatException(
                        file,
                        "datatype",
                        "code "
                            + code
                            + " is not supported (uint8, int8, int16, uint16, int32, uint32, int64, float32, float64)"));
    int bitpix = h.getShort(72);
    if (bitpix != type.bitpix()) {
      throw new ImageFormatException(
          file,
          "bitpix",
          "is " + bitpix + " but datatype " + type + " has " + type.bitpix() + " bits");
    }
    double[] spacing = {1.0, 1.0, 1.0};
    for (int i = 0; i < dimension; i++) {
      double pix = h.getFloat(76 + 4 * (i + 1));
      if (!(pix > 0.0) || Double.isInfinite(pix)) {
        throw new ImageFormatException(
            file, "pixdim[" + (i + 1) + "]", "is " + pix + ", voxel sizes must be positive");
      }
      spacing[i] = pix;
    }
    double offset = h.getFloat(108);
    if (!(offset >= SIZE) || offset != Math.floor(offset)) {
      throw new ImageFormatException(
          file, "vox_offset", "is " + offset + ", expected a whole number of bytes >= 348");
    }
    double slope = h.getFloat(112);
    double intercept = h.getFloat(116);
    if (slope == 0.0 || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
      slope = 1.0;
      intercept = 0.0;
    }
    NiftiOrientation ras = orientation(h, spacing, dimension);
    NiftiOrientation lps = ras.flipXy();
    return new NiftiHeader(h.order(), geometry(size, lps), type, (long) offset, slope, intercept);
  }

  /**
   * The placement the header describes: the qform when {@code qform_code > 0}, else the sform when
   * {@code sform_code > 0}, else the identity at the origin (NIfTI's "method 1").
   */
  private static NiftiOrientation orientation(ByteBuffer h, double[] spacing, int dimension) {
    int qformCode = h.getShort(252);
    int sformCode = h.getShort(254);
    if (qformCode > 0) {
      double qfac = h.getFloat(76) < 0 ? -1.0 : 1.0;
      double[] offset = {h.getFloat(268), h.getFloat(272), h.getFloat(276)};
      return NiftiOrientation.fromQuaternion(
          h.getFloat(256), h.getFloat(260), h.getFloat(264), offset, spacing, qfac);
    }
    if (sformCode > 0) {
      double[] srow = new double[12];
      for (int i = 0; i < 12; i++) {
        srow[i] = h.getFloat(280 + 4 * i);
      }
      NiftiOrientation affine = NiftiOrientation.fromAffine(srow);
      if (dimension == 2) {
        affine.spacing()[2] = 1.0;
      }
      return affine;
    }
    return new NiftiOrientation(
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, spacing.clone(), new double[3]);
  }

  /** The geometry, with negative zeros made positive so equal placements compare equal. */
  private static ImageGeometry geometry(List<Long> size, NiftiOrientation o) {
    int n = size.size();
    List<Double> spacing = new ArrayList<>();
    List<Double> origin = new ArrayList<>();
    List<Double> direction = new ArrayList<>();
    for (int row = 0; row < n; row++) {
      spacing.add(o.spacing()[row]);
      origin.add(o.origin()[row] + 0.0);
      for (int col = 0; col < n; col++) {
        direction.add(o.direction()[row * 3 + col] + 0.0);
      }
    }
    return new ImageGeometry(size, spacing, origin, direction);
  }

  /** A little-endian header (plus the 4-byte empty extension flag) for an image of {@code type}. */
  public static byte[] encode(ImageGeometry geometry, NiftiDataType type) {
    ByteBuffer h = ByteBuffer.allocate(WRITTEN_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
    int n = geometry.dimension();
    h.putInt(0, SIZE);
    h.put(39, (byte) 0);
    h.putShort(40, (short) n);
    for (int i = 0; i < 7; i++) {
      long extent = i < n ? geometry.size().get(i) : 1;
      if (extent > Short.MAX_VALUE) {
        throw new IllegalArgumentException("extent " + extent + " does not fit a NIfTI-1 header");
      }
      h.putShort(42 + 2 * i, (short) extent);
    }
    h.putShort(70, type.code());
    h.putShort(72, type.bitpix());
    NiftiOrientation ras = lpsOrientation(geometry).flipXy();
    h.putFloat(76, (float) ras.qfac());
    for (int i = 0; i < 7; i++) {
      h.putFloat(80 + 4 * i, i < 3 ? (float) ras.spacing()[i] : 1.0f);
    }
    h.putFloat(108, WRITTEN_OFFSET);
    h.putFloat(112, 1.0f);
    h.putFloat(116, 0.0f);
    h.put(123, UNITS_MM_SEC);
    h.putShort(252, XFORM_SCANNER_ANAT);
    h.putShort(254, XFORM_SCANNER_ANAT);
    double[] quaternion = ras.quaternion();
    for (int i = 0; i < 3; i++) {
      h.putFloat(256 + 4 * i, (float) quaternion[i]);
      h.putFloat(268 + 4 * i, (float) ras.origin()[i]);
    }
    double[] srow = ras.affine();
    for (int i = 0; i < 12; i++) {
      h.putFloat(280 + 4 * i, (float) srow[i]);
    }
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1').put(347, (byte) 0);
    return h.array();
  }

  /** The geometry as a 3×3 placement; a 2D image lies in the z = 0 plane with unit thickness. */
  private static NiftiOrientation lpsOrientation(ImageGeometry geometry) {
    int n = geometry.dimension();
    double[] direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    double[] spacing = {1, 1, 1};
    double[] origin = new double[3];
    for (int row = 0; row < n; row++) {
      spacing[row] = geometry.spacing().get(row);
      origin[row] = geometry.origin().get(row);
      for (int col = 0; col < n; col++) {
        direction[row * 3 + col] = geometry.direction().get(row * n + col);
      }
    }
    return new NiftiOrientation(direction, spacing, origin);
  }
}
