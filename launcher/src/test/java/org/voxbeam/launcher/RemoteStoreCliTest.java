package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.testkit.SharedFixtures;

/**
 * {@code run --store s3://…} end to end, against an S3-compatible server in a process of its own
 * (S3Mock, from the storage-remote module's test classpath): two runs from two working directories,
 * as on two machines that share only the bucket; the second computes nothing.
 */
class RemoteStoreCliTest {
  /** Where the storage-remote module's build leaves its test classes and their classpath. */
  private static final Path REMOTE_MODULE_TARGET =
      Path.of(System.getProperty("voxbeam.storageRemoteTarget", "../storage-remote/target"));

  @TempDir static Path serverRoot;
  @TempDir Path dir;

  private static Process server;
  private static String endpoint;

  @BeforeAll
  static void startServer() throws Exception {
    Path classpathFile = REMOTE_MODULE_TARGET.resolve("s3-server.classpath");
    assertTrue(
        Files.isRegularFile(classpathFile),
        "build the storage-remote module's tests first (its test classpath is not at "
            + classpathFile.toAbsolutePath()
            + ")");
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            REMOTE_MODULE_TARGET.resolve("test-classes").toString(),
            REMOTE_MODULE_TARGET.resolve("classes").toString(),
            Files.readString(classpathFile).strip());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    server =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                classpath,
                "org.voxbeam.storage.remote.S3ServerMain",
                serverRoot.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    endpoint = CompletableFuture.supplyAsync(() -> announced(out)).get(120, TimeUnit.SECONDS);
    // The CLI finds credentials and region as the AWS SDK does; S3Mock accepts any.
    System.setProperty("aws.accessKeyId", "dummy-key");
    System.setProperty("aws.secretAccessKey", "dummy-secret");
    System.setProperty("aws.region", "us-east-1");
  }

  private static String announced(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("s3 ")) {
          return line.substring(3).strip();
        }
      }
      throw new AssertionError("the S3 server exited before it listened");
    } catch (IOException e) {
      throw new AssertionError("cannot read the S3 server's output", e);
    }
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.region");
    if (server != null) {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
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
