package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;

/**
 * The bad-input matrix for HTTP requests, beyond {@code ApiServerTest}'s: malformed node and run
 * ids, path tricks, bodies over the limit with and without a length, hostile JSON, unknown routes
 * and methods, and bad tokens. Every refusal is a JSON error with a stable code and no stack trace,
 * the server keeps serving, and a result stored before is still served afterwards.
 */
class HttpBadInputTest {
  private static final String TOKEN = "t0ken-for-tests";
  private static final int MAX_BODY = 64 * 1024;

  @TempDir Path dir;
  private VoxBeam voxbeam;
  private ResultStore store;
  private ApiServer server;
  private int port;
  private String base;
  private NodeId kept;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void start() throws IOException {
    voxbeam = VoxBeam.open(dir.resolve("store"));
    store = voxbeam.store();
    kept = NodeHashing.sha256("kept");
    store.putAll(
        List.of(
            new StoredResult(
                kept,
                new NumberValue(7.5),
                new ResultMetadata("test.op", Duration.ZERO, Instant.now(), "test"))));
    Files.createDirectories(dir.resolve("data"));
    ServerSettings settings =
        new ServerSettings(
            "127.0.0.1", 0, Optional.of(TOKEN), MAX_BODY, 1000, List.of(dir.resolve("data")));
    server = new ApiServer(settings, voxbeam, RunSettings.inProcess(), "test");
    port = server.start();
    base = "http://127.0.0.1:" + port + ApiServer.PREFIX;
  }

  @AfterEach
  void keptResultIsStillServed() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(request("/results/" + kept.hex()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("7.5"), response.body());
    server.close();
    voxbeam.close();
  }

  @Test
  void malformedIdsAreRefused() throws Exception {
    for (String id :
        List.of(
            "abc",
            "g".repeat(64),
            kept.hex() + "0",
            kept.hex().substring(1),
            "x".repeat(4_000),
            "%20")) {
      assertError(get("/results/" + id), 400, "invalid_node_id");
    }
    assertError(get("/runs/" + "9".repeat(4_000)), 404, "run_not_found");
  }

