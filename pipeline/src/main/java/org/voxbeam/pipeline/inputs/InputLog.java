package org.voxbeam.pipeline.inputs;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;

/**
 * What one evaluation read outside the store: each file and listing its operators declared,
 * fingerprinted at the moment it was declared (before it was read). One per node, or per item of a
 * fan-out; thread-safe, though an evaluation rarely reads from several threads.
 */
public final class InputLog implements ExternalReads {
  private final InputFingerprints fingerprints;
  private final Set<RecordedInput> recorded = ConcurrentHashMap.newKeySet();

  public InputLog(InputFingerprints fingerprints) {
    this.fingerprints = fingerprints;
  }

  @Override
  public Path file(Path file) {
    recorded.add(fingerprints.file(file));
    return file;
  }

  @Override
  public Path listing(Path directory, boolean recursive) {
    recorded.add(fingerprints.listing(directory, recursive));
    return directory;
  }

  @Override
  public URI remoteFile(URI object) {
    recorded.add(fingerprints.remoteFile(object));
    return object;
  }

  @Override
  public URI remoteListing(URI folder, boolean recursive) {
    recorded.add(fingerprints.remoteListing(folder, recursive));
    return folder;
  }

  /** Everything declared so far. */
  public RecordedInputs recorded() {
    return RecordedInputs.of(recorded);
  }
}
