package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;

/**
 * The Studio's server side over real HTTP: its files are served without the token (they hold no
 * data) while the API still needs it, only the listed files are served, and the two API additions
 * the viewer uses (the plan of a program, table rows inlined in sequence pages) behave.
 */
class StudioServerTest {
  private static final String TOKEN = "studio-token";

  @TempDir Path dir;
  private VoxBeam voxbeam;
  private ApiServer server;
  private String origin;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    voxbeam = VoxBeam.open(dir.resolve("store"));
    server =
        new ApiServer(
            ServerSettings.loopback(0).withToken(TOKEN), voxbeam, RunSettings.inProcess(), "test");
    origin = "http://127.0.0.1:" + server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    voxbeam.close();
  }

  @Test
  void thePageAndItsModulesAreServedWithoutTheTokenAndWithAStrictPolicy() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(origin + "/")));
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(page.body().contains("app.js"), page.body());
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(policy.contains("default-src 'none'"), policy);
    assertTrue(policy.contains("connect-src 'self'"), policy);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    for (String module : List.of("api.js", "app.js", "viewer.js", "dag.js", "tables.js")) {
      HttpResponse<String> script =
          send(HttpRequest.newBuilder(URI.create(origin + "/studio/" + module)));
      assertEquals(200, script.statusCode(), module);
      assertTrue(
          script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"),
          module);
    }
    HttpResponse<String> head =
        send(
            HttpRequest.newBuilder(URI.create(origin + "/studio/studio.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
  }

  @Test
  void theApiStillNeedsTheTokenAndTheTokenIsNeverInThePage() throws Exception {
    HttpResponse<String> refused = send(request("/runs"));
    assertEquals(401, refused.statusCode());
    HttpResponse<String> allowed =
        send(request("/runs").header("Authorization", "Bearer " + TOKEN));
    assertEquals(200, allowed.statusCode(), allowed.body());
    for (String file : List.of("/", "/studio/api.js", "/studio/app.js")) {
      String body = send(HttpRequest.newBuilder(URI.create(origin + file))).body();
      assertTrue(!body.contains(TOKEN), file);
    }
  }

  @Test
  void onlyTheStudiosOwnFilesAreServed() throws Exception {
    for (String path :
        List.of(
            "/studio/",
            "/studio/nope.js",
            "/studio/../org/voxbeam/launcher/http/openapi.json",
            "/studio/..%2Fhttp%2Fopenapi.json",
            "/studio/%2e%2e/version.properties",
            "/index.html")) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(origin + path)));
      // 401: a path outside the Studio's is the API's, which needs the token first.
      assertTrue(
          List.of(400, 401, 404).contains(response.statusCode()),
          path + " " + response.statusCode() + " " + response.body());
      assertTrue(!response.body().contains("\"paths\""), path);
    }
  }

  @Test
  void theVendoredViewerIsAbsentUntilItsBuildStepRanAndSaysHowToAddIt() throws Exception {
    HttpResponse<String> viewer =
        send(HttpRequest.newBuilder(URI.create(origin + "/studio/vendor/niivue.js")));
    boolean built =
        StudioRoutes.class.getResource("/org/voxbeam/launcher/studio/vendor/niivue.js") != null;
    if (built) {
      assertEquals(200, viewer.statusCode());
    } else {
      assertEquals(404, viewer.statusCode());
      assertTrue(viewer.body().contains("docs/studio.md"), viewer.body());
    }
  }

  @Test
  void thePlanOfAProgramIsReturnedWithoutRunningIt() throws Exception {
    HttpResponse<String> response =
        send(
            request("/plan")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"program\": \"a = 2\\nprint \\\"sum\\\" a + 3\"}")));
    assertEquals(200, response.statusCode(), response.body());
    JsonObject plan = (JsonObject) JsonReader.parse(response.body());
    JsonArray nodes = (JsonArray) plan.get("nodes").orElseThrow();
    JsonObject goal = (JsonObject) ((JsonArray) plan.get("goals").orElseThrow()).items().get(0);
    assertEquals("sum", goal.getString("name").orElseThrow());
    assertTrue(
        nodes.items().stream()
            .anyMatch(node -> ((JsonObject) node).getString("id").equals(goal.getString("id"))),
        "the goal is one of the nodes");
    assertTrue(voxbeam.runs().isEmpty(), "reducing must not run");

    HttpResponse<String> bad =
        send(
            request("/plan")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"program\": \"x = (1\"}")));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("invalid_program"), bad.body());
  }

  @Test
  void shortRowsOfScalarsAreInlinedInAPageAndLongOnesAreNot() throws Exception {
    List<Value> rows = new ArrayList<>();
    rows.add(new SequenceValue(List.of(new IntegerValue(1), new IntegerValue(2))));
    List<Value> longRow = new ArrayList<>();
    for (int i = 0; i <= ResultRoutes.ROW_ITEMS; i++) {
      longRow.add(new IntegerValue(i));
    }
    rows.add(new SequenceValue(longRow));
    rows.add(new SequenceValue(List.of(new SequenceValue(List.of(new IntegerValue(3))))));
    NodeId id = NodeHashing.sha256("rows");
    voxbeam
        .store()
        .putAll(
            List.of(
                new StoredResult(
                    id,
                    new SequenceValue(rows),
                    new ResultMetadata("test.op", Duration.ZERO, Instant.now(), "test"))));
    HttpResponse<String> page =
        send(request("/results/" + id.hex() + "/items").header("Authorization", "Bearer " + TOKEN));
    assertEquals(200, page.statusCode(), page.body());
    List<JsonObject> items =
        ((JsonArray) ((JsonObject) JsonReader.parse(page.body())).get("items").orElseThrow())
            .items().stream().map(JsonObject.class::cast).toList();
    assertEquals("[1,2]", items.get(0).get("value").map(CanonicalJson::write).orElseThrow());
    assertTrue(items.get(1).get("value").isEmpty(), "a long row is paged, not inlined");
    assertTrue(items.get(2).get("value").isEmpty(), "a nested row is paged, not inlined");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(origin + ApiServer.PREFIX + path));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
