package org.voxbeam.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Image files that are valid but hostile by size: a small {@code .nii.gz} that inflates to
 * gigabytes, a PNG promising hundreds of megapixels. They are written from their formats'
 * specifications (not through VoxBeam's codecs), cheaply: the bomb is a chain of identical gzip
 * members, which every gzip reader reads as one stream.
 */
public final class HostileImages {
  private static final int MEBIBYTE = 1 << 20;

  private HostileImages() {}

  /**
   * A {@code .nii.gz} of {@code x·y·z} uint8 voxels, all zero, decompressing to 352 bytes more than
   * that; a few kilobytes per gigabyte on disk.
   */
  public static Path niftiGzipBomb(Path file, int x, int y, int z) throws IOException {
    long dataBytes = (long) x * y * z;
    byte[] zeros = new byte[MEBIBYTE];
    byte[] member = gzip(zeros);
    try (OutputStream out = Files.newOutputStream(file)) {
      ByteArrayOutputStream first = new ByteArrayOutputStream();
      first.write(niftiHeader(x, y, z));
      first.write(new byte[4]);
      out.write(gzip(first.toByteArray()));
      for (long written = 0; written < dataBytes; written += MEBIBYTE) {
        boolean whole = written + MEBIBYTE <= dataBytes;
        out.write(whole ? member : gzip(new byte[(int) (dataBytes - written)]));
      }
    }
    return file;
  }

  /**
   * A grey 8-bit PNG of {@code width × height} black pixels, valid to the last CRC; its compressed
   * data is about a thousandth of the pixels.
   */
  public static Path hugePng(Path file, int width, int height) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      ByteBuffer ihdr = ByteBuffer.allocate(13);
      ihdr.putInt(width).putInt(height);
      ihdr.put(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey, deflate, adaptive filters, no interlace
      chunk(out, "IHDR", ihdr.array());
      ByteArrayOutputStream idat = new ByteArrayOutputStream();
      byte[] row = new byte[width + 1];
      Deflater fast = new Deflater(Deflater.BEST_SPEED);
      try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, fast, 1 << 16)) {
        for (int y = 0; y < height; y++) {
          deflate.write(row);
        }
      } finally {
        fast.end();
      }
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
    return file;
  }

  /** A NIfTI-1 single-file header for uint8 voxels, unit spacing, data at offset 352. */
  private static byte[] niftiHeader(int x, int y, int z) {
    ByteBuffer header = ByteBuffer.allocate(348).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0, 348);
    header.putShort(40, (short) 3).putShort(42, (short) x);
    header.putShort(44, (short) y).putShort(46, (short) z);
    for (int i = 48; i < 56; i += 2) {
      header.putShort(i, (short) 1);
    }
    header.putShort(70, (short) 2).putShort(72, (short) 8);
    for (int i = 0; i < 8; i++) {
      header.putFloat(76 + 4 * i, 1.0f);
    }
    header.putFloat(108, 352.0f).putFloat(112, 1.0f);
    header.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
    return header.array();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(name);
    out.write(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
