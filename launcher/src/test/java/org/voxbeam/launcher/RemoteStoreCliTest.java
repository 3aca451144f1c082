package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.launcher.http.ApiServer;
import org.voxbeam.launcher.http.ServerSettings;
import org.voxbeam.storage.remote.S3TestClient;
import org.voxbeam.testkit.S3ServerProcess;
import org.voxbeam.testkit.SharedFixtures;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code run --store s3://…} end to end, against an S3-compatible server in a process of its own
 * ({@link S3ServerProcess}): two runs from two working directories, as on two machines that share
 * only the bucket; the second computes nothing.
 */
class RemoteStoreCliTest {
  @TempDir Path dir;

  private static String endpoint;

  @BeforeAll
  static void startServer() throws IOException {
    endpoint = S3ServerProcess.shared().endpoint().toString();
    S3ServerProcess.useDummyCredentials();
  }

  @AfterAll
  static void clearCredentials() {
    S3ServerProcess.clearDummyCredentials();
  }

  @Test
  void aSecondWorkingDirectoryComputesNothingTheFirstPublished() throws IOException {
    Path program = brightProgram();
    List<String> store =
        List.of("--store", "s3://voxbeam-test/cli-run", "--store-endpoint", endpoint);

    CliOutcome first = run(program, store, dir.resolve("machine-a"));
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.computed() > 0, first.err());

    CliOutcome second = run(program, store, dir.resolve("machine-b"));
    assertEquals(0, second.exitCode(), second.err());
    assertEquals(0, second.computed(), second.err());
    assertEquals(first.out(), second.out());
  }

  /**
   * {@code store gc} on a remote store collects the working directory and the bucket: a blob no row
   * refers to goes, and a later run from another working directory still computes nothing.
   */
  @Test
  void storeGcRemovesTheBucketsUnreferencedBlobsToo() throws Exception {
    Path program = brightProgram();
    String uri = "s3://voxbeam-test/cli-gc";
    List<String> store = List.of("--store", uri, "--store-endpoint", endpoint);
    assertEquals(0, run(program, store, dir.resolve("machine-a")).exitCode());
    try (S3Client s3 = S3TestClient.of(URI.create(endpoint))) {
      s3.putObject(
          builder -> builder.bucket("voxbeam-test").key("cli-gc/blobs/sha256/ab/orphan"),
          RequestBody.fromString("orphan"));
    }
    Thread.sleep(20);
    CliOutcome gc =
        CliOutcome.run(
            "store",
            "gc",
            "--grace",
            "0s",
            "--store",
            uri,
            "--store-endpoint",
            endpoint,
            "--store-work-dir",
            dir.resolve("machine-a").toString());
    assertEquals(0, gc.exitCode(), gc.err());
    assertTrue(
        gc.out().contains("remote " + uri + ": removed 1 blobs and 0 temporary files, 6 bytes"),
        gc.out());
    CliOutcome later = run(program, store, dir.resolve("machine-b"));
    assertEquals(0, later.exitCode(), later.err());
    assertEquals(0, later.computed(), later.err());
  }

  /**
   * A server of a remote store collects the bucket's garbage on {@code POST /store/gc}, as {@code
   * store gc} does, and reports it apart from its working directory's.
   */
  @Test
  void theServersGcCollectsTheBucketToo() throws Exception {
    Path program = brightProgram();
    String uri = "s3://voxbeam-test/http-gc";
    CliOutcome first =
        run(program, List.of("--store", uri, "--store-endpoint", endpoint), dir.resolve("cli"));
    assertEquals(0, first.exitCode(), first.err());
    try (S3Client s3 = S3TestClient.of(URI.create(endpoint))) {
      s3.putObject(
          builder -> builder.bucket("voxbeam-test").key("http-gc/blobs/sha256/cd/orphan"),
          RequestBody.fromString("orphan!"));
    }
    Thread.sleep(20);
    try (VoxBeam voxbeam =
            VoxBeam.openRemote(
                uri, Optional.of(URI.create(endpoint)), dir.resolve("server"), 1 << 20);
        ApiServer server =
            new ApiServer(ServerSettings.loopback(0), voxbeam, RunSettings.inProcess(), "test")) {
      int port = server.start();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + port
                                  + ApiServer.PREFIX
                                  + "/store/gc?grace_seconds=0"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      JsonObject bucket =
          (JsonObject) ((JsonObject) JsonReader.parse(response.body())).get("remote").orElseThrow();
      assertEquals(
          "1",
          bucket.get("blobs_removed").map(CanonicalJson::write).orElseThrow(),
          response.body());
      assertEquals("7", bucket.get("bytes_freed").map(CanonicalJson::write).orElseThrow());
    }
    CliOutcome later =
        run(program, List.of("--store", uri, "--store-endpoint", endpoint), dir.resolve("later"));
    assertEquals(0, later.exitCode(), later.err());
    assertEquals(0, later.computed(), later.err());
  }

  private Path brightProgram() throws IOException {
    Path image = SharedFixtures.shared().resolve("data/synthetic/images/case_002_0000.nii.gz");
    return Files.writeString(
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
  }

  /**
   * On the DirectRunner the workers open the remote store themselves; the second run, from another
   * working directory, computes nothing and prints what the in-process run printed.
   */
  @Test
  void aBeamRunOnTheRemoteStoreComputesWhatTheInProcessRunWouldAndOnlyOnce() throws IOException {
    Path program = brightProgram();
    List<String> store =
        List.of("--store", "s3://voxbeam-test/cli-beam", "--store-endpoint", endpoint);
    CliOutcome inProcess = run(program, store, dir.resolve("in-process"));
    assertEquals(0, inProcess.exitCode(), inProcess.err());

    List<String> beam =
        List.of(
            "--runner=DirectRunner",
            "--store",
            "s3://voxbeam-test/cli-beam-direct",
            "--store-endpoint",
            endpoint);
    CliOutcome first = run(program, beam, dir.resolve("beam-a"));
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.computed() > 0, first.err());
    assertEquals(inProcess.out(), first.out());

    CliOutcome second = run(program, beam, dir.resolve("beam-b"));
    assertEquals(0, second.exitCode(), second.err());
    assertEquals(0, second.computed(), second.err());
    assertEquals(inProcess.out(), second.out());
  }

  @Test
  void aRunnerThatWasNotTriedWithARemoteStoreIsOneLineNamingTheOnesThatWere() throws IOException {
    Path program = Files.writeString(dir.resolve("one.imgql"), "print \"one\" 1\n");
    CliOutcome refused =
        run(
            program,
            List.of(
                "--runner=SparkRunner",
                "--store",
                "s3://voxbeam-test/cli-spark",
                "--store-endpoint",
                endpoint),
            dir.resolve("spark"));
    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("DirectRunner and FlinkRunner"), refused.err());
    assertTrue(refused.err().strip().lines().count() <= 2, refused.err());
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
}
