package org.voxbeam.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.voxbeam.kernel.value.Blob;

/** A blob stored in a file, read on demand rather than held in memory. */
public final class FileBlob implements Blob {
  private final Path path;
  private final BlobRef ref;

  FileBlob(Path path, BlobRef ref) {
    this.path = path;
    this.ref = ref;
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
    return Files.newInputStream(path);
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
