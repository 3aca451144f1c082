package org.voxbeam.pipeline.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.io.InputSource;
import org.voxbeam.kernel.io.InputSources;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.store.RecordedInput;

/**
 * Remote inputs are fingerprinted by the SHA-256 of their content under their URI; a content tag
 * (S3's ETag) vouches for an unchanged object at once, a modification time alone only once it has
 * aged, and an input no source can reach never matches. The backend here is a local folder behind
 * the {@link InputSource} interface, so the test sees what every backend gives the fingerprints.
 */
class RemoteInputFingerprintsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @TempDir Path dir;

  private final InputFingerprints fingerprints =
      new InputFingerprints(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void register() {
    InputSources.register("tagged-test", new FolderSource(dir, true));
    InputSources.register("untagged-test", new FolderSource(dir, false));
  }

  @Test
  void aTaggedObjectIsCheckedByItsTagAtOnceAndAnOverwriteIsAMiss() throws IOException {
    Files.writeString(dir.resolve("a.nii"), "first");
    URI object = URI.create("tagged-test://bucket/a.nii");
    RecordedInput recorded = fingerprints.remoteFile(object);
    assertEquals("tagged-test://bucket/a.nii", recorded.path());
    assertEquals(Optional.of(Sha256.of("first")), recorded.sha256());
    assertTrue(recorded.stat().isPresent(), "a content tag vouches for a new object");
    long hashed = fingerprints.filesHashed();
    assertTrue(new InputFingerprints(Clock.fixed(NOW, ZoneOffset.UTC)).matches(recorded));
    assertEquals(hashed, fingerprints.filesHashed());

    Files.writeString(dir.resolve("a.nii"), "other");
    assertFalse(fingerprints.matches(recorded));
  }

  @Test
  void anUntaggedObjectIsTrustedByItsTimeOnlyOnceItHasAged() throws IOException {
    Path file = Files.writeString(dir.resolve("b.nii"), "bytes");
    Files.setLastModifiedTime(file, FileTime.from(NOW.minusMillis(500)));
    URI object = URI.create("untagged-test://nn:8020/b.nii");
    RecordedInput fresh = fingerprints.remoteFile(object);
    assertEquals(Optional.of(Sha256.of("bytes")), fresh.sha256());
    assertTrue(fresh.stat().isEmpty(), "a time within the racy window vouches for nothing");

    Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
    RecordedInput aged = fingerprints.remoteFile(object);
    assertTrue(aged.stat().isPresent());
    assertTrue(fingerprints.matches(aged));
  }

  @Test
  void aListingChangesWithTheNamesBelowTheFolder() throws IOException {
    Files.createDirectories(dir.resolve("cases/case01"));
    Files.writeString(dir.resolve("cases/case01/img.nii"), "x");
    URI folder = URI.create("tagged-test://bucket/cases");
    RecordedInput listing = fingerprints.remoteListing(folder, false);
    RecordedInput tree = fingerprints.remoteListing(folder, true);
    assertEquals(RecordedInput.Kind.LISTING, listing.kind());
    assertEquals(RecordedInput.Kind.TREE, tree.kind());
    assertTrue(fingerprints.matches(listing) && fingerprints.matches(tree));

    Files.writeString(dir.resolve("cases/case01/seg.nii"), "y");
    assertTrue(fingerprints.matches(listing), "the direct entries are the same");
    assertFalse(fingerprints.matches(tree));
    Files.createDirectories(dir.resolve("cases/case02"));
    assertFalse(fingerprints.matches(listing));
  }

  @Test
  void aMissingObjectIsRecordedAbsentAndMatchesOnlyWhileItStaysAbsent() throws IOException {
    URI object = URI.create("tagged-test://bucket/later.nii");
    RecordedInput absent = fingerprints.remoteFile(object);
    assertTrue(absent.sha256().isEmpty());
    assertTrue(fingerprints.matches(absent));
    Files.writeString(dir.resolve("later.nii"), "now here");
    assertFalse(fingerprints.matches(absent));
  }

  @Test
  void anInputNoSourceReachesNeverMatches() throws IOException {
    Files.writeString(dir.resolve("c.nii"), "c");
    RecordedInput recorded = fingerprints.remoteFile(URI.create("tagged-test://bucket/c.nii"));
    RecordedInput absent = fingerprints.remoteFile(URI.create("tagged-test://bucket/none.nii"));
    InputSources.register("tagged-test", new FailingSource());
    assertFalse(fingerprints.matches(recorded));
    assertFalse(fingerprints.matches(absent), "unreachable is not absent");
    assertTrue(
        fingerprints.remoteFile(URI.create("tagged-test://bucket/c.nii")).sha256().isEmpty());
  }

  /** A folder as a remote backend: the URI's path names a file below {@code root}. */
  private record FolderSource(Path root, boolean tagged) implements InputSource {
    private Path file(URI uri) {
      return root.resolve(uri.getPath().substring(1));
    }

    @Override
    public Optional<List<String>> list(URI folder, boolean recursive) throws IOException {
      Path directory = file(folder);
      if (!Files.isDirectory(directory)) {
        return Optional.empty();
      }
      try (Stream<Path> entries =
          recursive ? Files.walk(directory).skip(1) : Files.list(directory)) {
        return Optional.of(
            entries
                .map(entry -> directory.relativize(entry).toString().replace('\\', '/'))
                .toList());
      }
    }

    @Override
    public Optional<Version> version(URI object) throws IOException {
      Path file = file(object);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(
          new Version(
              Files.size(file),
              Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS),
              tagged ? "etag=" + Sha256.of(Files.readString(file, StandardCharsets.UTF_8)) : ""));
    }

    @Override
    public InputStream open(URI object) throws IOException {
      Path file = file(object);
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(object.toString());
      }
      return Files.newInputStream(file);
    }
  }

  /** A backend that cannot be reached. */
  private static final class FailingSource implements InputSource {
    @Override
    public Optional<List<String>> list(URI folder, boolean recursive) throws IOException {
      throw new IOException("unreachable");
    }

    @Override
    public Optional<Version> version(URI object) throws IOException {
      throw new IOException("unreachable");
    }

    @Override
    public InputStream open(URI object) throws IOException {
      throw new IOException("unreachable");
    }
  }
}
