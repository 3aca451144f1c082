package org.voxbeam.storage.segment;

import java.util.List;
import java.util.Optional;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;

/**
 * The schemas whose segments are read a row at a time, with what reading one row needs: its columns
 * in order and the {@link RowAssembly} that puts a row of {@link SegmentSchema#RESULT} together
 * from them. Version 4 wrote the first two, version 5 the next two, this version writes the first
 * two and the last two ({@link SegmentSchema#narrowestFor}). Segments in any other schema (an
 * earlier version's, another tool's) have no page map and are read whole.
 */
enum SegmentColumns {
  /** Every column but {@code items}: {@link SegmentSchema#RESULT_NO_ITEMS}. */
  ALL_NO_ITEMS(SegmentSchema.RESULT_NO_ITEMS, 0),
  /** The columns of scalars and sequences: {@link SegmentSchema#NARROW} (version 4). */
  NARROW(SegmentSchema.NARROW, 1),
  /** Every column of version 5: {@link SegmentSchema#VERSION_5}. */
  ALL_VERSION_5(SegmentSchema.VERSION_5, 2),
  /** The narrow columns and {@code items} (version 5). */
  NARROW_ITEMS_VERSION_5(SegmentSchema.NARROW_ITEMS_VERSION_5, 3),
  /** Every column: {@link SegmentSchema#RESULT} (version 6). */
  ALL(SegmentSchema.RESULT, 4),
  /**
   * The narrow columns, {@code items} and the plain lists of items: {@link
   * SegmentSchema#NARROW_ITEMS} (version 6).
   */
  NARROW_ITEMS(SegmentSchema.NARROW_ITEMS, 5);

  private final MessageType schema;
  private final int tag;
  private final List<ColumnDescriptor> descriptors;
  private final RowAssembly assembly;

  SegmentColumns(MessageType schema, int tag) {
    this.schema = schema;
    this.tag = tag;
    this.descriptors = schema.getColumns();
    this.assembly = new RowAssembly(schema);
  }

  /** The columns a segment written in {@code schema} has, if it is one of these. */
  static Optional<SegmentColumns> of(MessageType schema) {
    for (SegmentColumns columns : values()) {
      if (columns.schema.equals(schema)) {
        return Optional.of(columns);
      }
    }
    return Optional.empty();
  }

  /** The columns a segment's index file names by {@code tag} ({@link #tag()}). */
  static Optional<SegmentColumns> ofTag(int tag) {
    for (SegmentColumns columns : values()) {
      if (columns.tag == tag) {
        return Optional.of(columns);
      }
    }
    return Optional.empty();
  }

  /** How index files name these columns: fixed, unlike the constant's ordinal. */
  int tag() {
    return tag;
  }

  int count() {
    return descriptors.size();
  }

  ColumnDescriptor descriptor(int column) {
    return descriptors.get(column);
  }

  RowAssembly assembly() {
    return assembly;
  }
}
