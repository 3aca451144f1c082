package org.voxbeam.launcher.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.voxbeam.api.RunRecordJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.storage.runs.RunRecord;

/**
 * One page of {@code GET /runs}: this server's runs not yet in the run record and every recorded
 * run, newest first by when they started (a run not recorded yet by when it was submitted), ties
 * broken by run id, so the order does not depend on which list a run came from. A page ends with
 * {@code next_cursor}, an opaque token naming its last run: the next page holds the runs after it
 * in that order, so runs started meanwhile do not shift later pages (they are on the first).
 */
final class RunListing {
  private static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparing(Entry::at).thenComparing(Entry::runId).reversed();

  private RunListing() {}

  /** A run in the listing: when it started, its id, and its JSON, made only if it is listed. */
  private record Entry(Instant at, String runId, Supplier<JsonObject> json) {}

  static JsonObject page(
      List<SubmittedRun> live, List<RunRecord> records, int limit, Optional<String> cursor) {
    List<Entry> entries = new ArrayList<>();
    Set<String> recorded = new HashSet<>();
    for (RunRecord record : records) {
      recorded.add(record.runId());
      entries.add(new Entry(record.startedAt(), record.runId(), () -> RunRecordJson.of(record)));
    }
    for (SubmittedRun run : live) {
      if (!recorded.contains(run.id())) {
        entries.add(new Entry(run.submittedAt(), run.id(), run::summary));
      }
    }
    entries.sort(NEWEST_FIRST);
    Optional<Entry> after = cursor.map(RunListing::decode);
    List<JsonValue> listed = new ArrayList<>();
    Entry last = null;
    boolean more = false;
    for (Entry entry : entries) {
      if (after.isPresent() && NEWEST_FIRST.compare(entry, after.get()) <= 0) {
        continue;
      }
      if (listed.size() == limit) {
        more = true;
        break;
      }
      listed.add(entry.json().get());
      last = entry;
    }
    JsonValue next = more ? JsonValue.of(encode(last)) : JsonNull.INSTANCE;
    return JsonBodies.object("runs", new JsonArray(listed), "next_cursor", next);
  }

  private static String encode(Entry entry) {
    String key = entry.at() + " " + entry.runId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static Entry decode(String cursor) {
    try {
      String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int space = key.indexOf(' ');
      if (space < 0) {
        throw invalid();
      }
      return new Entry(
          Instant.parse(key.substring(0, space)),
          key.substring(space + 1),
          () -> new JsonObject(Map.of()));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid();
    }
  }

  private static ApiException invalid() {
    return ApiException.badRequest("invalid_parameter", "cursor is not a next_cursor of GET /runs");
  }
}
