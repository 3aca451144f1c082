package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunReport;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.api.peer.PeerSettings;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Fetch before compute (issue 16, item 5): a server whose peer already ran a program computes
 * nothing the peer has, and a peer that answers wrongly or slowly is skipped and the node computed
 * locally.
 */
class PeerFetchTest {
  private static final String TOKEN = "peer-secret";

  @TempDir Path dir;
  private VoxBeam first;
  private ApiServer firstServer;
  private String firstBase;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void startFirst() throws IOException {
    first = VoxBeam.open(dir.resolve("first"));
    firstServer =
        new ApiServer(settings().withToken(TOKEN), first, RunSettings.inProcess(), "test");
    firstBase = "http://127.0.0.1:" + firstServer.start();
  }

  @AfterEach
  void stopFirst() {
    firstServer.close();
    first.close();
  }

  private static ServerSettings settings() {
    return ServerSettings.loopback(0)
        .withDataRoots(List.of(SharedFixtures.shared().resolve("data")));
  }

  /** The synthetic dataset program of the examples, reading the shared cases by absolute path. */
  private static String datasetProgram() {
    Path data = SharedFixtures.shared().resolve("data/synthetic");
    return String.join(
        "\n",
        "import \"vox1\"",
        "images = dir(\"" + data.resolve("images") + "\", \"*.nii.gz\", false, true)",
        "labels = dir(\"" + data.resolve("labels") + "\", \"*.nii.gz\", false, true)",
        "one(path) = 1",
        "cases = fold + 0 map(one, images)",
        "segment(path) = let bright = load(path) > 127 in through(interior(bright), bright)",
        "truth(path) = load(path) > 0",
        "dice(s, t) =",
        "  let sizes = volume(s) + volume(t) in",
        "  let empty = sizes == 0 in",
        "  (2 * volume(and(s, t)) + empty) / (sizes + empty)",
        "score(i) =",
        "  let s = segment(images[i]) in",
        "  let t = truth(labels[i]) in",
        "  [volume(s), volume(t), dice(s, t)]",
        "scores = for i in range(0, cases) do score(i)",
        "dices = for row in scores do row[2]",
        "print \"cases\" cases",
        "print \"scores\" scores",
        "print \"mean dice\" (fold + 0 dices) / cases",
        "");
  }

  /** One case's bright voxels, as an image goal: its row names a blob. */
  private static String imageProgram() {
    Path image = SharedFixtures.shared().resolve("data/synthetic/images/case_002_0000.nii.gz");
    return "import \"vox1\"\nbright = load(\"" + image + "\") > 127\nprint \"bright\" bright\n";
  }

  @Test
  void aSecondServerFetchesWhatItsPeerComputedAndComputesNothing() throws Exception {
    JsonObject done = awaitDone(firstBase, submit(firstBase, datasetProgram()));
    assertEquals("succeeded", done.getString("state").orElseThrow(), CanonicalJson.write(done));
    JsonObject firstNodes = nodes(done);
    assertTrue(count(firstNodes, "computed") > 0);

    try (VoxBeam second = VoxBeam.open(dir.resolve("second"));
        ApiServer secondServer =
            new ApiServer(
                settings(),
                second,
                RunSettings.inProcess()
                    .withPeers(
                        PeerSettings.of(List.of(URI.create(firstBase)))
                            .withToken(Optional.of(TOKEN))
                            // Generous, so a loaded machine does not turn the peer into a slow one.
                            .withTimeout(Duration.ofSeconds(30))),
                "test")) {
      String secondBase = "http://127.0.0.1:" + secondServer.start();
      JsonObject fetched = awaitDone(secondBase, submit(secondBase, datasetProgram()));
      assertEquals(
          "succeeded", fetched.getString("state").orElseThrow(), CanonicalJson.write(fetched));
      JsonObject nodes = nodes(fetched);
      assertEquals(0, count(nodes, "computed"), CanonicalJson.write(nodes));
      assertEquals(3, count(nodes, "fetched"), "one row per goal: " + CanonicalJson.write(nodes));
      assertEquals(0, count(nodes, "cached"), CanonicalJson.write(nodes));
      assertEquals(goalValues(done), goalValues(fetched));

      // The rows are now the second server's own: a run there reads them from its store.
      JsonObject again = awaitDone(secondBase, submit(secondBase, datasetProgram()));
      assertEquals(0, count(nodes(again), "fetched"));
      assertEquals(3, count(nodes(again), "cached"));
    }
  }

