package org.voxbeam.api.peer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voxbeam.kernel.value.Blob;

/**
 * A blob downloaded from a peer and checked against its name, in a scratch file that lives until
 * the local store has copied it.
 */
record FetchedBlob(Path file, long size) implements Blob {
  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }
}
