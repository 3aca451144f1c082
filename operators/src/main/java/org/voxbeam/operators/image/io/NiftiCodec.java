package org.voxbeam.operators.image.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.Voxels;

/**
 * Reads and writes single-file NIfTI-1 images ({@code .nii}, and {@code .nii.gz} through gzip).
 * Voxels are streamed straight into the array that becomes the image's blob; only a file stored
 * big-endian or with an intensity scaling is converted, in place or once.
 */
final class NiftiCodec {
  private static final int BUFFER = 1 << 16;

  private final long maxImageBytes;
  private final ImageLimits limits;

  /** A codec with the default limits, refusing images taking more than half of the heap. */
  public NiftiCodec() {
    this(ImageLimits.DEFAULTS);
  }

  /** A codec with {@code limits}, refusing images taking more than half of the heap. */
  public NiftiCodec(ImageLimits limits) {
    this(Runtime.getRuntime().maxMemory() / 2, limits);
  }

  /**
   * @param maxImageBytes the largest voxel data a read may hold; a header promising more (a
   *     mistake, or a decompression bomb) is refused before anything is allocated
   */
  public NiftiCodec(long maxImageBytes) {
    this(maxImageBytes, ImageLimits.DEFAULTS);
  }

  private NiftiCodec(long maxImageBytes, ImageLimits limits) {
    this.maxImageBytes = maxImageBytes;
    this.limits = limits;
  }

  /** Reads {@code file}; the name decides whether it is gzip-compressed. */
  public ImageValue read(Path file) throws IOException {
    return read(file.toString(), Files.newInputStream(file));
  }

  /**
   * Reads the image {@code content} holds, and closes it.
   *
   * @param file the file's name (a path or a URI): whether it ends with {@code .gz} decides whether
   *     it is gzip-compressed, and messages name it
   */
  public ImageValue read(String file, InputStream content) throws IOException {
    boolean gzip = file.toLowerCase(Locale.ROOT).endsWith(".gz");
    try (InputStream raw = new BufferedInputStream(content, BUFFER);
        InputStream in =
            new BoundedStream(gzip ? new GZIPInputStream(raw, BUFFER) : raw, limits, file)) {
      NiftiHeader header = NiftiHeader.parse(file, in.readNBytes(NiftiHeader.SIZE));
      long voxelCount = header.geometry().voxelCount();
      if (voxelCount > limits.maxVoxels()) {
        throw limits.tooManyVoxels(file, "dim", voxelCount);
      }
      long total = header.voxOffset() + header.dataBytes();
      if (total > limits.maxDecompressedBytes()) {
        throw limits.tooManyBytes(file, "dim", total);
      }
      long gap = header.voxOffset() - NiftiHeader.SIZE;
      in.skipNBytes(gap);
      long expected = header.dataBytes();
      if (expected > Integer.MAX_VALUE - 8) {
        throw new ImageFormatException(file, "dim", "image of " + expected + " bytes is too large");
      }
      if (expected > maxImageBytes) {
        throw new ImageFormatException(
            file,
            "dim",
            "image of "
                + expected
                + " bytes needs more memory than this JVM allows (at most "
                + maxImageBytes
                + " bytes per image); run it with a larger -Xmx");
      }
      byte[] voxels = new byte[(int) expected];
      int read = in.readNBytes(voxels, 0, voxels.length);
      if (read < expected) {
        throw new ImageFormatException(
            file,
            "voxel data",
            "truncated: header promises "
                + expected
                + " bytes after vox_offset "
                + header.voxOffset()
                + ", file holds "
                + read);
      }
      return toImage(header, voxels);
    } catch (ZipException e) {
      throw new ImageFormatException(file, "gzip stream", e.getMessage(), e);
    } catch (EOFException e) {
      throw new ImageFormatException(
          file, gzip ? "gzip stream" : "vox_offset", "file ends before the voxel data", e);
    }
  }

  private static ImageValue toImage(NiftiHeader header, byte[] voxels) {
    DType stored = header.type().dtype();
    if (header.order() == ByteOrder.BIG_ENDIAN) {
      swapInPlace(voxels, stored.byteSize());
    }
    if (!header.scaled()) {
      return new ImageValue(header.geometry(), stored, InMemoryBlob.adopt(voxels));
    }
    return scale(header, voxels);
  }

  /**
   * Applies {@code scl_slope}/{@code scl_inter}: the values become {@code float64} when stored as
   * {@code float64}, {@code float32} otherwise (as ITK reads scaled files as floating point).
   */
  private static ImageValue scale(NiftiHeader header, byte[] voxels) {
    DType stored = header.type().dtype();
    DType target = stored == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    int n = (int) header.geometry().voxelCount();
    Voxels in = Voxels.of(new ImageValue(header.geometry(), stored, InMemoryBlob.adopt(voxels)));
    byte[] out = new byte[n * target.byteSize()];
    ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      double v = header.slope() * in.get(i) + header.intercept();
      if (target == DType.FLOAT64) {
        o.putDouble(i * 8, v);
      } else {
        o.putFloat(i * 4, (float) v);
      }
    }
    return new ImageValue(header.geometry(), target, InMemoryBlob.adopt(out));
  }

  private static void swapInPlace(byte[] data, int width) {
    for (int start = 0; start + width <= data.length; start += width) {
      for (int lo = start, hi = start + width - 1; lo < hi; lo++, hi--) {
        byte t = data[lo];
        data[lo] = data[hi];
        data[hi] = t;
      }
    }
  }

  /**
   * Writes {@code image} little-endian with qform and sform both set (scanner-anatomical), so other
   * readers place it as VoxBeam does. The file appears complete or not at all: it is written beside
   * the target and renamed.
   */
  public void write(Path file, ImageValue image) throws IOException {
    boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    NiftiDataType type = NiftiDataType.of(image.dtype());
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".voxbeam-", ".part");
    try {
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER);
          OutputStream out = gzip ? new GZIPOutputStream(raw, BUFFER) : raw;
          InputStream voxels = image.voxels().open()) {
        out.write(NiftiHeader.encode(image.geometry(), type));
        voxels.transferTo(out);
      }
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