  @Test
  void aPeerThatSendsACorruptBlobIsRefusedAndTheNodeIsComputedHere() throws Exception {
    RunReport original = first.run(VoxBeam.program(imageProgram(), "image.imgql"));
    byte[] expected = voxels(original);
    AtomicInteger blobRequests = new AtomicInteger();
    HttpServer corrupting =
        fakePeer(
            exchange -> {
              HttpRequest.Builder forward =
                  HttpRequest.newBuilder(URI.create(firstBase + exchange.getRequestURI()))
                      .header("Authorization", "Bearer " + TOKEN);
              HttpResponse<byte[]> answer =
                  client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
              byte[] body = answer.body();
              if (exchange.getRequestURI().getPath().contains("/row/blobs/")) {
                blobRequests.incrementAndGet();
                body[body.length / 2] ^= 0x01;
              }
              reply(exchange, answer.statusCode(), body);
            });
    try (VoxBeam second = VoxBeam.open(dir.resolve("second"))) {
      RunReport report =
          second.run(
              VoxBeam.program(imageProgram(), "image.imgql"),
              RunSettings.inProcess().withPeers(peer(corrupting, Duration.ofSeconds(30))));
      assertTrue(report.succeeded());
      assertEquals(1, blobRequests.get(), "the blob was offered, and refused");
      assertEquals(0, report.fetched());
      assertTrue(report.peers().orElseThrow().bytesReceived() > 0);
      assertTrue(report.stats().computed() > 0);
      assertArrayEquals(expected, voxels(report), "what is stored is what was computed here");
    } finally {
      corrupting.stop(0);
    }
  }

  @Test
  void aSlowPeerIsSkippedWithinItsTimeoutAndAskedOnlyOnce() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer slow =
        fakePeer(
            exchange -> {
              requests.incrementAndGet();
              try {
                Thread.sleep(10_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              reply(exchange, 404, new byte[0]);
            });
    try (VoxBeam second = VoxBeam.open(dir.resolve("second"))) {
      long started = System.nanoTime();
      RunReport report =
          second.run(
              VoxBeam.program(imageProgram(), "image.imgql"),
              RunSettings.inProcess().withPeers(peer(slow, Duration.ofMillis(300))));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(report.succeeded());
      assertEquals(1, requests.get(), "a peer that timed out is not asked again");
      assertTrue(report.stats().computed() > 0);
      assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "the run did not wait: " + took);
    } finally {
      slow.stop(0);
    }
  }

  private static PeerSettings peer(HttpServer server, Duration timeout) {
    return PeerSettings.of(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())))
        .withTimeout(timeout);
  }

  /** Handles one exchange of a fake peer. */
  private interface Exchange {
    void handle(HttpExchange exchange) throws Exception;
  }

  private static HttpServer fakePeer(Exchange handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          try {
            handler.handle(exchange);
          } catch (Exception e) {
            reply(exchange, 500, e.toString().getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
    return server;
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] voxels(RunReport report) throws IOException {
    GoalResult bright = report.goals().get(0);
    return ((ImageValue) bright.value()).voxels().readAllBytes();
  }

  private String submit(String base, String program) throws Exception {
    String body =
        CanonicalJson.write(
            new JsonObject(
                Map.of("program", JsonValue.of(program), "name", JsonValue.of("dataset.imgql"))));
    HttpResponse<String> response =
        client.send(
            authorized(base + ApiServer.PREFIX + "/runs")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, response.statusCode(), response.body());
    return ((JsonObject) JsonReader.parse(response.body())).getString("run_id").orElseThrow();
  }

  private JsonObject awaitDone(String base, String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          client.send(
              authorized(base + ApiServer.PREFIX + "/runs/" + runId).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonObject status = (JsonObject) JsonReader.parse(response.body());
      String state = status.getString("state").orElseThrow();
      if (!state.equals("queued") && !state.equals("running")) {
        return status;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("run " + runId + " did not finish");
  }

  /** The first server needs its token; the second has none, so the header does no harm. */
  private static HttpRequest.Builder authorized(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN);
  }

  private static JsonObject nodes(JsonObject status) {
    return (JsonObject)
        ((JsonObject) status.get("report").orElseThrow()).get("nodes").orElseThrow();
  }

  private static long count(JsonObject nodes, String name) {
    return Long.parseLong(nodes.get(name).map(CanonicalJson::write).orElseThrow());
  }

  private static Map<String, String> goalValues(JsonObject status) {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonValue goal : ((JsonArray) status.get("goals").orElseThrow()).items()) {
      JsonObject object = (JsonObject) goal;
      values.put(
          object.getString("name").orElseThrow(),
          object.get("value").map(CanonicalJson::write).orElse("?"));
    }
    return values;
  }
}
