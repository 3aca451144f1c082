package org.voxbeam.storage.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.value.CorruptBlobException;

/**
 * A stored blob's bytes, hashed as they are read. The read that would hand out the blob's last
 * bytes first checks the digest, and fails with {@link CorruptBlobException} instead if the content
 * no longer hashes to the blob's name (or the file is shorter or longer than recorded): a reader,
 * an HTTP response included, never completes with wrong bytes.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final BlobRef ref;
  private final Runnable onCorrupt;
  private final MessageDigest digest = Sha256.digest();
  private long position;
  private boolean checked;

  VerifyingInputStream(InputStream in, BlobRef ref, Runnable onCorrupt) {
    super(in);
    this.ref = ref;
    this.onCorrupt = onCorrupt;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int read = read(one, 0, 1);
    return read < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    long remaining = ref.size() - position;
    if (remaining <= 0) {
      if (!checked) {
        check();
      }
      if (in.read() >= 0) {
        throw corrupt("it is longer than " + ref.size() + " bytes");
      }
      return -1;
    }
    int read = in.read(buffer, offset, (int) Math.min(length, remaining));
    if (read < 0) {
      throw corrupt("it ends after " + position + " of " + ref.size() + " bytes");
    }
    digest.update(buffer, offset, read);
    position += read;
    if (position == ref.size()) {
      check();
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 1 << 16)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void mark(int limit) {}

  @Override
  public void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void check() throws IOException {
    checked = true;
    String actual = Sha256.hex(digest);
    if (!actual.equals(ref.sha256())) {
      throw corrupt("its content hashes to " + actual);
    }
    if (in.read() >= 0) {
      throw corrupt("it is longer than " + ref.size() + " bytes");
    }
  }

  private CorruptBlobException corrupt(String why) {
    onCorrupt.run();
    return new CorruptBlobException(
        "stored blob " + ref.sha256() + " is corrupt (" + why + "); moved to quarantine");
  }
}
