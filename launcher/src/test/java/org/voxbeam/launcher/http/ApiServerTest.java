package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RemoteInputs;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.storage.remote.S3TestClient;
import org.voxbeam.testkit.S3ServerProcess;
import org.voxbeam.testkit.SharedFixtures;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The HTTP API end to end, over real HTTP on loopback. */
class ApiServerTest {
  private static final String TOKEN = "s3cret-token";

  @TempDir Path dir;
  private VoxBeam voxbeam;
  private ResultStore store;
  private ApiServer server;
  private String base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    voxbeam = VoxBeam.open(dir.resolve("store"));
    store = voxbeam.store();
    Files.createDirectories(dir.resolve("data"));
    server = server(ServerSettings.loopback(0).withDataRoots(List.of(dir.resolve("data"))));
    base = "http://127.0.0.1:" + server.start() + ApiServer.PREFIX;
  }

  @AfterEach
  void stop() {
    server.close();
    voxbeam.close();
  }

  private ApiServer server(ServerSettings settings) throws IOException {
    return new ApiServer(settings, voxbeam, RunSettings.inProcess(), "test");
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() throws Exception {
    JsonObject document = (JsonObject) JsonReader.parse(get("/openapi.json").body());
    Set<String> documented = new HashSet<>();
    ((JsonObject) document.get("paths").orElseThrow())
        .members()
        .forEach(
            (path, item) ->
                ((JsonObject) item)
                    .members()
                    .keySet()
                    .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
    Set<String> served = new HashSet<>();
    for (ApiRoute route : server.routes()) {
      served.add(route.method().name() + " " + route.path());
    }
    assertEquals(documented, served);
  }

  @Test
  void systemRoutes() throws Exception {
    assertEquals("ok", field(get("/health"), "status"));
    assertEquals("test", field(get("/version"), "version"));
    JsonArray primitives =
        (JsonArray) json(get("/primitives?namespace=strings")).get("primitives").orElseThrow();
    assertTrue(
        primitives.items().stream()
            .anyMatch(
                p -> ((JsonObject) p).getString("name").orElseThrow().equals("strings.concat")));
  }

  @Test
  void resultsByNodeId() throws Exception {
    NodeId number = put("number", new NumberValue(2.5));
    NodeId bytes =
        put("bytes", new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2, 3, (byte) 255})));
    List<Value> items = new java.util.ArrayList<>();
    for (int i = 0; i < 250; i++) {
      items.add(new IntegerValue(i));
    }
    NodeId sequence = put("sequence", new SequenceValue(items));

    JsonObject descriptor = json(get("/results/" + number.hex()));
    assertEquals("number", descriptor.getString("type").orElseThrow());
    assertEquals("2.5", descriptor.getString("summary").orElseThrow());
    assertEquals(
        "250",
        json(get("/results/" + sequence.hex()))
            .get("length")
            .map(CanonicalJson::write)
            .orElseThrow());

    JsonObject page = json(get("/results/" + sequence.hex() + "/items?offset=240&limit=20"));
    JsonArray pageItems = (JsonArray) page.get("items").orElseThrow();
    assertEquals(10, pageItems.items().size());
    assertEquals(
        "249",
        ((JsonObject) pageItems.items().get(9))
            .get("value")
            .map(CanonicalJson::write)
            .orElseThrow());

    HttpResponse<byte[]> content =
        client.send(
            request("/results/" + bytes.hex() + "/content").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, content.statusCode());
    assertArrayEquals(new byte[] {1, 2, 3, (byte) 255}, content.body());

    assertError(get("/results/" + number.hex() + "/content"), 400, "not_binary");
    assertError(get("/results/" + bytes.hex() + "/content?format=nifti"), 400, "not_an_image");
    assertError(get("/results/" + bytes.hex() + "/content?format=tiff"), 400, "invalid_parameter");
    assertError(get("/results/" + number.hex() + "/items"), 400, "not_a_sequence");
    assertError(get("/results/" + sequence.hex() + "/items?limit=5000"), 400, "invalid_parameter");
    assertError(get("/results/" + sequence.hex() + "/items?offset=-1"), 400, "invalid_parameter");
    assertError(get("/results/" + NodeHashing.sha256("absent").hex()), 404, "result_not_found");
    assertError(get("/results/" + number.hex().toUpperCase()), 400, "invalid_node_id");
    assertError(get("/results/..%2F..%2Fetc%2Fpasswd"), 400, "invalid_node_id");
    assertError(get("/no/such/route"), 404, "no_such_route");
  }

  @Test
  void imagesDownloadAsNiftiAndPng() throws Exception {
    byte[] voxels = new byte[4 * 3];
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = (byte) (i * 20);
    }
    ImageGeometry geometry =
        new ImageGeometry(
            List.of(4L, 3L), List.of(0.5, 2.0), List.of(1.0, -1.0), List.of(1.0, 0.0, 0.0, 1.0));
    ImageValue image = new ImageValue(geometry, DType.UINT8, InMemoryBlob.copyOf(voxels));
    NodeId id = put("image", image);

    for (String format : List.of("nifti", "png")) {
      HttpResponse<byte[]> response =
          client.send(
              request("/results/" + id.hex() + "/content?format=" + format).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), format);
      Path file = dir.resolve("download" + (format.equals("png") ? ".png" : ".nii.gz"));
      Files.write(file, response.body());
      ImageValue read = (ImageValue) new ImageFiles().read(file);
      assertArrayEquals(voxels, read.voxels().readAllBytes(), format);
      assertEquals(geometry.size(), read.geometry().size(), format);
      if (format.equals("nifti")) {
        assertEquals(geometry.spacing(), read.geometry().spacing());
        assertEquals(geometry.origin(), read.geometry().origin());
      }
    }
  }

  @Test
  void aSubmittedPlanRunsAndASecondSubmissionComesFromTheStore() throws Exception {
    String plan =
        Files.readString(SharedFixtures.golden().resolve("programs/filter-fold/plan.json"));
    JsonObject first = awaitDone(submit("{\"plan\": " + plan + "}"));
    assertEquals("succeeded", first.getString("state").orElseThrow());
    Map<String, String> values = goalValues(first);
    assertEquals("[5,6,7,8,9]", values.get("big"));
    assertEquals("45.0", values.get("total"));

    JsonObject second = awaitDone(submit("{\"plan\": " + plan + "}"));
    JsonObject progress = (JsonObject) second.get("progress").orElseThrow();
    assertEquals("0", progress.get("computed").map(CanonicalJson::write).orElseThrow());
    assertEquals(progress.get("total"), progress.get("done"));
    assertEquals(values, goalValues(second));
    JsonObject report = (JsonObject) second.get("report").orElseThrow();
    assertEquals("\"in-process\"", report.get("runner").map(CanonicalJson::write).orElseThrow());
    assertEquals("0", report.get("bytes_written").map(CanonicalJson::write).orElseThrow());
  }

  @Test
  void aSubmittedProgramRunsAndMayReadOnlyInsideTheDataRoots() throws Exception {
    JsonObject sum =
        awaitDone(
            submit("{\"program\": \"a = 2\\nprint \\\"sum\\\" a + 3\", \"name\": \"sum.imgql\"}"));
    assertEquals("succeeded", sum.getString("state").orElseThrow(), CanonicalJson.write(sum));
    assertEquals("5.0", goalValues(sum).get("sum"));

    Path inside = dir.resolve("data/lines.txt");
    Files.writeString(inside, "one\ntwo\n");
    JsonObject allowed =
        awaitDone(submit("{\"program\": \"print \\\"lines\\\" load(\\\"lines.txt\\\")\"}"));
    assertEquals(
        "[\"one\",\"two\"]", goalValues(allowed).get("lines"), CanonicalJson.write(allowed));

    Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
    String escape = outside.toString().replace("\\", "/");
    JsonObject refused =
        awaitDone(submit("{\"program\": \"print \\\"x\\\" load(\\\"" + escape + "\\\")\"}"));
    assertEquals("failed", refused.getString("state").orElseThrow());
    assertTrue(
        CanonicalJson.write(refused).contains("outside the server's data roots"),
        CanonicalJson.write(refused));
    assertTrue(!CanonicalJson.write(refused).contains("secret\""));

    assertError(
        post("/runs", "{\"program\": \"import \\\"../secret.imgql\\\"\"}"),
        400,
        "import_outside_data_roots");
    assertError(post("/runs", "{\"program\": \"x = (1\"}"), 400, "invalid_program");
    assertError(
        post("/runs", "{\"program\": \"print \\\"x\\\" nope(1)\"}"), 400, "invalid_program");
  }

  /**
   * A server given input roots ({@code serve --input-root}) runs programs reading {@code s3://}
   * inputs under them, with the values a local copy gives, and refuses one outside them.
   */
  @Test
  void aSubmittedProgramReadsRemoteInputsOnlyUnderTheInputRoots() throws Exception {
    URI endpoint = S3ServerProcess.shared().endpoint();
    S3ServerProcess.useDummyCredentials();
    String root = "s3://" + S3ServerProcess.BUCKET + "/serve-inputs";
    Path image = SharedFixtures.shared().resolve("data/synthetic/images/case_001_0000.nii.gz");
    Files.copy(image, dir.resolve("data/case.nii.gz"));
    try (S3Client s3 = S3TestClient.of(endpoint)) {
      s3.putObject(
          builder -> builder.bucket(S3ServerProcess.BUCKET).key("serve-inputs/case.nii.gz"),
          RequestBody.fromFile(image));
    }
    server.close();
    server =
        new ApiServer(
            ServerSettings.loopback(0).withDataRoots(List.of(dir.resolve("data"))),
            voxbeam,
            RunSettings.inProcess()
                .withInputs(new RemoteInputs(List.of(URI.create(root)), Optional.of(endpoint))),
            "test");
    base = "http://127.0.0.1:" + server.start() + ApiServer.PREFIX;
    try {
      String program = "import \\\"vox1\\\"\\nprint \\\"v\\\" volume(load(\\\"%s\\\") > 127)";
      JsonObject remote =
          awaitDone(submit("{\"program\": \"" + program.formatted(root + "/case.nii.gz") + "\"}"));
      assertEquals(
          "succeeded", remote.getString("state").orElseThrow(), CanonicalJson.write(remote));
      JsonObject local =
          awaitDone(submit("{\"program\": \"" + program.formatted("case.nii.gz") + "\"}"));
      assertEquals(goalValues(local), goalValues(remote));

      String outside = "s3://" + S3ServerProcess.BUCKET + "/elsewhere/case.nii.gz";
      JsonObject refused =
          awaitDone(submit("{\"program\": \"" + program.formatted(outside) + "\"}"));
      assertEquals("failed", refused.getString("state").orElseThrow());
      assertTrue(CanonicalJson.write(refused).contains(outside), CanonicalJson.write(refused));
    } finally {
      S3ServerProcess.clearDummyCredentials();
    }
  }

  @Test
  void resultsReadFromOutsideTheDataRootsAreNeitherServedNorReused() throws Exception {
    Path outside = Files.writeString(dir.resolve("secret.txt"), "secret\n");
    Path inside = Files.writeString(dir.resolve("data/open.txt"), "open\n");
    String program = "print \"x\" load(\"" + slashes(outside) + "\")";
    // A command-line run on the same store, with no data roots, reads both files.
    NodeId secret = voxbeam.run(VoxBeam.program(program, "cli.imgql")).goals().get(0).goal().id();
    NodeId open =
        voxbeam
            .run(VoxBeam.program("print \"y\" load(\"" + slashes(inside) + "\")", "cli.imgql"))
            .goals()
            .get(0)
            .goal()
            .id();
    assertTrue(store.contains(secret));

    assertError(get("/results/" + secret.hex()), 404, "result_not_found");
    assertError(get("/results/" + secret.hex() + "/content"), 404, "result_not_found");
    assertError(get("/results/" + secret.hex() + "/items"), 404, "result_not_found");
    JsonObject goal = json(get("/goals?name=x"));
    assertEquals(
        "null", CanonicalJson.write(goal.get("result").orElseThrow()), CanonicalJson.write(goal));
    assertEquals(
        200,
        get("/results/" + open.hex()).statusCode(),
        "a result of a file inside a root is served");

    String body = "{\"program\": \"" + program.replace("\"", "\\\"") + "\"}";
    JsonObject rerun = awaitDone(submit(body));
    assertEquals("failed", rerun.getString("state").orElseThrow(), CanonicalJson.write(rerun));
    assertTrue(
        CanonicalJson.write(rerun).contains("outside the server's data roots"),
        CanonicalJson.write(rerun));
    assertTrue(!CanonicalJson.write(rerun).contains("secret\\n"), CanonicalJson.write(rerun));
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }

  @Test
  void runsAreRecordedAndTheirGoalsFoundByName() throws Exception {
    String plan =
        Files.readString(SharedFixtures.golden().resolve("programs/filter-fold/plan.json"));
    String first = submit("{\"plan\": " + plan + "}");
    assertEquals("succeeded", awaitDone(first).getString("state").orElseThrow());

    JsonArray runs = (JsonArray) json(get("/runs")).get("runs").orElseThrow();
    JsonObject listed = (JsonObject) runs.items().get(0);
    assertEquals(first, listed.getString("run_id").orElseThrow());
    assertEquals("succeeded", listed.getString("state").orElseThrow());
    assertEquals(5, ((JsonArray) listed.get("goals").orElseThrow()).items().size());

    JsonObject total = json(get("/goals?name=total"));
    assertEquals(first, total.getString("run_id").orElseThrow());
    JsonObject goal = (JsonObject) total.get("goal").orElseThrow();
    assertEquals("materialized", goal.getString("status").orElseThrow());
    JsonObject result = (JsonObject) total.get("result").orElseThrow();
    assertEquals(goal.getString("node_id"), result.getString("node_id"));
    assertEquals("45.0", result.getString("summary").orElseThrow());
    assertEquals("false", total.get("superseded").map(CanonicalJson::write).orElseThrow());
    assertEquals(
        first, json(get("/goals?name=total&run=" + first)).getString("run_id").orElseThrow());
    assertError(get("/goals?name=nope"), 404, "goal_not_found");
    assertError(get("/goals?name=total&run=nope"), 404, "goal_not_found");
    assertError(get("/goals"), 400, "invalid_parameter");

    JsonObject again = awaitDone(submit("{\"plan\": " + plan + ", \"no_cache\": true}"));
    JsonObject nodes =
        (JsonObject) ((JsonObject) again.get("report").orElseThrow()).get("nodes").orElseThrow();
    assertEquals(
        nodes.get("total"), nodes.get("computed"), "no_cache computes every node: " + nodes);
    JsonObject refreshed = awaitDone(submit("{\"plan\": " + plan + ", \"refresh\": [\"total\"]}"));
    assertEquals("succeeded", refreshed.getString("state").orElseThrow());
    assertError(
        post("/runs", "{\"plan\": " + plan + ", \"refresh\": [\"totl\"]}"), 400, "invalid_run");
    assertError(
        post("/runs", "{\"plan\": " + plan + ", \"refresh\": \"total\"}"), 400, "invalid_run");
    assertError(post("/runs", "{\"plan\": " + plan + ", \"no_cache\": 1}"), 400, "invalid_run");
    assertEquals(
        3, ((JsonArray) json(get("/runs?limit=3")).get("runs").orElseThrow()).items().size());
    assertError(get("/runs?limit=0"), 400, "invalid_parameter");
  }

  @Test
  void aRecordedRunOfAnotherClientIsFoundByItsId() throws Exception {
    Path program = Files.writeString(dir.resolve("sum.imgql"), "print \"sum\" 2 + 3\n");
    String id = voxbeam.run(VoxBeam.plan(program)).runId();
    JsonObject record = json(get("/runs/" + id));
    assertEquals("succeeded", record.getString("state").orElseThrow());
    assertEquals(program.toString(), record.getString("program_path").orElseThrow());
  }

  @Test
  void aSaveOutsideTheDataRootsIsAFailedGoal() throws Exception {
    JsonObject run =
        awaitDone(
            submit(
                "{\"program\": \"save \\\"../outside.json\\\" 3\\n"
                    + "save \\\"inside.json\\\" 4\\nprint \\\"x\\\" 1\"}"));
    assertEquals("failed", run.getString("state").orElseThrow(), CanonicalJson.write(run));
    Map<String, String> statuses = new java.util.HashMap<>();
    for (JsonValue goal : ((JsonArray) run.get("goals").orElseThrow()).items()) {
      statuses.put(
          ((JsonObject) goal).getString("name").orElseThrow(),
          ((JsonObject) goal).getString("status").orElseThrow());
    }
    assertEquals(
        Map.of("../outside.json", "failed", "inside.json", "materialized", "x", "materialized"),
        statuses);
    assertTrue(
        CanonicalJson.write(run).contains("is outside the server's data roots; not written"),
        CanonicalJson.write(run));
    assertTrue(Files.exists(dir.resolve("data/inside.json")));
    assertTrue(!Files.exists(dir.resolve("outside.json")));
  }

  @Test
  void badSubmissionsAreRefusedWithTheirReason() throws Exception {
    assertError(post("/runs", "{not json"), 400, "malformed_json");
    assertError(post("/runs", "[1]"), 400, "malformed_json");
    assertError(post("/runs", "{}"), 400, "invalid_run");
    assertError(post("/runs", "{\"plan\": {}, \"program\": \"x = 1\"}"), 400, "invalid_run");
    assertError(post("/runs", "{\"plan\": {\"nodes\": 3}}"), 400, "invalid_plan");
    assertError(post("/runs", "{\"program\": 3}"), 400, "invalid_run");
    assertError(
        post("/runs", "{\"plan\": \"" + "x".repeat(2 << 20) + "\"}"), 413, "body_too_large");
    assertError(get("/runs/unknown"), 404, "run_not_found");
  }

  @Test
  void aTokenGuardsEverythingButHealth() throws Exception {
    try (ApiServer guarded = server(ServerSettings.loopback(0).withToken(TOKEN))) {
      String guardedBase = "http://127.0.0.1:" + guarded.start() + ApiServer.PREFIX;
      HttpResponse<String> anonymous =
          send(HttpRequest.newBuilder(URI.create(guardedBase + "/version")));
      assertError(anonymous, 401, "unauthorized");
      assertEquals(
          "Bearer realm=\"voxbeam\"",
          anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
      HttpResponse<String> wrong =
          send(
              HttpRequest.newBuilder(URI.create(guardedBase + "/version"))
                  .header("Authorization", "Bearer nope"));
      assertError(wrong, 401, "unauthorized");
      HttpResponse<String> right =
          send(
              HttpRequest.newBuilder(URI.create(guardedBase + "/version"))
                  .header("Authorization", "Bearer " + TOKEN));
      assertEquals(200, right.statusCode());
      assertEquals(
          200, send(HttpRequest.newBuilder(URI.create(guardedBase + "/health"))).statusCode());
    }
  }

  @Test
  void aWrongMethodOnAKnownPathIs405WithTheAllowedMethods() throws Exception {
    HttpResponse<String> response = send(request("/results/" + "a".repeat(64)).DELETE());
    assertError(response, 405, "method_not_allowed");
    assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
    assertError(send(request("/nowhere").DELETE()), 404, "no_such_route");
  }

  @Test
  void resultsAreCacheableByIdAndRevalidateTo304() throws Exception {
    NodeId bytes = put("bytes", new BytesValue(InMemoryBlob.copyOf(new byte[] {1, 2, 3, 4, 5})));
    for (String path : List.of("/results/" + bytes.hex(), "/results/" + bytes.hex() + "/content")) {
      HttpResponse<String> first = get(path);
      assertEquals(200, first.statusCode());
      String tag = "\"" + bytes.hex() + "\"";
      assertEquals(tag, first.headers().firstValue("ETag").orElse(""));
      assertEquals(
          "public, max-age=31536000, immutable",
          first.headers().firstValue("Cache-Control").orElse(""));
      HttpResponse<String> again = send(request(path).header("If-None-Match", tag));
      assertEquals(304, again.statusCode());
      assertEquals("", again.body());
      assertEquals(200, send(request(path).header("If-None-Match", "\"other\"")).statusCode());
    }
  }

  @Test
  void rawDownloadsServeSingleByteRanges() throws Exception {
    NodeId bytes = put("bytes", new BytesValue(InMemoryBlob.copyOf(new byte[] {0, 1, 2, 3, 4, 5})));
    String path = "/results/" + bytes.hex() + "/content";
    assertEquals("bytes", get(path).headers().firstValue("Accept-Ranges").orElse(""));
    Map<String, byte[]> expected =
        Map.of(
            "bytes=1-3", new byte[] {1, 2, 3},
            "bytes=4-", new byte[] {4, 5},
            "bytes=-2", new byte[] {4, 5},
            "bytes=2-99", new byte[] {2, 3, 4, 5});
    for (Map.Entry<String, byte[]> entry : expected.entrySet()) {
      HttpResponse<byte[]> part =
          client.send(
              request(path).header("Range", entry.getKey()).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(206, part.statusCode(), entry.getKey());
      assertArrayEquals(entry.getValue(), part.body(), entry.getKey());
      long from = 6L - entry.getValue().length;
      if (entry.getKey().equals("bytes=1-3")) {
        from = 1;
      }
      assertEquals(
          "bytes " + from + "-" + (from + entry.getValue().length - 1) + "/6",
          part.headers().firstValue("Content-Range").orElse(""));
    }
    HttpResponse<String> past = send(request(path).header("Range", "bytes=6-"));
    assertError(past, 416, "range_not_satisfiable");
    assertEquals("bytes */6", past.headers().firstValue("Content-Range").orElse(""));
  }

  @Test
  void headIsGetWithoutTheBody() throws Exception {
    NodeId bytes = put("bytes", new BytesValue(InMemoryBlob.copyOf(new byte[] {9, 8, 7})));
    for (String path :
        List.of("/health", "/results/" + bytes.hex(), "/results/" + bytes.hex() + "/content")) {
      HttpResponse<String> get = get(path);
      HttpResponse<String> head =
          send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertEquals(get.statusCode(), head.statusCode(), path);
      assertEquals("", head.body(), path);
      assertEquals(
          get.headers().firstValue("Content-Type"),
          head.headers().firstValue("Content-Type"),
          path);
      assertEquals(
          get.headers().firstValue("Content-Length"),
          head.headers().firstValue("Content-Length"),
          path);
    }
  }

  @Test
  void storeManagement() throws Exception {
    put("a", new NumberValue(1.0));
    put("b", new NumberValue(2.0));
    JsonObject stats = json(get("/store/stats"));
    assertEquals("2", stats.get("results").map(CanonicalJson::write).orElseThrow());
    assertEquals(
        "true", json(post("/store/verify", "")).get("ok").map(CanonicalJson::write).orElseThrow());
    JsonObject gc = json(post("/store/gc?dry_run=true", ""));
    assertEquals("true", gc.get("dry_run").map(CanonicalJson::write).orElseThrow());
    assertTrue(gc.get("remote").isEmpty(), "a directory store has no remote to collect");
    assertError(post("/store/gc?dry_run=maybe", ""), 400, "invalid_parameter");
    JsonObject compacted = json(post("/store/compact", ""));
    assertEquals("2", compacted.get("rows_kept").map(CanonicalJson::write).orElseThrow());
  }

  private NodeId put(String name, Value value) {
    NodeId id = NodeHashing.sha256(name);
    store.putAll(
        List.of(
            new StoredResult(
                id, value, new ResultMetadata("test.op", Duration.ZERO, Instant.now(), "test"))));
    return id;
  }

  private String submit(String body) throws Exception {
    HttpResponse<String> response = post("/runs", body);
    assertEquals(202, response.statusCode(), response.body());
    return json(response).getString("run_id").orElseThrow();
  }

  private JsonObject awaitDone(String runId) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonObject status = json(get("/runs/" + runId));
      String state = status.getString("state").orElseThrow();
      if (!state.equals("queued") && !state.equals("running")) {
        return status;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("run " + runId + " did not finish");
  }

  private static Map<String, String> goalValues(JsonObject status) {
    Map<String, String> values = new java.util.HashMap<>();
    for (JsonValue goal : ((JsonArray) status.get("goals").orElseThrow()).items()) {
      JsonObject object = (JsonObject) goal;
      values.put(
          object.getString("name").orElseThrow(),
          object.get("value").map(CanonicalJson::write).orElse("?"));
    }
    return values;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(request(path));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        request(path)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    return (JsonObject) JsonReader.parse(response.body());
  }

  private static String field(HttpResponse<String> response, String name) {
    return json(response).getString(name).orElseThrow();
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject error = (JsonObject) JsonReader.parse(response.body());
    assertEquals(code, error.getString("code").orElseThrow(), response.body());
    assertTrue(error.get("message").orElseThrow() instanceof JsonString);
    assertTrue(!response.body().contains("at org."), "stack trace leaked: " + response.body());
  }
}
