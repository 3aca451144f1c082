package org.voxbeam.operators.image.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails once more than the decompressed-bytes limit has been read from it. The header
 * checks refuse what a file promises; this refuses what it delivers, whatever it promised, while
 * the bytes are being inflated rather than after.
 */
final class BoundedStream extends FilterInputStream {
  private final ImageLimits limits;
  private final String file;
  private long read;

  BoundedStream(InputStream in, ImageLimits limits, String file) {
    super(in);
    this.limits = limits;
    this.file = file;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws ImageFormatException {
    read += n;
    if (read > limits.maxDecompressedBytes()) {
      throw limits.tooManyBytes(file, "decompressed data", -1);
    }
  }
}
