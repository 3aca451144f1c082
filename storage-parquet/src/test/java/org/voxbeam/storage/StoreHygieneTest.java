package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.voxbeam.storage.StoredValues.id;
import static org.voxbeam.storage.StoredValues.result;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;
import org.voxbeam.storage.runs.RunTable;

/**
 * Files a store creates can be shared: each gets the permissions any new file in its directory gets
 * under the process umask (not the 0600 of temporary files); and commands that only read refuse a
 * directory that is not a store instead of making one.
 */
class StoreHygieneTest {
  @TempDir Path dir;

  @Test
  void everyFileTheStoreWritesFollowsTheUmask() throws IOException {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions");
    Path root = dir.resolve("store");
    try (ParquetResultStore store = ParquetResultStore.open(root, StoreOptions.defaults())) {
      store.put(result("payload", new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2, 3}))));
      assertTrue(store.get(id("payload")).isPresent(), "read back");
      new RunTable(store.layout())
          .append(
              new RunRecord(
                  "r1",
                  Instant.now(),
                  Instant.now(),
                  "in-process",
                  "p.imgql",
                  "00",
                  "reuse",
                  "test",
                  new RunRecord.Nodes(1, 1, 0, 0),
                  new RunRecord.Items(0, 0, 0),
                  List.of(
                      new GoalRecord(
                          "x",
                          "print",
                          id("payload").hex(),
                          GoalRecord.MATERIALIZED,
                          Optional.empty()))));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(file -> !file.startsWith(root.resolve("tmp")))
              .toList();
    }
    assertEquals(
        Set.of("voxbeam-store.json", "segment", "manifest", "blob", "access", "run"),
        kinds(root, files));
    for (Path file : files) {
      assertEquals(
          freshPermissions(file.getParent()), Files.getPosixFilePermissions(file), file.toString());
    }
  }

  @Test
  void openingAnExistingStoreRefusesMissingAndForeignDirectories() throws IOException {
    Path missing = dir.resolve("nowhere");
    StoreException absent =
        assertThrows(
            StoreException.class,
            () -> ParquetResultStore.openExisting(missing, StoreOptions.defaults()));
    assertTrue(absent.getMessage().contains("no result store at"), absent.getMessage());
    assertFalse(Files.exists(missing), "nothing is created");
    Path foreign = Files.createDirectories(dir.resolve("photos"));
    StoreException notStore =
        assertThrows(
            StoreException.class,
            () -> ParquetResultStore.openExisting(foreign, StoreOptions.defaults()));
    assertTrue(notStore.getMessage().contains("is not a VoxBeam store"), notStore.getMessage());
    try (Stream<Path> entries = Files.list(foreign)) {
      assertEquals(0, entries.count(), "the directory is left alone");
    }
  }

  private static Set<PosixFilePermission> freshPermissions(Path directory) throws IOException {
    Path probe = Files.createFile(directory.resolve(".probe-" + System.nanoTime()));
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.delete(probe);
    }
  }

  private static Set<String> kinds(Path root, List<Path> files) {
    return files.stream()
        .map(
            file -> {
              String top = root.relativize(file).getName(0).toString();
              return switch (top) {
                case "segments" -> "segment";
                case "blobs" -> "blob";
                case "access" -> "access";
                case "runs" -> "run";
                default -> top;
              };
            })
        .collect(java.util.stream.Collectors.toSet());
  }
}
