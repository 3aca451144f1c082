package org.voxbeam.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.CorruptBlobException;
import org.voxbeam.storage.Durability;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;

/**
 * Content-addressed blob files. A blob is streamed to a temporary file while its SHA-256 is
 * computed (on a second thread for large blobs, see {@link HashingCopy}), then renamed to {@code
 * blobs/sha256/ab/cdef…}: readers never see a partial blob, two writers of the same content agree,
 * and nothing is ever held whole in memory.
 */
public final class BlobStore {
  private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);

  private final StoreLayout layout;
  private final boolean verifyReads;
  private final Durability durability;
  private final BlobSource source;

  /**
   * A blob store whose reads are verified and whose blobs are synced before they become visible.
   */
  public BlobStore(StoreLayout layout) {
    this(layout, true, Durability.FSYNC);
  }

  /**
   * @param verifyReads whether streams over stored blobs re-hash what they read (see {@link
   *     FileBlob})
   * @param durability whether a blob is synced to disk before it is renamed into place
   */
  public BlobStore(StoreLayout layout, boolean verifyReads, Durability durability) {
    this(layout, verifyReads, durability, BlobSource.NONE);
  }

  /**
   * As above, with blobs absent from the directory looked for in {@code source}: copied, hashed and
   * renamed into place when a read first needs them.
   */
  public BlobStore(
      StoreLayout layout, boolean verifyReads, Durability durability, BlobSource source) {
    this.layout = layout;
    this.verifyReads = verifyReads;
    this.durability = durability;
    this.source = source;
  }

  /** Stores {@code content}, streaming it; returns its name and size. */
  public BlobRef put(Blob content) {
    if (content instanceof FileBlob stored
        && stored.path().equals(layout.blob(stored.ref().sha256()))
        && exists(stored.ref())) {
      // Already here under its name (an operator passed a stored value on): nothing to copy. Its
      // readers verify it, as they verify every stored blob.
      return stored.ref();
    }
    Path temporary = null;
    try {
      Files.createDirectories(layout.tmp());
      temporary = NewFiles.createUnique(layout.tmp(), "blob-", ".tmp");
      MessageDigest digest = Sha256.digest();
      long size;
      if (content.size() >= HashingCopy.THRESHOLD) {
        try (InputStream in = content.open();
            OutputStream out = Files.newOutputStream(temporary)) {
          size = HashingCopy.copy(in, out, digest);
        }
      } else {
        try (InputStream in = content.open();
            OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
          size = in.transferTo(out);
        }
      }
      if (size != content.size()) {
        throw new StoreException("blob declared " + content.size() + " bytes but supplied " + size);
      }
      String sha = Sha256.hex(digest);
      Path target = layout.blob(sha);
      if (Files.exists(target)) {
        return new BlobRef(sha, size);
      }
      durability.syncFile(temporary);
      boolean newDirectory = !Files.isDirectory(target.getParent());
      Files.createDirectories(target.getParent());
      if (newDirectory) {
        durability.syncDirectory(layout.blobs());
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        durability.syncDirectory(target.getParent());
      } catch (IOException raced) {
        // Another writer stored the same content first; its file is identical. POSIX renames over
        // it; Windows refuses to replace a file another process has open, so that is a race too.
        if (!Files.exists(target)) {
          throw raced;
        }
      }
      return new BlobRef(sha, size);
    } catch (CorruptBlobException e) {
      throw new StoreException("cannot store a blob copied from the store: " + e.getMessage(), e);
    } catch (IOException e) {
      throw StoreException.io("write blob", temporary == null ? layout.tmp() : temporary, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /** The stored blob {@code ref}; its content is read from disk when opened. */
  public FileBlob open(BlobRef ref) {
    return new FileBlob(layout.blob(ref.sha256()), ref, this, verifyReads);
  }

  /**
   * Whether the blob is in the directory, of its size; one absent is first copied from the store's
   * {@link BlobSource}, if it has one.
   */
  public boolean exists(BlobRef ref) {
    Path path = layout.blob(ref.sha256());
    try {
      return (Files.isRegularFile(path) && Files.size(path) == ref.size()) || copied(ref);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Copies {@code ref} from the source into place, if the source has it and what it sends hashes to
   * its name and size. A copy that does not is dropped, so the blob reads as absent.
   */
  private boolean copied(BlobRef ref) {
    if (source == BlobSource.NONE) {
      return false;
    }
    Path temporary = null;
    try {
      Files.createDirectories(layout.tmp());
      temporary = NewFiles.createUnique(layout.tmp(), "pulled-", ".tmp");
      if (!source.copyTo(ref, temporary)) {
        return false;
      }
      Sha256.Measured measured = Sha256.ofFile(temporary);
      if (!measured.hex().equals(ref.sha256()) || measured.size() != ref.size()) {
        LOG.warn(
            "blob {} copied from the remote store does not match its name; ignored", ref.sha256());
        return false;
      }
      Path target = layout.blob(ref.sha256());
      Files.createDirectories(target.getParent());
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.exists(target)) {
          throw raced;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot copy blob {} from the remote store: {}", ref.sha256(), e.getMessage());
      return false;
    } finally {
      deleteQuietly(temporary);
    }
  }

  /** Re-hashes the blob's file: whether it is present, of the right size and intact. */
  public boolean verify(BlobRef ref) {
    Path path = layout.blob(ref.sha256());
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try {
      Sha256.Measured measured = Sha256.ofFile(path);
      return measured.size() == ref.size() && measured.hex().equals(ref.sha256());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Moves a corrupt blob out of the way, keeping it for inspection: results that reference it then
   * read as absent and are recomputed, which writes a good copy.
   */
  public void quarantine(BlobRef ref) {
    Path source = layout.blob(ref.sha256());
    try {
      Files.createDirectories(layout.quarantine());
      Files.move(
          source,
          layout.quarantine().resolve(ref.sha256() + "-" + System.nanoTime()),
          StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.NoSuchFileException alreadyMoved) {
      // Another reader quarantined it first.
    } catch (IOException e) {
      throw StoreException.io("quarantine corrupt blob", source, e);
    }
  }

  /**
   * Quarantines the blob {@code ref} if its file is corrupt now: a reader that found it corrupt may
   * have read an old file while a good copy was being stored under the same name.
   */
  void quarantineIfCorrupt(BlobRef ref) {
    if (Files.exists(layout.blob(ref.sha256())) && !verify(ref)) {
      quarantine(ref);
    }
  }

  /** Every blob file in the store, by name. */
  public java.util.List<Path> listFiles() throws IOException {
    if (!Files.isDirectory(layout.blobs())) {
      return java.util.List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.walk(layout.blobs())) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** The name (SHA-256) of a blob file. */
  public static String nameOf(Path blobFile) {
    return blobFile.getParent().getFileName().toString() + blobFile.getFileName();
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A leftover temporary file is removed by gc.
    }
  }
}
