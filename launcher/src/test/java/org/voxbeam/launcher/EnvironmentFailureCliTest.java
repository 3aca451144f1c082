package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Finding 7 of issue 18: a full disk, a read-only store and a denied permission are reported in one
 * line that names the path, the operation and the cause, with a non-zero exit and no Java class
 * names, and leave the store consistent: verify finds nothing wrong and what was stored before is
 * still there. The full disk and the read-only store are small tmpfs mounts the test makes itself
 * (it needs to be allowed to mount; it is skipped where it is not).
 */
class EnvironmentFailureCliTest {
  @TempDir Path dir;
  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      run("umount", mounted.toString());
    }
  }

  private Path mountTmpfs(String size) throws Exception {
    Path point = Files.createDirectories(dir.resolve("tmpfs"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", point.toString()) == 0,
        "mounting a tmpfs is not permitted here");
    mounted = point;
    return point;
  }

  private static int run(String... command) throws Exception {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor();
    } catch (IOException e) {
      return -1;
    }
  }

  private static String filterFold() {
    return SharedFixtures.golden().resolve("programs/filter-fold/plan.json").toString();
  }

  private Path bigImageProgram() throws IOException {
    Path image = SharedFixtures.shared().resolve("data/chris_t1.nii.gz");
    return Files.writeString(
        dir.resolve("big.imgql"),
        "import \"simpleitk\"\nimport \"vox1\"\nimg = ReadImage(\""
            + image
            + "\")\nprint \"v\" volume(img > 100)\n");
  }

  private static void assertOneLineWithoutClassNames(CliOutcome outcome, String... fragments) {
    assertEquals(ExitCodes.INTERNAL_ERROR, outcome.exitCode(), outcome.err());
    List<String> lines = outcome.err().lines().filter(line -> !line.isBlank()).toList();
    assertEquals(1, lines.size(), outcome.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("error: cannot "), line);
    for (String fragment : fragments) {
      assertTrue(line.contains(fragment), line);
    }
    assertFalse(line.matches(".*(Exception|java\\.|org\\.apache|\\tat ).*"), line);
  }

  private static void assertConsistent(String store) {
    CliOutcome verify = CliOutcome.run("store", "verify", "--store", store);
    assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
    CliOutcome again = CliOutcome.run("run", "--store", store, filterFold());
    assertEquals(ExitCodes.OK, again.exitCode(), again.err());
    assertTrue(again.out().contains("total=45.0"), again.out());
    assertTrue(
        (again.out() + again.err()).contains(": 0 computed,"),
        "earlier results kept: " + again.out() + again.err());
  }

  @Test
  void aFullDiskDuringABlobWriteIsOneLineAndLosesNothing() throws Exception {
    Path store = mountTmpfs("3m").resolve("store");
    assertEquals(
        ExitCodes.OK, CliOutcome.run("run", "--store", store.toString(), filterFold()).exitCode());
    CliOutcome full =
        CliOutcome.run("run", "--store", store.toString(), bigImageProgram().toString());
    assertOneLineWithoutClassNames(full, "write blob", store.toString(), "No space left on device");
    assertConsistent(store.toString());
  }

  /** The same when the commit timer, not the run, writes the blob that does not fit. */
  @Test
  void aFullDiskDuringATimedCommitIsOneLineAndLosesNothing() throws Exception {
    Path store = mountTmpfs("3m").resolve("store");
    assertEquals(
        ExitCodes.OK, CliOutcome.run("run", "--store", store.toString(), filterFold()).exitCode());
    CliOutcome full =
        CliOutcome.run(
            "run",
            "--store",
            store.toString(),
            "--commit-interval",
            "10ms",
            bigImageProgram().toString());
    assertOneLineWithoutClassNames(full, "write blob", store.toString(), "No space left on device");
    assertConsistent(store.toString());
  }

  @Test
  void aFullDiskDuringASegmentWriteIsOneLineAndLosesNothing() throws Exception {
    Path root = mountTmpfs("1m");
    Path store = root.resolve("store");
    assertEquals(
        ExitCodes.OK, CliOutcome.run("run", "--store", store.toString(), filterFold()).exitCode());
    Path program =
        Files.writeString(
            dir.resolve("many.imgql"), "print \"n\" for x in range(0, 3000) do x * 3 + 1\n");
    fill(root);
    CliOutcome full = CliOutcome.run("run", "--store", store.toString(), program.toString());
    assertOneLineWithoutClassNames(
        full, "write segment", store.toString(), "No space left on device");
    Files.delete(root.resolve("filler"));
    assertConsistent(store.toString());
  }

  @Test
  void aReadOnlyStoreIsOneLine() throws Exception {
    Path root = mountTmpfs("8m");
    Path store = root.resolve("store");
    assertEquals(
        ExitCodes.OK, CliOutcome.run("run", "--store", store.toString(), filterFold()).exitCode());
    assumeTrue(run("mount", "-o", "remount,ro", root.toString()) == 0, "cannot remount read-only");
    CliOutcome refused =
        CliOutcome.run("run", "--store", store.toString(), bigImageProgram().toString());
    assertOneLineWithoutClassNames(refused, store.toString(), "Read-only file system");
    CliOutcome verify = CliOutcome.run("store", "verify", "--store", store.toString());
    assertEquals(ExitCodes.OK, verify.exitCode(), verify.out() + verify.err());
  }

  @Test
  void aStoreWithoutWritePermissionIsOneLine() throws Exception {
    Path store = dir.resolve("store");
    assertEquals(
        ExitCodes.OK, CliOutcome.run("run", "--store", store.toString(), filterFold()).exitCode());
    for (String sub : List.of("segments", "tmp", "blobs")) {
      Files.createDirectories(store.resolve(sub));
      Files.setPosixFilePermissions(
          store.resolve(sub), PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    try {
      assumeTrue(
          !Files.isWritable(store.resolve("tmp")), "permissions do not bind this user (root)");
      CliOutcome refused =
          CliOutcome.run("run", "--store", store.toString(), bigImageProgram().toString());
      assertOneLineWithoutClassNames(refused, store.toString(), "permission denied");
    } finally {
      for (String sub : List.of("segments", "tmp", "blobs")) {
        Files.setPosixFilePermissions(
            store.resolve(sub), PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  /** Fills the file system at {@code root} up to its last few kilobytes. */
  private static void fill(Path root) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(root.resolve("filler"))) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // The file system is full now; free a little so that small writes (a temporary file) start.
    }
    try (var channel =
        java.nio.channels.FileChannel.open(
            root.resolve("filler"), java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(Math.max(0, channel.size() - 8192));
    }
  }
}
