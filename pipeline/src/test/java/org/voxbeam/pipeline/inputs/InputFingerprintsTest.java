package org.voxbeam.pipeline.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;

/**
 * Fingerprints are the SHA-256 of what was read, and the stat pre-check spares hashing an unchanged
 * file, but never vouches for a file modified too recently to trust its time.
 */
class InputFingerprintsTest {
  @TempDir Path dir;

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private final InputFingerprints fingerprints =
      new InputFingerprints(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aFileIsFingerprintedByTheSha256OfItsBytes() throws Exception {
    Path file = aged(Files.writeString(dir.resolve("a.txt"), "hello"));
    RecordedInput recorded = fingerprints.file(file);
    assertEquals(RecordedInput.Kind.FILE, recorded.kind());
    assertEquals(file.toString(), recorded.path());
    assertEquals(Optional.of(sha256("hello".getBytes(StandardCharsets.UTF_8))), recorded.sha256());
    assertTrue(recorded.stat().isPresent(), "an old file's stat can vouch for it");
  }

  @Test
  void anUnchangedFileIsCheckedWithoutHashingAndAChangedOneIsNot() throws IOException {
    Path file = aged(Files.writeString(dir.resolve("a.txt"), "hello"));
    RecordedInput recorded = fingerprints.file(file);
    long hashed = fingerprints.filesHashed();
    for (int i = 0; i < 100; i++) {
      assertTrue(
          new InputFingerprints(Clock.fixed(NOW, ZoneOffset.UTC)).matches(recorded),
          "checked by its stat");
    }
    assertTrue(fingerprints.matches(recorded));
    assertEquals(hashed, fingerprints.filesHashed(), "no file was read again");

    Files.writeString(file, "HELLO");
    Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(10)));
    assertFalse(
        fingerprints.matches(recorded),
        "same size, a new time: hashed again, and the bytes differ");
    Files.writeString(file, "hello");
    Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(5)));
    assertTrue(
        fingerprints.matches(recorded),
        "a touched file with the same bytes still matches, by hashing it");

    Files.writeString(file, "HELLO");
    aged(file);
    assertTrue(
        fingerprints.matches(recorded),
        "the pre-check's known limit, as make's and git's: new bytes of the same size under the"
            + " very same time and file key pass for the old ones (--refresh computes such a file's"
            + " results again)");
  }

  @Test
  void aFileModifiedJustBeforeItWasHashedIsNotVouchedForByItsStat() throws IOException {
    Path file = Files.writeString(dir.resolve("fresh.txt"), "new");
    Files.setLastModifiedTime(file, FileTime.from(NOW.minusMillis(500)));
    RecordedInput recorded = fingerprints.file(file);
    assertTrue(recorded.sha256().isPresent());
    assertEquals(
        Optional.empty(),
        recorded.stat(),
        "racy: a change within the clock's granularity keeps the time");
    long hashed = fingerprints.filesHashed();
    assertTrue(fingerprints.matches(recorded));
    assertEquals(hashed + 1, fingerprints.filesHashed(), "so it is hashed again on every check");
  }

  @Test
  void aMissingFileIsRecordedAsAbsentAndMatchesOnlyWhileAbsent() throws IOException {
    Path file = dir.resolve("later.txt");
    RecordedInput absent = fingerprints.file(file);
    assertEquals(Optional.empty(), absent.sha256());
    assertTrue(fingerprints.matches(absent));
    Files.writeString(file, "now it is here");
    assertFalse(fingerprints.matches(absent));
  }

  @Test
  void aListingIsTheSha256OfTheSortedNames() throws Exception {
    Files.writeString(dir.resolve("b.nii.gz"), "b");
    Files.writeString(dir.resolve("a.nii.gz"), "a");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.nii.gz"), "c");
    RecordedInput listing = fingerprints.listing(dir, false);
    assertEquals(
        Optional.of(sha256("a.nii.gz\0b.nii.gz\0sub\0".getBytes(StandardCharsets.UTF_8))),
        listing.sha256());
    RecordedInput tree = fingerprints.listing(dir, true);
    assertEquals(
        Optional.of(
            sha256("a.nii.gz\0b.nii.gz\0sub\0sub/c.nii.gz\0".getBytes(StandardCharsets.UTF_8))),
        tree.sha256());

    Files.writeString(dir.resolve("a.nii.gz"), "changed content, same names");
    assertTrue(fingerprints.matches(listing), "a listing depends on names, not content");
    Files.writeString(dir.resolve("sub/d.nii.gz"), "d");
    assertTrue(
        fingerprints.matches(listing), "a new entry below the root is not in the root's listing");
    assertFalse(fingerprints.matches(tree), "but it is in the tree's");
    Files.delete(dir.resolve("b.nii.gz"));
    assertFalse(fingerprints.matches(listing));
  }

  @Test
  void aLogRecordsEachDeclaredReadOnceInOrder() throws IOException {
    Path file = aged(Files.writeString(dir.resolve("a.txt"), "x"));
    InputLog log = new InputLog(fingerprints);
    log.file(file);
    log.listing(dir, false);
    log.file(file);
    RecordedInputs recorded = log.recorded();
    assertEquals(
        List.of(RecordedInput.Kind.FILE, RecordedInput.Kind.LISTING),
        recorded.entries().stream().map(RecordedInput::kind).toList());
    assertTrue(new InputCheck(fingerprints).unchanged(recorded));
    Files.writeString(dir.resolve("new.txt"), "y");
    assertFalse(new InputCheck(fingerprints).unchanged(recorded), "the listing changed");
  }

  private static Path aged(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(3600)));
    return file;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
