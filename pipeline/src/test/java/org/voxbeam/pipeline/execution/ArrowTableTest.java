package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/** Values saved as Arrow IPC streams, read back with Arrow's own stream reader. */
class ArrowTableTest {
  @TempDir Path dir;

  @Test
  void aLongSequenceOfNumbersIsOneColumnInSeveralBatches() throws IOException {
    List<Value> items = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      items.add(new NumberValue(i * 0.5));
    }
    Read read = saveAndRead(new SequenceValue(items));
    assertEquals(List.of("value"), read.columns());
    assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), read.types().get(0));
    assertEquals(100_000, read.rows().size());
    assertEquals(49_999.5, read.rows().get(99_999).get(0));
    assertTrue(read.batches() > 1, "rows go out in batches");
  }

  @Test
  void aSequenceOfRecordsIsATableWithNullsWhereAKeyIsMissing() throws IOException {
    Map<String, Value> first = new LinkedHashMap<>();
    first.put("case", new StringValue("a"));
    first.put("volume", new IntegerValue(3));
    first.put("ok", BooleanValue.TRUE);
    Map<String, Value> second = new LinkedHashMap<>();
    second.put("case", new StringValue("b"));
    second.put("volume", new NumberValue(2.5));
    Read read =
        saveAndRead(new SequenceValue(List.of(new MappingValue(first), new MappingValue(second))));
    assertEquals(List.of("case", "volume", "ok"), read.columns());
    assertEquals(
        List.of(List.of("a", 3.0, true), listOf("b", 2.5, null)),
        read.rows(),
        "integers and numbers in one column are float64");
  }

  @Test
  void integersStayIntegersAndNullsAreNulls() throws IOException {
    Read read =
        saveAndRead(
            new SequenceValue(
                List.of(new IntegerValue(7), NullValue.INSTANCE, new IntegerValue(-1))));
    assertEquals(new ArrowType.Int(64, true), read.types().get(0));
    assertEquals(List.of(List.of(7L), listOf((Object) null), List.of(-1L)), read.rows());
  }

  @Test
  void whatIsNotTabularIsRefusedNamingWhere() {
    IOException nested =
        assertThrows(
            IOException.class,
            () ->
                GoalFiles.save(
                    dir.resolve("n.arrow"),
                    new SequenceValue(List.of(new NumberValue(1), new SequenceValue(List.of()))),
                    ValueFormat.ARROW));
    assertTrue(nested.getMessage().contains("item 1"), nested.getMessage());
    IOException mixed =
        assertThrows(
            IOException.class,
            () ->
                GoalFiles.save(
                    dir.resolve("m.arrow"),
                    new SequenceValue(List.of(new NumberValue(1), new StringValue("x"))),
                    ValueFormat.ARROW));
    assertTrue(mixed.getMessage().contains("mixes numbers and strings"), mixed.getMessage());
    assertThrows(
        IOException.class,
        () -> GoalFiles.save(dir.resolve("s.arrow"), new NumberValue(1), ValueFormat.ARROW));
    assertFalse(Files.exists(dir.resolve("n.arrow")), "nothing is left half written");
  }

  private static List<Object> listOf(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }

  private Read saveAndRead(Value value) throws IOException {
    Path file = dir.resolve("t.arrow");
    GoalFiles.save(file, value, ValueFormat.ARROW);
    List<List<Object>> rows = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        RootAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<String> columns = root.getSchema().getFields().stream().map(Field::getName).toList();
      List<ArrowType> types = root.getSchema().getFields().stream().map(Field::getType).toList();
      int batches = 0;
      while (reader.loadNextBatch()) {
        batches++;
        for (int r = 0; r < root.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (int c = 0; c < columns.size(); c++) {
            Object cell = root.getVector(c).getObject(r);
            row.add(cell == null ? null : cell instanceof Text text ? text.toString() : cell);
          }
          rows.add(row);
        }
      }
      return new Read(columns, types, rows, batches);
    }
  }

  private record Read(
      List<String> columns, List<ArrowType> types, List<List<Object>> rows, int batches) {}
}
