package org.voxbeam.storage.remote;

import java.io.IOException;
import java.nio.file.Path;
import org.voxbeam.storage.blob.BlobRef;
import org.voxbeam.storage.blob.BlobSource;

/** The remote's blobs, as the local tier's store copies them on first use. */
record RemoteBlobs(RemoteLocation remote, RemoteNames names) implements BlobSource {
  @Override
  public boolean copyTo(BlobRef ref, Path target) throws IOException {
    return remote.read(names.blob(ref.sha256()), target);
  }
}
