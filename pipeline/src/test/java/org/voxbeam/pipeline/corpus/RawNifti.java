package org.voxbeam.pipeline.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A gzipped NIfTI-1 file of uint8 voxels read without VoxBeam's codec (gzip, {@code dim}, {@code
 * datatype}, {@code vox_offset}), so that checks on what the programs read do not lean on the code
 * they check.
 *
 * @param size voxels along x, y, z
 * @param voxels x fastest
 */
public record RawNifti(long[] size, byte[] voxels) {

  public static RawNifti read(Path file) {
    byte[] bytes;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      bytes = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (header.getInt(0) != 348 || header.getShort(70) != 2) {
      throw new IllegalStateException(file + ": not a little-endian uint8 NIfTI-1 file");
    }
    int dims = header.getShort(40);
    long[] size = new long[dims];
    int count = 1;
    for (int axis = 0; axis < dims; axis++) {
      size[axis] = header.getShort(42 + 2 * axis);
      count *= (int) size[axis];
    }
    int offset = (int) header.getFloat(108);
    byte[] voxels = new byte[count];
    System.arraycopy(bytes, offset, voxels, 0, count);
    return new RawNifti(size, voxels);
  }
}