  /** Requests Jetty refuses before any route sees them still get the API's JSON error. */
  @Test
  void protocolLevelGarbageIsRefusedBeforeRouting() throws Exception {
    for (String path : List.of("/results/%00", "/results/" + "x".repeat(20_000))) {
      HttpResponse<String> response = get(path);
      assertTrue(
          response.statusCode() == 400
              || response.statusCode() == 414
              || response.statusCode() == 431,
          path.length() + " chars gave " + response.statusCode());
      assertJsonError(response);
    }
    String badLine =
        rawRequest(
            "GET /api/v1/health HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 0);
    assertTrue(badLine.contains("application/json") && badLine.contains("\"code\""), badLine);
    assertFalse(badLine.contains("<html"), badLine);
  }

  @Test
  void pathTricksNeverLeaveTheApi() throws Exception {
    for (String path :
        List.of(
            "/results/..%2Fstore%2Fstats",
            "/results/%2e%2e/%2e%2e/etc/passwd", "/results/..%5C..%5Cwindows")) {
      HttpResponse<String> response = get(path);
      assertTrue(
          response.statusCode() == 400 || response.statusCode() == 404,
          path + " gave " + response.statusCode());
      assertJsonError(response);
    }
    assertError(
        post("/runs", "{\"program\": \"import \\\"/etc/secret.imgql\\\"\"}"),
        400,
        "import_outside_data_roots");
  }

  @Test
  void oversizedBodiesAreRefusedAndBodiesWithoutALengthToo() throws Exception {
    assertError(
        post("/runs", "{\"program\": \"" + "x".repeat(MAX_BODY) + "\"}"), 413, "body_too_large");
    String chunked =
        rawRequest(
            "POST "
                + ApiServer.PREFIX
                + "/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            MAX_BODY * 4);
    assertTrue(chunked.startsWith("HTTP/1.1 411"), chunked);
    assertTrue(chunked.contains("\"length_required\""), chunked);
    assertFalse(chunked.contains("at org."), chunked);
  }

  @Test
  void hostileJsonIsRefusedAsMalformed() throws Exception {
    assertError(post("/runs", "[".repeat(20_000) + "]".repeat(20_000)), 400, "malformed_json");
    assertError(post("/runs", "{\"plan\": 1e99999}"), 400, "invalid_plan");
    assertError(post("/runs", "{\"program\": \"a\", \"program\": \"b\"}"), 400, "malformed_json");
    assertError(post("/runs", ""), 400, "malformed_json");
    assertError(
        postBytes("/runs", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
        400,
        "invalid_run");
    assertError(post("/runs", "{\"program\": \"x = (1\"}"), 400, "invalid_program");
  }

  /** The server runs with the default limits; a submission may lower them, never raise them. */
  @Test
  void runLimitsAreAtMostTheServers() throws Exception {
    HttpResponse<String> above = submitWithLimits("{\"max_voxels\": 268435457}");
    assertError(above, 400, "invalid_run");
    assertTrue(above.body().contains("268435456"), above.body());
    assertError(submitWithLimits("{\"max_plan_nodes\": \"many\"}"), 400, "invalid_run");
    assertError(submitWithLimits("{\"max_plan_nodes\": 0}"), 400, "invalid_run");
    assertError(submitWithLimits("{\"max_ram\": 1}"), 400, "invalid_run");
    assertError(submitWithLimits("[1]"), 400, "invalid_run");
    HttpResponse<String> small = submitWithLimits("{\"max_plan_nodes\": 4}");
    assertError(small, 400, "invalid_program");
    assertTrue(small.body().contains("the plan grows past 4 nodes"), small.body());
    HttpResponse<String> lower =
        submitWithLimits("{\"max_plan_nodes\": 100, \"max_decompressed_mb\": 1}");
    assertEquals(202, lower.statusCode(), lower.body());
  }

  private HttpResponse<String> submitWithLimits(String limits) throws Exception {
    String program = "\"program\": \"print \\\"a\\\" 1 + 2\\nprint \\\"b\\\" 3 * 4\"";
    return post("/runs", "{" + program + ", \"limits\": " + limits + "}");
  }

  @Test
  void unknownRoutesAndMethodsAreNamed() throws Exception {
    assertError(get("/nothing/here"), 404, "no_such_route");
    HttpResponse<String> delete = send(request("/results/" + kept.hex()).DELETE());
    assertError(delete, 405, "method_not_allowed");
    assertEquals("GET, HEAD", delete.headers().firstValue("Allow").orElse(""));
    HttpResponse<String> put =
        send(request("/runs").PUT(HttpRequest.BodyPublishers.ofString("{}")));
    assertError(put, 405, "method_not_allowed");
    assertEquals("POST, GET, HEAD", put.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void badTokensAreRefused() throws Exception {
    for (String header :
        List.of(
            "Bearer wrong",
            "bearer " + TOKEN,
            "Bearer " + TOKEN + " ",
            "Basic " + TOKEN,
            "Bearer")) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/version"))
                  .header("Authorization", header)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertError(response, 401, "unauthorized");
    }
    HttpResponse<String> inQuery =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/version?token=" + TOKEN)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertError(inQuery, 401, "unauthorized");
  }

  /**
   * Sends {@code head} and then {@code bodyBytes} of chunked body, and returns what the server
   * answered.
   */
  private String rawRequest(String head, int bodyBytes) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try {
        for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedEarly) {
        // The server may answer and close before the whole body is sent; its answer is still
        // readable.
      }
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + TOKEN);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(request(path));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return postBytes(path, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> postBytes(String path, byte[] body) throws Exception {
    return send(
        request(path)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(code, assertJsonError(response).getString("code").orElseThrow(), response.body());
  }

  private static JsonObject assertJsonError(HttpResponse<String> response) {
    assertFalse(response.body().contains("at org."), "stack trace leaked: " + response.body());
    assertFalse(response.body().contains("Exception"), "exception leaked: " + response.body());
    JsonObject error = (JsonObject) JsonReader.parse(response.body());
    assertTrue(error.getString("message").isPresent(), response.body());
    return error;
  }
}
