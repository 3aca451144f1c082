package org.voxbeam.operators.image.io;

import java.io.Serializable;

/**
 * How large an image file may be read: voxels per image, and bytes of (decompressed) data per file.
 * Both are checked against the header before anything is allocated, and the bytes again as a gzip
 * stream is read, so a decompression bomb or a header promising 900 megapixels costs a few
 * kilobytes of reading, not gigabytes of memory. Serializable, so that Beam workers get the limits
 * of the run that started them.
 *
 * @param maxVoxels most voxels (pixels, for a picture) one image may have
 * @param maxDecompressedBytes most bytes one file may hold once decompressed: header, gap and voxel
 *     data of a NIfTI file, raw samples of a PNG picture
 */
public record ImageLimits(long maxVoxels, long maxDecompressedBytes) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** 2^28 voxels: a 640³ volume, or a 16k × 16k picture. */
  public static final long DEFAULT_MAX_VOXELS = 1L << 28;

  /** 1 GiB. */
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 1L << 30;

  /** The limits a run has unless told otherwise. */
  public static final ImageLimits DEFAULTS =
      new ImageLimits(DEFAULT_MAX_VOXELS, DEFAULT_MAX_DECOMPRESSED_BYTES);

  public ImageLimits {
    if (maxVoxels < 1) {
      throw new IllegalArgumentException("the voxel limit must be positive, got " + maxVoxels);
    }
    if (maxDecompressedBytes < 1) {
      throw new IllegalArgumentException(
          "the decompressed size limit must be positive, got " + maxDecompressedBytes);
    }
  }

  /** These limits, lowered to {@code other}'s where {@code other}'s are lower. */
  public ImageLimits atMost(ImageLimits other) {
    return new ImageLimits(
        Math.min(maxVoxels, other.maxVoxels),
        Math.min(maxDecompressedBytes, other.maxDecompressedBytes));
  }

  ImageFormatException tooManyVoxels(String file, String field, long voxels) {
    return new ImageFormatException(
        file,
        field,
        voxels
            + " voxels exceed the limit of "
            + maxVoxels
            + " voxels per image (raise it with --max-voxels or limits.max-voxels)");
  }

  ImageFormatException tooManyBytes(String file, String field, long bytes) {
    return new ImageFormatException(
        file,
        field,
        (bytes < 0 ? "more than " + maxDecompressedBytes : Long.toString(bytes))
            + " bytes of decompressed data exceed the limit of "
            + maxDecompressedBytes
            + " bytes per file (raise it with --max-decompressed-mb or"
            + " limits.max-decompressed-mb)");
  }
}
