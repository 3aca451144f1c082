package org.voxbeam.pipeline.execution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * A sequence or a table of results as an Arrow IPC stream, so that pandas, polars and DuckDB read
 * it without JSON. A sequence of scalars is one column, {@code value}; a sequence of mappings is a
 * table with a column per key (in the order keys first appear, null where an item lacks one); a
 * mapping of scalars is a one-row table. A column of integers and numbers is float64, of integers
 * only int64; nulls are nulls. Anything else (a nested sequence, an image) is refused: Arrow is for
 * what is tabular, the other formats for the rest. Rows go out in batches, so a long sequence is
 * never held twice.
 */
final class ArrowTable {
  private static final int BATCH_ROWS = 65_536;

  private final List<Column> columns;
  private final List<Map<String, Value>> rows;

  private ArrowTable(List<Column> columns, List<Map<String, Value>> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * The table {@code value} is.
   *
   * @throws IOException if the value is not a sequence or mapping of scalars, or of mappings of
   *     scalars
   */
  static ArrowTable of(Value value) throws IOException {
    List<Map<String, Value>> rows = new ArrayList<>();
    if (value instanceof SequenceValue sequence) {
      for (Value item : sequence.items()) {
        rows.add(item instanceof MappingValue mapping ? mapping.entries() : Map.of("value", item));
      }
    } else if (value instanceof MappingValue mapping) {
      rows.add(mapping.entries());
    } else {
      throw new IOException(
          "a " + value.voxType() + " has no Arrow form (Arrow holds sequences and tables)");
    }
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (int row = 0; row < rows.size(); row++) {
      for (Map.Entry<String, Value> cell : rows.get(row).entrySet()) {
        Kind seen = kinds.getOrDefault(cell.getKey(), Kind.NULL);
        kinds.put(cell.getKey(), seen.widen(Kind.of(cell.getValue()), cell.getKey(), row));
      }
    }
    List<Column> columns = new ArrayList<>();
    kinds.forEach((name, kind) -> columns.add(new Column(name, kind)));
    return new ArrowTable(columns, rows);
  }

  /** Writes the table as an Arrow IPC stream (schema, then record batches) to {@code out}. */
  void writeStream(OutputStream out) throws IOException {
    Schema schema = new Schema(columns.stream().map(Column::field).toList());
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      writer.start();
      for (int first = 0; first < rows.size(); first += BATCH_ROWS) {
        int count = Math.min(BATCH_ROWS, rows.size() - first);
        root.allocateNew();
        for (int c = 0; c < columns.size(); c++) {
          fill(root.getVector(c), columns.get(c), first, count);
        }
        root.setRowCount(count);
        writer.writeBatch();
      }
      writer.end();
    }
  }

  private void fill(FieldVector vector, Column column, int first, int count) {
    for (int i = 0; i < count; i++) {
      Value cell = rows.get(first + i).get(column.name());
      if (cell == null || cell instanceof NullValue) {
        vector.setNull(i);
        continue;
      }
      switch (column.kind()) {
        case INT64 -> ((BigIntVector) vector).setSafe(i, ((IntegerValue) cell).value());
        case FLOAT64 -> ((Float8Vector) vector).setSafe(i, number(cell));
        case BOOL -> ((BitVector) vector).setSafe(i, ((BooleanValue) cell).value() ? 1 : 0);
        case UTF8 ->
            ((VarCharVector) vector)
                .setSafe(i, ((StringValue) cell).value().getBytes(StandardCharsets.UTF_8));
        case NULL -> vector.setNull(i);
      }
    }
    vector.setValueCount(count);
  }

  private static double number(Value cell) {
    return cell instanceof IntegerValue integer
        ? (double) integer.value()
        : ((NumberValue) cell).value();
  }

  private record Column(String name, Kind kind) {
    Field field() {
      ArrowType type =
          switch (kind) {
            case INT64 -> new ArrowType.Int(64, true);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BOOL -> ArrowType.Bool.INSTANCE;
            case UTF8, NULL -> ArrowType.Utf8.INSTANCE;
          };
      return new Field(name, FieldType.nullable(type), null);
    }
  }

  /** The Arrow type a column's cells take; {@code NULL} until a cell says more. */
  private enum Kind {
    NULL,
    INT64,
    FLOAT64,
    BOOL,
    UTF8;

    /** The kind of one cell, {@code null} if no column can hold it. */
    static Kind of(Value cell) {
      if (cell instanceof NullValue) {
        return NULL;
      } else if (cell instanceof IntegerValue) {
        return INT64;
      } else if (cell instanceof NumberValue) {
        return FLOAT64;
      } else if (cell instanceof BooleanValue) {
        return BOOL;
      } else if (cell instanceof StringValue) {
        return UTF8;
      }
      return null;
    }

    /**
     * The kind of a column of this kind that also holds a cell of {@code cell} kind, at {@code
     * row}.
     *
     * @throws IOException if no Arrow column holds both
     */
    Kind widen(Kind cell, String column, int row) throws IOException {
      if (cell == null) {
        throw new IOException(
            "item "
                + row
                + ", column '"
                + column
                + "': only numbers, strings and booleans have an"
                + " Arrow form");
      }
      if (this == cell || cell == NULL) {
        return this;
      }
      if (this == NULL) {
        return cell;
      }
      if ((this == INT64 && cell == FLOAT64) || (this == FLOAT64 && cell == INT64)) {
        return FLOAT64;
      }
      throw new IOException(
          "item "
              + row
              + ", column '"
              + column
              + "' mixes "
              + describe()
              + " and "
              + cell.describe());
    }

    private String describe() {
      return switch (this) {
        case NULL -> "nulls";
        case INT64 -> "integers";
        case FLOAT64 -> "numbers";
        case BOOL -> "booleans";
        case UTF8 -> "strings";
      };
    }
  }
}
