package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.api.RunReport;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.execution.GoalFiles;
import org.voxbeam.pipeline.execution.ValueFormat;

/**
 * Sequences leave the server as the Arrow IPC stream {@code get --format arrow} writes, asked for
 * by media type or by {@code format=arrow}, and read back with Arrow's own reader.
 */
class ArrowOverHttpTest {
  private static final String ARROW = "application/vnd.apache.arrow.stream";

  @TempDir Path dir;
  private VoxBeam voxbeam;
  private ApiServer server;
  private String base;
  private final HttpClient client = HttpClient.newHttpClient();
  private NodeId squares;
  private NodeId total;

  @BeforeEach
  void start() throws IOException {
    voxbeam = VoxBeam.open(dir.resolve("store"));
    server = new ApiServer(ServerSettings.loopback(0), voxbeam, RunSettings.inProcess(), "test");
    base = "http://127.0.0.1:" + server.start() + ApiServer.PREFIX;
    RunReport report =
        voxbeam.run(
            VoxBeam.program(
                "sq(x) = x * x\nprint \"squares\" map(sq, range(0, 5))\n"
                    + "print \"total\" 1.5 + 2\n",
                "squares.imgql"));
    squares = report.goals().get(0).goal().id();
    total = report.goals().get(1).goal().id();
  }

  @AfterEach
  void stop() {
    server.close();
    voxbeam.close();
  }

  @Test
  void aSequenceIsAnArrowStreamByMediaTypeOrByFormat() throws Exception {
    HttpResponse<byte[]> byAccept = get("/results/" + squares.hex() + "/items", ARROW);
    assertEquals(200, byAccept.statusCode());
    assertEquals(ARROW, byAccept.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(List.of("0.0", "1.0", "4.0", "9.0", "16.0"), column(byAccept.body(), "value"));

    HttpResponse<byte[]> byFormat =
        get("/results/" + squares.hex() + "/content?format=arrow", "*/*");
    assertEquals(200, byFormat.statusCode());
    assertEquals(List.of("0.0", "1.0", "4.0", "9.0", "16.0"), column(byFormat.body(), "value"));

    Path written = dir.resolve("squares.arrows");
    GoalFiles.save(written, voxbeam.result(squares).orElseThrow().value(), ValueFormat.ARROW);
    assertTrue(
        Arrays.equals(Files.readAllBytes(written), byAccept.body()),
        "the same stream as get --format arrow writes");

    HttpResponse<byte[]> json = get("/results/" + squares.hex() + "/items", "application/json");
    assertTrue(
        new String(json.body(), StandardCharsets.UTF_8).contains("\"items\""),
        "JSON stays the default");
  }

  @Test
  void aValueArrowCannotHoldIsRefusedWithAnError() throws Exception {
    HttpResponse<byte[]> number = get("/results/" + total.hex() + "/content?format=arrow", ARROW);
    assertEquals(400, number.statusCode());
    assertTrue(
        new String(number.body(), StandardCharsets.UTF_8).contains("not_tabular"),
        new String(number.body(), StandardCharsets.UTF_8));
    HttpResponse<byte[]> items = get("/results/" + total.hex() + "/items", ARROW);
    assertEquals(400, items.statusCode());
    assertTrue(
        new String(items.body(), StandardCharsets.UTF_8).contains("not_a_sequence"),
        new String(items.body(), StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> get(String path, String accept) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<String> column(byte[] stream, String name) throws IOException {
    List<String> values = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ArrowStreamReader reader =
            new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        for (int i = 0; i < root.getRowCount(); i++) {
          values.add(String.valueOf(root.getVector(name).getObject(i)));
        }
      }
    }
    return values;
  }
}
