package org.voxbeam.storage.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Puts result rows back together from their columns: a {@link PageCursor} per column walks the
 * levels and values of the column's page, and this class assembles one row from them. It knows the
 * only two shapes a field of {@link SegmentSchema#RESULT} takes — a primitive, or a standard
 * three-level {@code LIST} of primitives or of groups of primitives, so that nothing repeats deeper
 * than once — and does in a few branches what Parquet's generic record reader does with an assembly
 * automaton it builds for every reader: building that automaton for all of the schema's columns was
 * more than half of reading one row.
 *
 * <p>The rows come out as Parquet's example {@link Group}s of {@link SegmentSchema#RESULT},
 * whatever projection of it the segment was written in ({@link SegmentColumns}), the fields it
 * lacks empty: equal to the ones Parquet's record reader makes of a {@link SegmentSchema#RESULT}
 * segment, so that the codec and the row checksums read either alike.
 */
final class RowAssembly {
  private final List<ColumnDescriptor> columns;
  private final List<Field> fields;

  /** The assembly of rows of a segment written in {@code schema}, a projection of the result's. */
  RowAssembly(MessageType schema) {
    this.columns = schema.getColumns();
    List<Field> fields = new ArrayList<>();
    int column = 0;
    for (int f = 0; f < schema.getFieldCount(); f++) {
      Type type = schema.getType(f);
      if (!type.equals(SegmentSchema.RESULT.getType(type.getName()))) {
        throw new IllegalStateException(type.getName() + " is not a field of the result rows");
      }
      int target = SegmentSchema.RESULT.getFieldIndex(type.getName());
      Field field = type.isPrimitive() ? scalar(target, column, type) : list(target, column, type);
      fields.add(field);
      column += field.columnCount();
    }
    if (column != columns.size()) {
      throw new IllegalStateException("the schema has columns no field accounts for");
    }
    this.fields = List.copyOf(fields);
  }

  /**
   * Which columns a read needs a cursor on, in schema order: those of the fields none of whose
   * columns {@code absent} names as left out of every row read ({@link PageMap#absent}).
   */
  boolean[] columnsRead(IntPredicate absent) {
    boolean[] read = new boolean[columns.size()];
    for (Field field : fields) {
      int first = field.firstColumn();
      int end = first + field.columnCount();
      if (IntStream.range(first, end).noneMatch(absent)) {
        Arrays.fill(read, first, end, true);
      }
    }
    return read;
  }

  /**
   * The row the {@code cursors} are at; leaves them at the next one. A field without cursors is
   * absent from the row.
   *
   * @throws IllegalStateException if the columns' levels do not make up one row of the schema
   */
  Group read(PageCursor[] cursors) {
    Group row = new SimpleGroup(SegmentSchema.RESULT);
    for (Field field : fields) {
      if (cursors[field.firstColumn()] != null) {
        field.read(row, cursors);
      }
    }
    return row;
  }

  private Scalar scalar(int field, int column, Type type) {
    return new Scalar(column, value(field, column, type.asPrimitiveType()));
  }

  /** A field {@code optional group name (LIST) { repeated group list { element } }}. */
  private ListOf list(int field, int column, Type type) {
    GroupType outer = type.asGroupType();
    if (!(outer.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)
        || outer.getFieldCount() != 1
        || !outer.getType(0).isRepetition(Type.Repetition.REPEATED)
        || outer.getType(0).isPrimitive()) {
      throw new IllegalStateException(type.getName() + " is not a three-level list");
    }
    GroupType repeated = outer.getType(0).asGroupType();
    Type element = repeated.getType(0);
    List<Value> values = new ArrayList<>();
    if (element.isPrimitive()) {
      values.add(value(0, column, element.asPrimitiveType()));
    } else {
      GroupType group = element.asGroupType();
      for (int f = 0; f < group.getFieldCount(); f++) {
        if (!group.getType(f).isPrimitive()) {
          throw new IllegalStateException(type.getName() + " nests a group in its elements");
        }
        values.add(value(f, column + f, group.getType(f).asPrimitiveType()));
      }
    }
    return new ListOf(field, type.getName(), column, element.isPrimitive(), List.copyOf(values));
  }

  private Value value(int field, int column, PrimitiveType type) {
    ColumnDescriptor descriptor = columns.get(column);
    if (descriptor.getMaxRepetitionLevel() > 1) {
      throw new IllegalStateException(type.getName() + " repeats more than once");
    }
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN, INT32, INT64, DOUBLE, BINARY ->
          new Value(
              field,
              String.join(".", descriptor.getPath()),
              descriptor.getMaxDefinitionLevel(),
              type.getPrimitiveTypeName());
      case FLOAT, INT96, FIXED_LEN_BYTE_ARRAY ->
          throw new IllegalStateException(type.getName() + " has a type rows never use");
    };
  }

  /** A top-level field: a primitive, or a list. */
  private sealed interface Field permits Scalar, ListOf {
    int firstColumn();

    int columnCount();

    /** Adds the field's value, if it has one, to {@code row} and moves its columns' cursors on. */
    void read(Group row, PageCursor[] cursors);
  }

  /** A primitive top-level field, read from its one column. */
  private record Scalar(int column, Value value) implements Field {
    @Override
    public int firstColumn() {
      return column;
    }

    @Override
    public int columnCount() {
      return 1;
    }

    @Override
    public void read(Group row, PageCursor[] cursors) {
      PageCursor cursor = cursors[column];
      if (cursor.repetitionLevel() != 0) {
        throw new IllegalStateException(value.name() + " repeats inside one row");
      }
      if (cursor.definitionLevel() == value.maxDefinition()) {
        value.addTo(row, cursor);
      }
      cursor.consume();
    }
  }

  /**
   * A list field, whose element is one primitive or a group of primitives, each a column from
   * {@code firstColumn} on.
   */
  private record ListOf(
      int field, String name, int firstColumn, boolean primitiveElement, List<Value> values)
      implements Field {
    @Override
    public int columnCount() {
      return values.size();
    }

    /**
     * The first column's definition level says whether the list is absent (0), empty (1) or has an
     * element (2 and above); a repetition level of 1 on it says another element follows. The
     * element's other columns step with the first.
     */
    @Override
    public void read(Group row, PageCursor[] cursors) {
      PageCursor first = cursors[firstColumn];
      int definition = first.definitionLevel();
      if (first.repetitionLevel() != 0) {
        throw new IllegalStateException(name + " does not start a row");
      }
      if (definition < 2) {
        if (definition == 1) {
          row.addGroup(field);
        }
        for (int c = 0; c < values.size(); c++) {
          PageCursor cursor = cursors[firstColumn + c];
          if (cursor.repetitionLevel() != 0 || cursor.definitionLevel() != definition) {
            throw new IllegalStateException("the columns of " + name + " disagree");
          }
          cursor.consume();
        }
        return;
      }
      Group items = row.addGroup(field);
      int repetition = 0;
      do {
        Group item = items.addGroup(0);
        Group element = primitiveElement ? item : item.addGroup(0);
        for (int c = 0; c < values.size(); c++) {
          Value value = values.get(c);
          PageCursor cursor = cursors[firstColumn + c];
          if (cursor.repetitionLevel() != repetition || cursor.definitionLevel() < 2) {
            throw new IllegalStateException(value.name() + " is out of step with " + name);
          }
          if (cursor.definitionLevel() == value.maxDefinition()) {
            value.addTo(element, cursor);
          }
          cursor.consume();
        }
        repetition = 1;
      } while (first.repetitionLevel() == 1);
    }
  }

  /**
   * One primitive: its field's index in the group that holds it, its column's path, and the
   * definition level at which it has a value.
   */
  private record Value(
      int field, String name, int maxDefinition, PrimitiveType.PrimitiveTypeName type) {
    void addTo(Group group, PageCursor cursor) {
      switch (type) {
        case BOOLEAN -> group.add(field, cursor.getBoolean());
        case INT32 -> group.add(field, cursor.getInteger());
        case INT64 -> group.add(field, cursor.getLong());
        case DOUBLE -> group.add(field, cursor.getDouble());
        case BINARY -> group.add(field, cursor.getBinary());
        case FLOAT, INT96, FIXED_LEN_BYTE_ARRAY ->
            throw new IllegalStateException(name + " has a type rows never use");
      }
    }
  }
}
