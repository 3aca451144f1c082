package org.voxbeam.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voxbeam.storage.StoredValues.result;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;

/**
 * A store's segments are plain Parquet: an independent reader queries values and nested fields
 * across segments of every column and segments of scalars ({@code union_by_name}), and the items a
 * sequence of scalars keeps in its row.
 */
class DuckDbQueryTest {
  @TempDir Path dir;

  @Test
  void duckDbReadsValuesAndNestedRecordFields() throws Exception {
    StoredResult number = result("volume", new NumberValue(1234.5));
    StoredResult record =
        result(
            "case",
            new MappingValue(
                Map.of("patient", new StringValue("P-1024"), "dice", new NumberValue(0.87))));
    StoredResult volumes =
        result(
            "volumes",
            new SequenceValue(
                List.of(new NumberValue(1.5), new NumberValue(2.5), new NumberValue(4))));
    StoredResult labels =
        result(
            "labels",
            new SequenceValue(
                List.of(new IntegerValue(3), new StringValue("edema"), new IntegerValue(4))));
    try (ParquetResultStore store = ParquetResultStore.open(dir, StoreOptions.defaults())) {
      store.putAll(List.of(number));
      store.putAll(List.of(record));
      store.putAll(List.of(volumes));
      store.putAll(List.of(labels));
    }
    String segments = dir.resolve("segments").toString().replace('\\', '/') + "/*.parquet";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT value_type, number_value FROM read_parquet('"
                  + segments
                  + "', union_by_name = true) WHERE node_id = '"
                  + number.id().hex()
                  + "'")) {
        assertTrue(rows.next());
        assertEquals("number", rows.getString(1));
        assertEquals(1234.5, rows.getDouble(2));
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT e.string_value FROM (SELECT unnest(entries) AS e FROM read_parquet('"
                  + segments
                  + "', union_by_name = true) WHERE node_id = '"
                  + record.id().hex()
                  + "') WHERE e.key = 'patient'")) {
        assertTrue(rows.next());
        assertEquals("P-1024", rows.getString(1));
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT e.number_value FROM (SELECT unnest(entries) AS e FROM read_parquet('"
                  + segments
                  + "', union_by_name = true)) WHERE e.key = 'dice'")) {
        assertTrue(rows.next());
        assertEquals(0.87, rows.getDouble(1));
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT count(*), sum(v) FROM (SELECT unnest(item_numbers) AS v FROM"
                  + " read_parquet('"
                  + segments
                  + "', union_by_name = true) WHERE node_id = '"
                  + volumes.id().hex()
                  + "')")) {
        assertTrue(rows.next());
        assertEquals(3, rows.getInt(1));
        assertEquals(8.0, rows.getDouble(2));
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT count(*), sum(i.int_value) FROM (SELECT unnest(items) AS i FROM"
                  + " read_parquet('"
                  + segments
                  + "', union_by_name = true) WHERE node_id = '"
                  + labels.id().hex()
                  + "') WHERE i.value_type = 'integer'")) {
        assertTrue(rows.next());
        assertEquals(2, rows.getInt(1));
        assertEquals(7, rows.getLong(2));
      }
    }
  }
}
