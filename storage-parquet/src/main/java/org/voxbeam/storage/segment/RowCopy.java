package org.voxbeam.storage.segment;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.voxbeam.storage.StoreException;

/**
 * Copies a row read with fewer columns than a schema has into a row of that schema, the columns it
 * lacks left null: a row of a segment of an earlier format version (whose schema is a prefix of
 * {@link SegmentSchema#RESULT}), as upgrades and rewrites of old segments (compaction, repair)
 * write it, or a row of a segment of scalars and sequences ({@link SegmentSchema#NARROW}) read in a
 * projection.
 */
public final class RowCopy {
  private RowCopy() {}

  /** {@code row} as a row of the current schema ({@code row} itself if it is one already). */
  public static Group toCurrent(Group row) {
    return into(SegmentSchema.RESULT, row);
  }

  /**
   * {@code row} as a row of {@code schema} ({@code row} itself if it is one already), whose fields
   * include all of {@code row}'s.
   */
  public static Group into(MessageType schema, Group row) {
    if (row.getType().equals(schema)) {
      return row;
    }
    Group copy = new SimpleGroupFactory(schema).newGroup();
    copyFields(row, copy);
    return copy;
  }

  private static void copyFields(Group from, Group to) {
    GroupType type = from.getType();
    for (int field = 0; field < type.getFieldCount(); field++) {
      Type fieldType = type.getType(field);
      String name = fieldType.getName();
      for (int i = 0; i < from.getFieldRepetitionCount(field); i++) {
        if (fieldType.isPrimitive()) {
          copyValue(from, field, i, to, name, fieldType);
        } else {
          copyFields(from.getGroup(field, i), to.addGroup(name));
        }
      }
    }
  }

  private static void copyValue(
      Group from, int field, int index, Group to, String name, Type type) {
    switch (type.asPrimitiveType().getPrimitiveTypeName()) {
      case BOOLEAN -> to.append(name, from.getBoolean(field, index));
      case INT32 -> to.append(name, from.getInteger(field, index));
      case INT64 -> to.append(name, from.getLong(field, index));
      case FLOAT -> to.append(name, from.getFloat(field, index));
      case DOUBLE -> to.append(name, from.getDouble(field, index));
      case BINARY, FIXED_LEN_BYTE_ARRAY ->
          to.append(name, Binary.fromConstantByteArray(from.getBinary(field, index).getBytes()));
      default -> throw new StoreException("cannot copy a column of type " + type);
    }
  }
}
