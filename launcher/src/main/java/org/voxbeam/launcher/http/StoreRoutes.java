package org.voxbeam.launcher.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.storage.maintenance.CompactReport;
import org.voxbeam.storage.maintenance.GcReport;
import org.voxbeam.storage.maintenance.PersistentStore;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.maintenance.VerifyReport;

/**
 * Store management: statistics, verification, garbage collection and compaction, the same
 * operations as {@code voxbeam store …}. Maintenance is serialised: one at a time per server. On a
 * remote store they act on the server's working directory, except garbage collection, which
 * collects the remote too, as {@code voxbeam store gc} does.
 */
final class StoreRoutes {

  /** Collects a remote store's own garbage; empty for a store that is not remote. */
  @FunctionalInterface
  interface RemoteGarbage {
    Optional<GcReport> collect(Duration grace, boolean dryRun);
  }

  private final PersistentStore store;
  private final RemoteGarbage remote;

  StoreRoutes(PersistentStore store, RemoteGarbage remote) {
    this.store = store;
    this.remote = remote;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.GET, "/store/stats", this::stats),
        new ApiRoute(HandlerType.POST, "/store/verify", this::verify),
        new ApiRoute(HandlerType.POST, "/store/gc", this::gc),
        new ApiRoute(HandlerType.POST, "/store/compact", this::compact));
  }

  private void stats(Context context) {
    StoreStats stats = store.stats();
    Map<String, JsonValue> byType = new LinkedHashMap<>();
    stats.countsByType().forEach((type, count) -> byType.put(type, JsonValue.of(count)));
    JsonBodies.send(
        context,
        200,
        JsonBodies.object(
            "results", stats.results(),
            "succeeded", stats.succeeded(),
            "failed", stats.failed(),
            "bytes", stats.bytes(),
            "by_type", new JsonObject(byType),
            "segments", store.segmentCount(),
            "cache_hit_rate", store.cacheHitRate(),
            "cached_bytes", store.cachedBytes()));
  }

  private synchronized void verify(Context context) {
    boolean repair = "true".equals(context.queryParam("repair"));
    VerifyReport report = store.verify(repair);
    JsonBodies.send(
        context,
        200,
        JsonBodies.object(
            "ok", report.ok(),
            "segments", report.segments(),
            "rows", report.rows(),
            "blobs_checked", report.blobsChecked(),
            "unchecked_rows", report.uncheckedRows(),
            "problems", new JsonArray(report.problems().stream().map(JsonValue::of).toList()),
            "repairs", new JsonArray(report.repairs().stream().map(JsonValue::of).toList())));
  }

  private synchronized void gc(Context context) {
    boolean dryRun = dryRun(context);
    int graceSeconds =
        ResultRoutes.intParameter(
            context,
            "grace_seconds",
            0,
            Integer.MAX_VALUE,
            (int) StoreMaintenance.DEFAULT_GRACE.toSeconds());
    Duration grace = Duration.ofSeconds(graceSeconds);
    GcReport report = store.gc(grace, dryRun);
    Map<String, JsonValue> body = new LinkedHashMap<>(gcReport(report).members());
    remote.collect(grace, dryRun).ifPresent(bucket -> body.put("remote", gcReport(bucket)));
    JsonBodies.send(context, 200, new JsonObject(body));
  }

  private static JsonObject gcReport(GcReport report) {
    return JsonBodies.object(
        "dry_run", report.dryRun(),
        "blobs_removed", report.blobsRemoved(),
        "temporary_files_removed", report.temporaryFilesRemoved(),
        "bytes_freed", report.bytesFreed());
  }

  private synchronized void compact(Context context) {
    int smallRows =
        ResultRoutes.intParameter(
            context, "small_rows", 1, Integer.MAX_VALUE, StoreMaintenance.DEFAULT_SMALL_ROWS);
    CompactReport report = store.compact(smallRows, dryRun(context));
    JsonBodies.send(
        context,
        200,
        JsonBodies.object(
            "dry_run", report.dryRun(),
            "segments_merged", report.segmentsMerged(),
            "rows_kept", report.rowsKept(),
            "duplicate_rows_dropped", report.duplicateRowsDropped()));
  }

  private static boolean dryRun(Context context) {
    String text = context.queryParam("dry_run");
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw ApiException.badRequest(
        "invalid_parameter", "dry_run must be true or false, got '" + text + "'");
  }
}
