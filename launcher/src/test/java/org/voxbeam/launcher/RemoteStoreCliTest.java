package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.testkit.SharedFixtures;

/**
 * {@code run --store s3://…} end to end, against an S3-compatible server in a process of its own
 * ({@link S3ServerProcess}): two runs from two working directories, as on two machines that share
 * only the bucket; the second computes nothing.
 */
class RemoteStoreCliTest {
  @TempDir Path dir;

  private static String endpoint;

  @BeforeAll
  static void startServer() {
    endpoint = S3ServerProcess.endpoint().toString();
    S3ServerProcess.useCredentials(true);
  }

  @AfterAll
  static void clearCredentials() {
    S3ServerProcess.useCredentials(false);
  }

  @Test
  void aSecondWorkingDirectoryComputesNothingTheFirstPublished() throws IOException {
    Path image = SharedFixtures.shared().resolve("data/synthetic/images/case_002_0000.nii.gz");
    Path program =
        Files.writeString(
            dir.resolve("bright.imgql"),
            String.join(
                "\n",
                "import \"simpleitk\"",
                "import \"vox1\"",
                "img = ReadImage(\"" + image.toAbsolutePath().toString().replace("\\", "/") + "\")",
                "bright = img > 127",
                "print \"bright voxels\" volume(bright)",
                "print \"largest component\" volume(maxvol(bright))",
                ""));
    List<String> store =
        List.of("--store", "s3://voxbeam-test/cli-run", "--store-endpoint", endpoint);

    CliOutcome first = run(program, store, dir.resolve("machine-a"));
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(computed(first) > 0, first.err());

    CliOutcome second = run(program, store, dir.resolve("machine-b"));
    assertEquals(0, second.exitCode(), second.err());
    assertEquals(0, computed(second), second.err());
    assertEquals(first.out(), second.out());
  }

  @Test
  void aStoreUriWithoutABucketIsOneLineNamingIt() throws IOException {
    Path program = Files.writeString(dir.resolve("one.imgql"), "print \"one\" 1\n");
    CliOutcome refused =
        CliOutcome.run(
            "run",
            program.toString(),
            "--store",
            "s3:///prefix",
            "--store-endpoint",
            endpoint,
            "--store-work-dir",
            dir.resolve("w").toString());
    assertTrue(refused.exitCode() != 0);
    assertTrue(refused.err().contains("s3:///prefix"), refused.err());
    assertTrue(refused.err().strip().lines().count() <= 2, refused.err());
  }

  @Test
  void anHdfsStoreNeedsHadoopsClientWhichTheLauncherDoesNotCarry() throws IOException {
    Path program = Files.writeString(dir.resolve("one.imgql"), "print \"one\" 1\n");
    CliOutcome refused =
        CliOutcome.run(
            "run",
            program.toString(),
            "--store",
            "hdfs://127.0.0.1:1/results",
            "--store-work-dir",
            dir.resolve("w").toString());
    assertEquals(2, refused.exitCode(), refused.err());
    assertEquals(
        "error: store hdfs://127.0.0.1:1/results: hdfs:// stores need Hadoop's shaded client"
            + " (hadoop-client-api and hadoop-client-runtime) on the classpath, which this build"
            + " does not carry\n",
        refused.err());
  }

  private static CliOutcome run(Path program, List<String> store, Path workDirectory) {
    List<String> args =
        new java.util.ArrayList<>(List.of("run", program.toString(), "--no-progress"));
    args.addAll(store);
    args.addAll(List.of("--store-work-dir", workDirectory.toString()));
    return CliOutcome.run(args.toArray(String[]::new));
  }

  private static int computed(CliOutcome outcome) {
    for (String line : outcome.err().lines().toList()) {
      if (line.matches("voxbeam: \\d+ nodes: \\d+ computed, .*")) {
        return Integer.parseInt(line.replaceAll("voxbeam: \\d+ nodes: (\\d+) computed, .*", "$1"));
      }
    }
    throw new AssertionError("no report in " + outcome.err());
  }
}
