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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanJsonWriter;

/**
 * A bounded load test on loopback: 64 concurrent clients, for a fixed time, read results by id and
 * submit small runs (each a distinct plan), then check that nothing failed and nothing was lost.
 * Latency percentiles are logged; docs/performance.md records a run of it.
 */
class ApiLoadTest {
  private static final Logger LOG = LoggerFactory.getLogger(ApiLoadTest.class);
  private static final int CLIENTS = 64;
  private static final Duration LOAD = Duration.ofSeconds(Long.getLong("voxbeam.loadSeconds", 5));
  private static final int STORED = 1000;

  @TempDir Path dir;

  @Test
  void sixtyFourClientsReadAndSubmitWithoutErrorsOrLoss() throws Exception {
    try (VoxBeam voxbeam = VoxBeam.open(dir.resolve("store"))) {
      ResultStore store = voxbeam.store();
      List<StoredResult> stored = new ArrayList<>();
      for (int i = 0; i < STORED; i++) {
        stored.add(
            new StoredResult(
                NodeHashing.sha256("load-" + i),
                new NumberValue(i),
                new ResultMetadata("test.op", Duration.ZERO, Instant.now(), "test")));
      }
      store.putAll(stored);
      try (ApiServer server =
          new ApiServer(
              ServerSettings.loopback(0),
              voxbeam,
              RunSettings.inProcess().withThreads(1),
              "test")) {
        String base = "http://127.0.0.1:" + server.start() + ApiServer.PREFIX;
        Load load = drive(base);
        LOG.info(
            "load: {} reads (p50 {} ms, p95 {} ms, p99 {} ms), {} runs (submit p50 {} ms, p99 {} ms),"
                + " {} submissions throttled with 429, {} errors",
            load.reads.size(),
            percentile(load.reads, 50),
            percentile(load.reads, 95),
            percentile(load.reads, 99),
            load.runIds.size(),
            percentile(load.submits, 50),
            percentile(load.submits, 99),
            load.throttled.get(),
            load.errors.get());
        assertEquals(0, load.errors.get(), "failed requests: " + load.firstError);
        assertTrue(load.reads.size() > CLIENTS, "too few reads: " + load.reads.size());
        assertTrue(!load.runIds.isEmpty(), "no run was submitted");
        HttpClient client = HttpClient.newHttpClient();
        for (RunCheck check : load.runIds) {
          JsonObject status = awaitDone(client, base, check.runId());
          assertEquals(
              "succeeded", status.getString("state").orElseThrow(), CanonicalJson.write(status));
          JsonObject goal =
              (JsonObject) ((JsonArray) status.get("goals").orElseThrow()).items().get(0);
          assertEquals(check.expected(), CanonicalJson.write(goal.get("value").orElseThrow()));
        }
      }
    }
  }

  private Load drive(String base) throws Exception {
    Load load = new Load();
    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    Instant end = Instant.now().plus(LOAD);
    AtomicInteger runCounter = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int clientIndex = c;
      workers.add(
          clients.submit(
              () -> {
                int i = 0;
                while (Instant.now().isBefore(end)) {
                  i++;
                  if (i % 10 == 0) {
                    submit(client, base, runCounter.incrementAndGet(), load);
                  } else {
                    read(client, base, (clientIndex * 31 + i) % STORED, load);
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    clients.shutdown();
    return load;
  }

  private static void read(HttpClient client, String base, int index, Load load) {
    NodeId id = NodeHashing.sha256("load-" + index);
    long began = System.nanoTime();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/results/" + id.hex())).build(),
              HttpResponse.BodyHandlers.ofString());
      load.reads.add((System.nanoTime() - began) / 1_000_000.0);
      JsonObject descriptor = (JsonObject) JsonReader.parse(response.body());
      if (response.statusCode() != 200
          || !descriptor.getString("summary").orElse("").equals(Double.toString(index))) {
        load.fail("read " + index + ": " + response.statusCode() + " " + response.body());
      }
    } catch (IOException | InterruptedException e) {
      load.fail("read " + index + ": " + e);
    }
  }

  /** Submits a run, backing off while the server says its queue is full (429, Retry-After). */
  private static void submit(HttpClient client, String base, int n, Load load) {
    String plan = smallPlan(n);
    try {
      HttpResponse<String> response;
      while (true) {
        long began = System.nanoTime();
        response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/runs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"plan\": " + plan + "}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        load.submits.add((System.nanoTime() - began) / 1_000_000.0);
        if (response.statusCode() != 429
            || response.headers().firstValue("Retry-After").isEmpty()) {
          break;
        }
        load.throttled.incrementAndGet();
        Thread.sleep(100);
      }
      if (response.statusCode() != 202) {
        load.fail("submit " + n + ": " + response.statusCode() + " " + response.body());
        return;
      }
      String runId =
          ((JsonObject) JsonReader.parse(response.body())).getString("run_id").orElseThrow();
      load.runIds.add(new RunCheck(runId, Double.toString(n + 0.5)));
    } catch (IOException | InterruptedException e) {
      load.fail("submit " + n + ": " + e);
    }
  }

  /** {@code print "sum" n + 0.5} as a plan: distinct for every {@code n}, so each run computes. */
  private static String smallPlan(int n) {
    VoxNode a = VoxNode.constant(JsonValue.of((double) n));
    VoxNode b = VoxNode.constant(JsonValue.of(0.5));
    VoxNode sum = VoxNode.primitive("vox1.+", List.of(a.id(), b.id()), "scalar");
    return PlanJsonWriter.write(
        Plan.of(List.of(a, b, sum), List.of(new Goal(Goal.Operation.PRINT, sum.id(), "sum"))));
  }

  private static JsonObject awaitDone(HttpClient client, String base, String runId)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/runs/" + runId)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), "run " + runId + " lost: " + response.body());
      JsonObject status = (JsonObject) JsonReader.parse(response.body());
      String state = status.getString("state").orElseThrow();
      if (!state.equals("queued") && !state.equals("running")) {
        return status;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("run " + runId + " did not finish");
  }

  private static String percentile(ConcurrentLinkedQueue<Double> samples, int percentile) {
    List<Double> sorted = new ArrayList<>(samples);
    if (sorted.isEmpty()) {
      return "-";
    }
    Collections.sort(sorted);
    double value =
        sorted.get(
            Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private record RunCheck(String runId, String expected) {}

  private static final class Load {
    final ConcurrentLinkedQueue<Double> reads = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Double> submits = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<RunCheck> runIds = new ConcurrentLinkedQueue<>();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    volatile String firstError;

    void fail(String message) {
      if (errors.getAndIncrement() == 0) {
        firstError = message;
      }
    }
  }
}
