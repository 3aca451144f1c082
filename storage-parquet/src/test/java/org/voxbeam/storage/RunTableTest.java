package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.id;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;
import org.voxbeam.storage.runs.RunTable;

/**
 * The run record is a Parquet table of its own: runs read back as written, and DuckDB joins runs to
 * the results they reported by node id with the query docs/store-format.md gives.
 */
class RunTableTest {
  @TempDir Path dir;

  @Test
  void runsReadBackOldestFirst() {
    StoreLayout layout = new StoreLayout(dir);
    RunRecord second = run("second", Instant.parse("2026-01-02T00:00:00Z"), 2.0);
    RunRecord first = run("first", Instant.parse("2026-01-01T00:00:00Z"), 1.0);
    RunTable table = new RunTable(layout);
    table.append(second);
    table.append(first);
    assertEquals(List.of(first, second), table.all());
    assertEquals(Optional.of(second), table.find("second"));
    assertFalse(table.find("third").isPresent());
  }

  @Test
  void aRehearsalWritesAWholeRecord() {
    assertTrue(RunTable.rehearse(), "the writer ran to the footer");
    assertTrue(RunTable.rehearse(), "and runs again");
  }

  @Test
  void duckDbJoinsEachRunsGoalsToTheResultsItReported() throws Exception {
    Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-01-02T00:00:00Z");
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.put(row(1.0, t1.plusSeconds(1), "first"));
      store.put(row(2.0, t2.plusSeconds(1), "second"));
      RunTable table = new RunTable(store.layout());
      table.append(run("first", t1, 1.0));
      table.append(run("second", t2, 2.0));
    }
    String root = dir.toString().replace('\\', '/');
    String query =
        """
        WITH goals AS (
          SELECT run_id, ended_at, unnest(goals) AS goal FROM read_parquet('%1$s/runs/*.parquet')),
        rows AS (SELECT * FROM read_parquet('%1$s/segments/*.parquet', union_by_name = true))
        SELECT goals.run_id, goal.name, goal.status, rows.number_value
        FROM goals JOIN rows ON rows.node_id = goal.node_id AND rows.created_at <= goals.ended_at
        QUALIFY row_number() OVER (
          PARTITION BY goals.run_id, goal.name ORDER BY rows.created_at DESC) = 1
        ORDER BY goals.run_id
        """
            .formatted(root);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      assertTrue(rows.next());
      assertEquals("first", rows.getString(1));
      assertEquals("volume", rows.getString(2));
      assertEquals("materialized", rows.getString(3));
      assertEquals(1.0, rows.getDouble(4), "the value the first run reported, not the newer one");
      assertTrue(rows.next());
      assertEquals("second", rows.getString(1));
      assertEquals(2.0, rows.getDouble(4));
      assertFalse(rows.next());
    }
  }

  private static StoredResult row(double value, Instant createdAt, String runId) {
    return new StoredResult(
        id("volume"),
        new NumberValue(value),
        new ResultMetadata(
            "vox1.volume",
            Duration.ofMillis(3),
            createdAt,
            "test",
            Optional.of(runId),
            RecordedInputs.NONE));
  }

  private static RunRecord run(String runId, Instant started, double unused) {
    return new RunRecord(
        runId,
        started,
        started.plus(Duration.ofMinutes(1)),
        "in-process",
        "examples/p.imgql",
        "ab".repeat(32),
        "reuse",
        "test",
        new RunRecord.Nodes(3, 1, 2, 0),
        new RunRecord.Items(20, 0, 0),
        List.of(
            new GoalRecord(
                "volume", "print", id("volume").hex(), GoalRecord.MATERIALIZED, Optional.empty())));
  }
}
