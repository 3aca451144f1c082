package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunReport;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.storage.blob.FileBlob;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Finding 1 of issue 18: a blob changed on disk after a running server (and its cache) has read it
 * is not served with 200, and a new run that consumes it computes it again instead of using it, so
 * nothing wrong is printed or stored.
 */
class CorruptBlobServingTest {
  @TempDir Path dir;
  private VoxBeam voxbeam;
  private ApiServer server;
  private String base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    voxbeam = VoxBeam.open(dir.resolve("store"));
    // The program reads the shared sample images: they are the server's data root, or the server
    // would not serve what was computed from them.
    server =
        new ApiServer(
            ServerSettings.loopback(0)
                .withDataRoots(List.of(SharedFixtures.shared().resolve("data"))),
            voxbeam,
            RunSettings.inProcess(),
            "test");
    base = "http://127.0.0.1:" + server.start() + ApiServer.PREFIX;
  }

  @AfterEach
  void stop() {
    server.close();
    voxbeam.close();
  }

  private static String program(String body) {
    Path image = SharedFixtures.shared().resolve("data/synthetic/images/case_002_0000.nii.gz");
    return "import \"simpleitk\"\nimport \"vox1\"\nimg = ReadImage(\""
        + image
        + "\")\nbright = img > 127\n"
        + body;
  }

  @Test
  void aBlobChangedAfterItsFirstReadIsNeitherServedNorUsed() throws Exception {
    RunReport first =
        voxbeam.run(
            VoxBeam.program(
                program("print \"bright\" bright\nprint \"v\" volume(bright)\n"), "first.imgql"));
    assertTrue(first.succeeded());
    NodeId bright = goal(first, "bright").goal().id();
    double volume = number(goal(first, "v").value());

    HttpResponse<byte[]> served = download(bright);
    assertEquals(200, served.statusCode());
    byte[] good = served.body();

    Path blob = blobOf(bright);
    flipOneBit(blob, good.length / 2);

    HttpResponse<byte[]> again = download(bright);
    assertNotEquals(200, again.statusCode(), "a corrupt blob is not served as a success");
    assertTrue(
        new String(again.body(), StandardCharsets.UTF_8).contains("result_corrupt"),
        new String(again.body(), StandardCharsets.UTF_8));

    // A new run that reads the stored mask: the corrupt blob is quarantined, the mask computed
    // again, and what the run prints is what a clean store prints.
    String second =
        program("print \"largest\" volume(maxvol(bright))\nprint \"v\" volume(bright)\n");
    RunReport reused = voxbeam.run(VoxBeam.program(second, "second.imgql"));
    double expected;
    try (VoxBeam clean = VoxBeam.open(dir.resolve("clean"))) {
      expected =
          number(goal(clean.run(VoxBeam.program(second, "second.imgql")), "largest").value());
    }
    assertTrue(reused.succeeded());
    assertEquals(expected, number(goal(reused, "largest").value()));
    assertEquals(volume, number(goal(reused, "v").value()));
    assertArrayEquals(good, download(bright).body(), "the recomputed mask is served again");

    try (VoxBeam reopened = VoxBeam.open(dir.resolve("store"))) {
      RunReport third = reopened.run(VoxBeam.program(second, "second.imgql"));
      assertEquals(expected, number(goal(third, "largest").value()), "what was stored is right");
    }
  }

  @Test
  void aRunDoesNotUseABlobChangedAfterTheStoreFirstReadIt() throws Exception {
    RunReport first =
        voxbeam.run(VoxBeam.program(program("print \"bright\" bright\n"), "first.imgql"));
    NodeId bright = goal(first, "bright").goal().id();
    assertTrue(voxbeam.result(bright).isPresent(), "read once: verified, and cached");
    flipOneBit(blobOf(bright), 100);

    String second =
        program("print \"largest\" volume(maxvol(bright))\nprint \"v\" volume(bright)\n");
    RunReport reused = voxbeam.run(VoxBeam.program(second, "second.imgql"));
    double expected;
    double volume;
    try (VoxBeam clean = VoxBeam.open(dir.resolve("clean"))) {
      RunReport reference = clean.run(VoxBeam.program(second, "second.imgql"));
      expected = number(goal(reference, "largest").value());
      volume = number(goal(reference, "v").value());
    }
    assertEquals(expected, number(goal(reused, "largest").value()));
    assertEquals(volume, number(goal(reused, "v").value()));
    try (Stream<Path> quarantined = Files.list(dir.resolve("store/quarantine"))) {
      assertEquals(1, quarantined.count(), "the corrupt blob was noticed while it was read");
    }
    try (VoxBeam reopened = VoxBeam.open(dir.resolve("store"))) {
      RunReport third = reopened.run(VoxBeam.program(second, "second.imgql"));
      assertEquals(0, third.stats().computed(), "the run's results were stored");
      assertEquals(expected, number(goal(third, "largest").value()), "and they are right");
    }
  }

  private HttpResponse<byte[]> download(NodeId id) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "/results/" + id.hex() + "/content")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private Path blobOf(NodeId id) {
    ImageValue image = (ImageValue) voxbeam.result(id).orElseThrow().value();
    String sha = ((FileBlob) image.voxels()).ref().sha256();
    return dir.resolve("store/blobs/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2));
  }

  static void flipOneBit(Path file, long offset) throws IOException {
    try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
      bytes.seek(offset);
      int b = bytes.read();
      bytes.seek(offset);
      bytes.write(b ^ 0x01);
    }
  }

  private static GoalResult goal(RunReport report, String name) {
    return report.goals().stream()
        .filter(goal -> goal.goal().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static double number(Value value) {
    return ((org.voxbeam.kernel.value.NumberValue) value).value();
  }
}
