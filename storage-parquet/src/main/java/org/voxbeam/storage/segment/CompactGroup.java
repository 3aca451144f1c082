package org.voxbeam.storage.segment;

import java.util.ArrayList;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;

/**
 * A row, or a group inside one, as {@link RowCodec} builds it for writing: its fields' values in
 * one array, a field with one value holding that value itself and only a repeated one a list.
 * Parquet's {@code SimpleGroup} makes an {@code ArrayList} for every field of the schema up front:
 * 29 per result row, most of them for fields the row leaves empty, which made building the rows of
 * a commit cost as much as checksumming them and most of its garbage.
 *
 * <p>Values are Parquet's {@link Binary} for strings and binaries and boxed primitives otherwise;
 * only the types of {@link SegmentSchema#RESULT} are supported.
 */
final class CompactGroup extends Group {
  private final GroupType schema;

  /** Per field: null (no value), the one value, or a {@link Values} list of several. */
  private final Object[] fields;

  CompactGroup(GroupType schema) {
    this.schema = schema;
    this.fields = new Object[schema.getFieldCount()];
  }

  /** Several values of one repeated field; a list type no value itself can be. */
  private static final class Values extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
  }

  private void append(int field, Object value) {
    Object present = fields[field];
    if (present == null) {
      fields[field] = value;
    } else if (present instanceof Values values) {
      values.add(value);
    } else {
      Values values = new Values();
      values.add(present);
      values.add(value);
      fields[field] = values;
    }
  }

  private Object value(int field, int index) {
    Object present = fields[field];
    if (present instanceof Values values) {
      return values.get(index);
    }
    if (present == null || index != 0) {
      throw new IndexOutOfBoundsException(
          "field " + schema.getFieldName(field) + " has no value " + index);
    }
    return present;
  }

  @Override
  public int getFieldRepetitionCount(int field) {
    Object present = fields[field];
    if (present == null) {
      return 0;
    }
    return present instanceof Values values ? values.size() : 1;
  }

  @Override
  public GroupType getType() {
    return schema;
  }

  @Override
  public Group addGroup(int field) {
    CompactGroup group = new CompactGroup(schema.getType(field).asGroupType());
    append(field, group);
    return group;
  }

  @Override
  public Group getGroup(int field, int index) {
    return (Group) value(field, index);
  }

  @Override
  public void add(int field, Group value) {
    append(field, value);
  }

  @Override
  public void add(int field, int value) {
    append(field, value);
  }

  @Override
  public void add(int field, long value) {
    append(field, value);
  }

  @Override
  public void add(int field, String value) {
    append(field, Binary.fromString(value));
  }

  @Override
  public void add(int field, boolean value) {
    append(field, value);
  }

  @Override
  public void add(int field, Binary value) {
    append(field, value);
  }

  @Override
  public void add(int field, float value) {
    append(field, value);
  }

  @Override
  public void add(int field, double value) {
    append(field, value);
  }

  @Override
  public void add(int field, NanoTime value) {
    throw new UnsupportedOperationException("result rows have no INT96 columns");
  }

  @Override
  public String getValueToString(int field, int index) {
    Object value = value(field, index);
    return value instanceof Binary binary ? binary.toStringUsingUTF8() : String.valueOf(value);
  }

  @Override
  public String getString(int field, int index) {
    return ((Binary) value(field, index)).toStringUsingUTF8();
  }

  @Override
  public int getInteger(int field, int index) {
    return (Integer) value(field, index);
  }

  @Override
  public long getLong(int field, int index) {
    return (Long) value(field, index);
  }

  @Override
  public double getDouble(int field, int index) {
    return (Double) value(field, index);
  }

  @Override
  public float getFloat(int field, int index) {
    return (Float) value(field, index);
  }

  @Override
  public boolean getBoolean(int field, int index) {
    return (Boolean) value(field, index);
  }

  @Override
  public Binary getBinary(int field, int index) {
    return (Binary) value(field, index);
  }

  @Override
  public Binary getInt96(int field, int index) {
    throw new UnsupportedOperationException("result rows have no INT96 columns");
  }

  @Override
  public void writeValue(int field, int index, RecordConsumer consumer) {
    Object value = value(field, index);
    if (value instanceof Binary binary) {
      consumer.addBinary(binary);
    } else if (value instanceof Long number) {
      consumer.addLong(number);
    } else if (value instanceof Double number) {
      consumer.addDouble(number);
    } else if (value instanceof Boolean truth) {
      consumer.addBoolean(truth);
    } else if (value instanceof Integer number) {
      consumer.addInteger(number);
    } else if (value instanceof Float number) {
      consumer.addFloat(number);
    } else {
      throw new IllegalStateException(
          "field " + schema.getFieldName(field) + " holds a group, not a primitive");
    }
  }

  /** The fields with values, one per line, nested groups indented, as {@code SimpleGroup} does. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    appendTo(text, "");
    return text.toString();
  }

  private void appendTo(StringBuilder text, String indent) {
    for (int field = 0; field < fields.length; field++) {
      String name = schema.getFieldName(field);
      for (int index = 0; index < getFieldRepetitionCount(field); index++) {
        Object value = value(field, index);
        text.append(indent).append(name);
        if (value instanceof CompactGroup group) {
          text.append('\n');
          group.appendTo(text, indent + "  ");
        } else {
          text.append(": ").append(getValueToString(field, index)).append('\n');
        }
      }
    }
  }
}
