package org.voxbeam.storage.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.parquet.example.data.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.blob.BlobRef;
import org.voxbeam.storage.segment.RowCodec;
import org.voxbeam.storage.segment.SegmentFiles;
import org.voxbeam.storage.segment.SegmentSchema;

/**
 * Publishes one committed local segment: every blob its rows reference, then the segment, then its
 * manifest entry. The order is what makes a remote reader safe: a segment is listed only once its
 * blobs are there, and a manifest entry only once its segment is.
 *
 * @param sent blob names already on the remote (shared by the publications of one store, so a blob
 *     many segments reference is checked once); this publication adds to it
 * @param uploads where the blobs are sent from, several at once: each is a round trip to the remote
 */
record SegmentPublication(
    RemoteLocation remote, RemoteNames names, Path segment, Set<String> sent, Executor uploads) {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentPublication.class);

  void run() throws IOException {
    StoreLayout layout = names.layout();
    Set<BlobRef> blobs = new LinkedHashSet<>();
    for (Group row : SegmentFiles.read(segment, SegmentSchema.STATS_PROJECTION)) {
      RowCodec.blobOf(row).ifPresent(blobs::add);
    }
    List<CompletableFuture<Void>> sending = new ArrayList<>();
    for (BlobRef blob : blobs) {
      if (sent.contains(blob.sha256())) {
        continue;
      }
      Path file = layout.blob(blob.sha256());
      if (!Files.isRegularFile(file)) {
        // Not here: quarantined as corrupt, or never pulled. The rows that reference it read as
        // absent wherever the blob is missing, and are recomputed; nothing is published broken.
        LOG.warn("blob {} of segment {} is not in the working directory", blob.sha256(), segment);
        continue;
      }
      sending.add(CompletableFuture.runAsync(() -> send(blob, file), uploads));
    }
    try {
      CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException failed) {
        throw failed.getCause();
      }
      throw e;
    }
    String name = segment.getFileName().toString();
    remote.putIfAbsent(names.segment(name), segment);
    Path entry = layout.manifest().resolve(name + ".sha256");
    if (Files.isRegularFile(entry)) {
      remote.putIfAbsent(names.manifestEntry(name), entry);
    }
  }

  private void send(BlobRef blob, Path file) {
    try {
      remote.putIfAbsent(names.blob(blob.sha256()), file);
      sent.add(blob.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
