package org.voxbeam.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.value.Blob;

/**
 * A blob stored in a file, read on demand rather than held in memory. Unless the store was opened
 * without verification, every read re-hashes the file as it streams (see {@link
 * VerifyingInputStream}): the hash is the one this blob was stored under, not whatever the file
 * holds now, so a cached value never serves content changed on disk after its first read.
 */
public final class FileBlob implements Blob {
  private static final Logger LOG = LoggerFactory.getLogger(FileBlob.class);

  private final Path path;
  private final BlobRef ref;
  private final BlobStore store;
  private final boolean verify;
  private volatile boolean failed;

  FileBlob(Path path, BlobRef ref, BlobStore store, boolean verify) {
    this.path = path;
    this.ref = ref;
    this.store = store;
    this.verify = verify;
  }

  public BlobRef ref() {
    return ref;
  }

  /** The file holding the content. */
  Path path() {
    return path;
  }

  @Override
  public long size() {
    return ref.size();
  }

  @Override
  public InputStream open() throws IOException {
    InputStream in = Files.newInputStream(path);
    return verify ? new VerifyingInputStream(in, ref, this::corrupt) : in;
  }

  /** Marks this blob failed and moves its file to quarantine, where no reader finds it. */
  private void corrupt() {
    failed = true;
    try {
      store.quarantineIfCorrupt(ref);
    } catch (RuntimeException e) {
      LOG.warn("{}", e.getMessage());
    }
  }

  @Override
  public boolean failedVerification() {
    return failed;
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
}
