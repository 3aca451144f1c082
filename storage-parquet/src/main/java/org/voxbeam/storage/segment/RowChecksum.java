package org.voxbeam.storage.segment;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * The checksum of a result row (format version 3): CRC-32C over every column but {@code
 * row_checksum} itself, in schema order, each field as its repetition count followed by its values
 * (booleans as one byte; integers and doubles as their 8 little-endian bytes, every NaN as the
 * canonical one, since a NaN's payload need not survive a round trip through the JVM; strings as
 * their length and UTF-8 bytes; groups field by field). A field added after {@code row_checksum}
 * (version 5's {@code items}) counts only when it has a value, so that rows of versions 3 and 4
 * keep their checksums when read as rows of this version's schema. Any changed value, id, status or
 * metadata of a row, and a value moved to the wrong row, changes it. CRC-32C catches every burst of
 * up to 32 flipped bits and all but 2<sup>-32</sup> of other corruptions; it is not a signature
 * (whoever can write a segment can write its checksums).
 *
 * <p>The segment's checksum ({@link #ofSegment}) is CRC-32C over its rows' checksums in order, with
 * the row count: it catches a row lost or duplicated inside an otherwise decodable file.
 */
public final class RowChecksum {
  private RowChecksum() {}

  /** Whether {@code row} carries a checksum: rows of segments written before version 3 do not. */
  public static boolean present(Group row) {
    return row.getType().containsField(SegmentSchema.ROW_CHECKSUM)
        && row.getFieldRepetitionCount(SegmentSchema.ROW_CHECKSUM) > 0;
  }

  /** The checksum stored in {@code row}. */
  public static long stored(Group row) {
    return row.getLong(SegmentSchema.ROW_CHECKSUM, 0);
  }

  /** Whether {@code row} has no checksum or one that matches its columns. */
  public static boolean intact(Group row) {
    return !present(row) || stored(row) == of(row);
  }

  /**
   * The checksum of {@code row}'s columns, {@code row_checksum} excluded. The bytes are laid out in
   * one buffer and checksummed in one call: a call per field, as before, cost more than a
   * microsecond per row, a sixth of committing it.
   */
  public static long of(Group row) {
    Bytes bytes = new Bytes();
    bytes.putGroup(row, true);
    CRC32C crc = new CRC32C();
    crc.update(bytes.buffer.array(), 0, bytes.buffer.position());
    return crc.getValue();
  }

  /** The checksum of a segment whose rows have {@code rowChecksums}, in order. */
  public static long ofSegment(List<Long> rowChecksums) {
    Bytes bytes = new Bytes();
    bytes.putLong(rowChecksums.size());
    for (long checksum : rowChecksums) {
      bytes.putLong(checksum);
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes.buffer.array(), 0, bytes.buffer.position());
    return crc.getValue();
  }

  /** The bytes a checksum covers, little-endian, in a buffer that grows as they are added. */
  private static final class Bytes {
    private ByteBuffer buffer = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);

    void putGroup(Group group, boolean top) {
      GroupType type = group.getType();
      int checksumField =
          top && type.containsField(SegmentSchema.ROW_CHECKSUM)
              ? type.getFieldIndex(SegmentSchema.ROW_CHECKSUM)
              : type.getFieldCount();
      for (int field = 0; field < type.getFieldCount(); field++) {
        Type fieldType = type.getType(field);
        if (field == checksumField) {
          continue;
        }
        int count = group.getFieldRepetitionCount(field);
        if (field > checksumField && count == 0) {
          continue;
        }
        putLong(count);
        for (int i = 0; i < count; i++) {
          if (!fieldType.isPrimitive()) {
            putGroup(group.getGroup(field, i), false);
            continue;
          }
          switch (fieldType.asPrimitiveType().getPrimitiveTypeName()) {
            case BOOLEAN -> {
              room(1);
              buffer.put((byte) (group.getBoolean(field, i) ? 1 : 0));
            }
            case INT64 -> putLong(group.getLong(field, i));
            case DOUBLE -> putLong(Double.doubleToLongBits(group.getDouble(field, i)));
            case INT32 -> putLong(group.getInteger(field, i));
            default -> {
              ByteBuffer value = group.getBinary(field, i).toByteBuffer();
              putLong(value.remaining());
              room(value.remaining());
              buffer.put(value);
            }
          }
        }
      }
    }

    void putLong(long value) {
      room(Long.BYTES);
      buffer.putLong(value);
    }

    private void room(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer larger =
            ByteBuffer.allocate(Math.max(2 * buffer.capacity(), buffer.position() + bytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.flip();
        larger.put(buffer);
        buffer = larger;
      }
    }
  }
}
