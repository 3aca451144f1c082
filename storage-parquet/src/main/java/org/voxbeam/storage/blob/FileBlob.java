package org.voxbeam.storage.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import org.voxbeam.kernel.value.Blob;

/**
 * A blob stored in a file, opened on demand. With verification on, reading the stream to its
 * end re-hashes the content and fails if it no longer matches its name, so a corrupted file is
 * never served as a valid result.
 */
public final class FileBlob implements Blob {
  private final Path path;
  private final BlobRef ref;
  private final boolean verify;

  FileBlob(Path path, BlobRef ref, boolean verify) {
    this.path = path;
    this.ref = ref;
    this.verify = verify;
  }

  public BlobRef ref() {
    return ref;
  }

  @Override
  public long size() {
    return ref.size();
  }

  @Override
  public InputStream open() throws IOException {
    InputStream in = Files.newInputStream(path);
    return verify ? new VerifyingStream(in, ref) : in;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileBlob that && ref.equals(that.ref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ref);
  }

  @Override
  public String toString() {
    return "FileBlob[" + ref.sha256() + ", " + ref.size() + " bytes]";
  }

  /** Hashes what passes through and checks it at the end of the stream. */
  private static final class VerifyingStream extends FilterInputStream {
    private final MessageDigest digest = BlobStore.sha256();
    private final BlobRef expected;
    private long seen;
    private boolean checked;

    VerifyingStream(InputStream in, BlobRef expected) {
      super(in);
      this.expected = expected;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        digest.update((byte) b);
        seen++;
      } else {
        check();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        digest.update(buffer, offset, read);
        seen += read;
      } else if (read < 0) {
        check();
      }
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(n, 8192)];
      int read = read(buffer, 0, buffer.length);
      return Math.max(read, 0);
    }

    private void check() throws IOException {
      if (checked) {
        return;
      }
      checked = true;
      String actual = HexFormat.of().formatHex(digest.digest());
      if (seen != expected.size() || !actual.equals(expected.sha256())) {
        throw new IOException("blob " + expected.sha256() + " is corrupt (content hashes to " + actual + ")");
      }
    }
  }
}
