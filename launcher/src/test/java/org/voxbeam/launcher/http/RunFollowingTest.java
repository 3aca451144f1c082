package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;

/**
 * Following runs over HTTP: item progress in the status, cancelling with {@code DELETE}, large goal
 * values by reference, and the paged listing of {@code GET /runs}.
 */
class RunFollowingTest {
  @TempDir Path dir;
  private VoxBeam voxbeam;
  private ApiServer server;
  private String base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    voxbeam = VoxBeam.open(dir.resolve("store"));
    server = new ApiServer(ServerSettings.loopback(0), voxbeam, RunSettings.inProcess(), "test");
    base = "http://127.0.0.1:" + server.start() + ApiServer.PREFIX;
  }

  @AfterEach
  void stop() {
    server.close();
    voxbeam.close();
  }

  /** A map over {@code items} items; {@code work} additions per item. */
  private static String mapProgram(int items, int work) {
    String program =
        "slow(x) = fold + x range(0, "
            + work
            + ")\nprint \"total\" fold + 0 map(slow, range(0, "
            + items
            + "))";
    return "{\"program\": \"" + program.replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
  }

  @Test
  void theStatusCountsTheItemsOfAMapUpToTheirTotal() throws Exception {
    String id = submit(mapProgram(2000, 10));
    long previous = -1;
    JsonObject status;
    do {
      status = json(get("/runs/" + id));
      long done = number(items(status), "done");
      assertTrue(done >= previous, "items done went back: " + previous + " then " + done);
      previous = done;
      Thread.sleep(5);
    } while (!ended(status));
    assertEquals("succeeded", status.getString("state").orElseThrow());
    assertEquals(2000, number(items(status), "total"));
    assertEquals(2000, number(items(status), "done"));
    assertEquals(2000, number(items(status), "computed"));
  }

  @Test
  void deleteCancelsARunningRunWhichKeepsItsStoredItemsForTheNextRun() throws Exception {
    // A first run warms the store's writer, so the time measured is the cancellation's.
    awaitEnd(submit(mapProgram(20, 10)));
    String body = mapProgram(2000, 3000);
    String id = submit(body);
    JsonObject status = json(get("/runs/" + id));
    while (number(items(status), "done") < 100) {
      assertFalse(ended(status), CanonicalJson.write(status));
      Thread.sleep(10);
      status = json(get("/runs/" + id));
    }
    Instant asked = Instant.now();
    HttpResponse<String> cancel = send(request("/runs/" + id).DELETE());
    assertEquals(202, cancel.statusCode(), cancel.body());
    JsonObject cancelled = awaitEnd(id);
    Duration took = Duration.between(asked, Instant.now());
    assertEquals("cancelled", cancelled.getString("state").orElseThrow());
    assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "cancelled after " + took.toMillis());
    JsonObject goal =
        (JsonObject) ((JsonArray) cancelled.get("goals").orElseThrow()).items().get(0);
    assertEquals("cancelled", goal.getString("status").orElseThrow());
    long stored = number(items(cancelled), "computed");
    assertTrue(stored >= 100 && stored < 2000, stored + " items computed");

    assertEquals(
        "cancelled",
        json(get("/runs"))
            .get("runs")
            .map(RunFollowingTest::first)
            .orElseThrow()
            .getString("state")
            .orElseThrow());
    JsonObject verified = json(post("/store/verify"));
    assertEquals("true", verified.get("ok").map(CanonicalJson::write).orElseThrow());

    HttpResponse<String> again = send(request("/runs/" + id).DELETE());
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(404, send(request("/runs/no-such-run").DELETE()).statusCode());

    JsonObject rerun = awaitEnd(submit(body));
    assertEquals("succeeded", rerun.getString("state").orElseThrow());
    assertTrue(
        number(items(rerun), "cached") >= stored,
        "the cancelled run's items are reused: " + items(rerun));
  }

  @Test
  void aLargeGoalIsSentByReferenceAndASmallOneInline() throws Exception {
    String program = "print \\\"big\\\" range(0, 20000)\\nprint \\\"small\\\" range(0, 3)";
    HttpResponse<String> response;
    String id = submit("{\"program\": \"" + program + "\"}");
    awaitEnd(id);
    response = get("/runs/" + id);
    assertTrue(response.body().length() < 8192, response.body().length() + " bytes");
    JsonArray goals = (JsonArray) json(response).get("goals").orElseThrow();
    JsonObject big = (JsonObject) goals.items().get(0);
    assertTrue(big.get("value").isEmpty(), CanonicalJson.write(big));
    assertEquals("sequence", big.getString("kind").orElseThrow());
    assertEquals(20000, number(big, "length"));
    String ref = big.getString("value_ref").orElseThrow();
    assertEquals(ApiServer.PREFIX + "/results/" + big.getString("node_id").orElseThrow(), ref);
    HttpResponse<String> descriptor = get(ref.substring(ApiServer.PREFIX.length()));
    assertEquals(200, descriptor.statusCode(), descriptor.body());
    JsonObject small = (JsonObject) goals.items().get(1);
    assertEquals("[0,1,2]", small.get("value").map(CanonicalJson::write).orElseThrow());
    assertTrue(small.get("value_ref").isEmpty());
  }

  @Test
  void runsAreListedNewestFirstAPageAtATime() throws Exception {
    for (int i = 0; i < 5; i++) {
      voxbeam.run(VoxBeam.program("print \"n\" " + i, "n" + i + ".imgql"));
    }
    List<JsonObject> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      JsonObject page = json(get("/runs?limit=2" + cursor.map(c -> "&cursor=" + c).orElse("")));
      List<JsonValue> runs = ((JsonArray) page.get("runs").orElseThrow()).items();
      assertTrue(runs.size() <= 2);
      runs.forEach(run -> all.add((JsonObject) run));
      cursor = page.getString("next_cursor");
      pages++;
    } while (cursor.isPresent());
    assertEquals(3, pages);
    assertEquals(5, all.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      assertTrue(ids.add(all.get(i).getString("run_id").orElseThrow()), "listed twice");
      assertEquals("n" + (4 - i) + ".imgql", all.get(i).getString("program_path").orElseThrow());
    }
    HttpResponse<String> bad = get("/runs?cursor=not-a-cursor");
    assertEquals(400, bad.statusCode(), bad.body());
  }

  private static JsonObject first(JsonValue runs) {
    return (JsonObject) ((JsonArray) runs).items().get(0);
  }

  private static JsonObject items(JsonObject status) {
    JsonObject progress = (JsonObject) status.get("progress").orElseThrow();
    return (JsonObject) progress.get("items").orElseThrow();
  }

  private static long number(JsonObject object, String name) {
    return ((JsonInteger) object.get(name).orElseThrow()).value().longValueExact();
  }

  private static boolean ended(JsonObject status) {
    String state = status.getString("state").orElseThrow();
    return !state.equals("queued") && !state.equals("running");
  }

  private JsonObject awaitEnd(String id) throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      JsonObject status = json(get("/runs/" + id));
      if (ended(status) && status.get("report").isPresent()) {
        return status;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("run " + id + " did not end");
  }

  private String submit(String body) throws Exception {
    HttpResponse<String> response = post("/runs", body);
    assertEquals(202, response.statusCode(), response.body());
    return json(response).getString("run_id").orElseThrow();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(request(path));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> post(String path) throws Exception {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    return (JsonObject) JsonReader.parse(response.body());
  }
}
