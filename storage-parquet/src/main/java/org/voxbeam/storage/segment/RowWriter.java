package org.voxbeam.storage.segment;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes rows of {@link SegmentSchema#RESULT} into a segment of any projection of it ({@link
 * SegmentColumns}): each of the file's fields is taken from the row's field of the same name.
 * Parquet's example writer takes a group's fields by position in the file's schema, so rows would
 * have to be copied into the projection's schema first; this writes them as they are, and a row's
 * checksum is the same whichever schema its segment has.
 */
final class RowWriter {
  private RowWriter() {}

  /** A builder of a writer of {@code schema} to {@code file}, with {@code footer} in its footer. */
  static Builder builder(OutputFile file, MessageType schema, Map<String, String> footer) {
    return new Builder(file, schema, footer);
  }

  /** {@link ParquetWriter}'s builder, for rows of {@link SegmentSchema#RESULT}. */
  static final class Builder extends ParquetWriter.Builder<Group, Builder> {
    private final MessageType schema;
    private final Map<String, String> footer;

    private Builder(OutputFile file, MessageType schema, Map<String, String> footer) {
      super(file);
      this.schema = schema;
      this.footer = Map.copyOf(footer);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Group> getWriteSupport(ParquetConfiguration conf) {
      return new ByName(schema, footer);
    }

    @Override
    protected WriteSupport<Group> getWriteSupport(Configuration conf) {
      return new ByName(schema, footer);
    }
  }

  /** Writes each field of the file's schema from the row's field of that name. */
  private static final class ByName extends WriteSupport<Group> {
    private final MessageType schema;
    private final Map<String, String> footer;

    /** Per field of the file's schema, the index of the field in {@link SegmentSchema#RESULT}. */
    private final int[] resultField;

    private RecordConsumer consumer;

    ByName(MessageType schema, Map<String, String> footer) {
      this.schema = schema;
      this.footer = footer;
      this.resultField = new int[schema.getFieldCount()];
      for (int f = 0; f < resultField.length; f++) {
        resultField[f] = SegmentSchema.RESULT.getFieldIndex(schema.getFieldName(f));
      }
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, footer);
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Group row) {
      consumer.startMessage();
      for (int f = 0; f < resultField.length; f++) {
        writeField(row, resultField[f], schema.getType(f), f);
      }
      consumer.endMessage();
    }

    /**
     * Writes field {@code field} of {@code group} as field {@code index} of the file's group type;
     * nested groups have the same fields in both schemas.
     */
    private void writeField(Group group, int field, Type type, int index) {
      int count = group.getFieldRepetitionCount(field);
      if (count == 0) {
        return;
      }
      consumer.startField(type.getName(), index);
      for (int i = 0; i < count; i++) {
        if (type.isPrimitive()) {
          group.writeValue(field, i, consumer);
        } else {
          consumer.startGroup();
          writeGroup(group.getGroup(field, i), type.asGroupType());
          consumer.endGroup();
        }
      }
      consumer.endField(type.getName(), index);
    }

    private void writeGroup(Group group, GroupType type) {
      for (int f = 0; f < type.getFieldCount(); f++) {
        writeField(group, f, type.getType(f), f);
      }
    }
  }
}
