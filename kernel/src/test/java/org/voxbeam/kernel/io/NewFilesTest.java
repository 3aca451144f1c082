package org.voxbeam.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New files get the mode any file the process creates gets, never the 0600 of temporary files. */
class NewFilesTest {
  @TempDir Path dir;

  @Test
  void createdFilesHaveUniqueNamesAndTheUmasksMode() throws IOException {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions");
    Set<PosixFilePermission> fresh =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
    Path one = NewFiles.createUnique(dir, "blob-", ".tmp");
    Path two = NewFiles.createUnique(dir, "blob-", ".tmp");
    assertNotEquals(one, two);
    assertTrue(
        one.getFileName().toString().startsWith("blob-")
            && one.getFileName().toString().endsWith(".tmp"));
    assertEquals(fresh, Files.getPosixFilePermissions(one));
  }

  @Test
  void timeOrderedNamesSortByTimeAndDiffer() {
    String early = NewFiles.timeOrderedName("run-", 42, ".parquet");
    String late = NewFiles.timeOrderedName("run-", 1_796_687_577_422L, ".parquet");
    assertTrue(early.matches("run-0{11}42-[0-9a-f]{16}\\.parquet"), early);
    assertTrue(late.matches("run-1796687577422-[0-9a-f]{16}\\.parquet"), late);
    assertTrue(early.compareTo(late) < 0);
    assertNotEquals(late, NewFiles.timeOrderedName("run-", 1_796_687_577_422L, ".parquet"));
  }

  @Test
  void aTemporaryFileIsGivenTheUmasksMode() throws IOException {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions");
    Set<PosixFilePermission> fresh =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
    Path written = Files.createTempFile(dir, "codec-", ".part");
    NewFiles.matchUmask(written);
    assertEquals(fresh, Files.getPosixFilePermissions(written));
    try (var entries = Files.list(dir)) {
      assertEquals(2, entries.count(), "the probe it used is gone");
    }
  }
}
