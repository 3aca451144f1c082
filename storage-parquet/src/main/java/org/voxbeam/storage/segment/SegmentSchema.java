package org.voxbeam.storage.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schema of result rows (format version 6), specified in docs/store-format.md. One row
 * per result; a value's kind decides which typed columns are set. Lists use Parquet's standard
 * three-level {@code LIST} layout and mapping entries are nested groups, so DuckDB, Spark or
 * pyarrow can query every field.
 *
 * <p>Version 2 added {@code run_id} and {@code inputs} at the end; a segment of version 1 has
 * neither ({@link #VERSION_1}), and reads as rows whose inputs were not recorded. Version 3 added
 * {@code row_checksum} ({@link RowChecksum}); rows of earlier segments have none. Version 4 writes
 * a segment of scalars and sequences alone in {@link #NARROW}, a projection of {@link #RESULT}:
 * every row reads as a row of {@link #RESULT} whatever the segment's schema, the columns it lacks
 * null. Version 5 added {@code items}, the values of a sequence of scalars kept in its own row. A
 * segment has that column only if one of its rows fills it ({@link #RESULT} and {@link
 * #NARROW_ITEMS}); the others are written in {@link #RESULT_NO_ITEMS} or {@link #NARROW}, as
 * version 4 wrote every segment, saving five empty columns per row. Version 6 added {@code
 * item_integers} and {@code item_numbers}, such a sequence's items as a plain list when they are
 * all integers or all numbers; a segment with one of the three item columns has all three.
 */
public final class SegmentSchema {
  public static final String NODE_ID = "node_id";
  public static final String STATUS = "status";
  public static final String VALUE_TYPE = "value_type";
  public static final String CREATED_AT = "created_at";
  public static final String RUN_ID = "run_id";
  public static final String INPUTS = "inputs";
  public static final String ROW_CHECKSUM = "row_checksum";
  public static final String ITEMS = "items";
  public static final String ITEM_INTEGERS = "item_integers";
  public static final String ITEM_NUMBERS = "item_numbers";

  private static final String VERSION_1_COLUMNS =
      """
        required binary node_id (STRING);
        required binary status (STRING);
        required binary value_type (STRING);
        optional boolean bool_value;
        optional int64 int_value;
        optional double number_value;
        optional binary string_value (STRING);
        optional binary blob_sha256 (STRING);
        optional int64 blob_size;
        optional binary dtype (STRING);
        optional group shape (LIST) { repeated group list { required int64 element; } }
        optional group spacing (LIST) { repeated group list { required double element; } }
        optional group origin (LIST) { repeated group list { required double element; } }
        optional group direction (LIST) { repeated group list { required double element; } }
        optional group children (LIST) { repeated group list { required binary element (STRING); } }
        optional group entries (LIST) {
          repeated group list {
            required group element {
              required binary key (STRING);
              required binary value_type (STRING);
              optional boolean bool_value;
              optional int64 int_value;
              optional double number_value;
              optional binary string_value (STRING);
              optional binary child (STRING);
            }
          }
        }
        optional int64 dataset_size;
        optional binary dataset_owner (STRING);
        optional binary error_message (STRING);
        optional binary error_node (STRING);
        optional binary error_operator (STRING);
        optional group error_causes (LIST) {
          repeated group list {
            required group element {
              required binary message (STRING);
              required binary node (STRING);
              required binary operator (STRING);
            }
          }
        }
        required binary operator (STRING);
        required int64 compute_nanos;
        required int64 created_at (TIMESTAMP(MILLIS,true));
        required binary engine_version (STRING);
      """;

  /** The rows of store format version 1, which upgrades read. */
  public static final MessageType VERSION_1 =
      MessageTypeParser.parseMessageType("message voxbeam_result {" + VERSION_1_COLUMNS + "}");

  /**
   * Version 1's columns, then the run and the inputs (version 2), then the checksum (version 3).
   */
  private static final String VERSION_4_COLUMNS =
      VERSION_1_COLUMNS
          + """
            optional binary run_id (STRING);
            optional group inputs (LIST) {
              repeated group list {
                required group element {
                  required binary kind (STRING);
                  required binary path (STRING);
                  optional binary sha256 (STRING);
                  optional int64 size;
                  optional int64 modified_nanos;
                  optional binary file_key (STRING);
                }
              }
            }
            optional int64 row_checksum;
          """;

  /**
   * Every column but {@code items}: the rows of versions 3 and 4, and of a segment that keeps no
   * sequence in one row.
   */
  public static final MessageType RESULT_NO_ITEMS =
      MessageTypeParser.parseMessageType("message voxbeam_result {" + VERSION_4_COLUMNS + "}");

  /** Version 5's items of a sequence of scalars, each with its type and the column of that type. */
  private static final String ITEMS_COLUMN =
      """
        optional group items (LIST) {
          repeated group list {
            required group element {
              required binary value_type (STRING);
              optional boolean bool_value;
              optional int64 int_value;
              optional double number_value;
              optional binary string_value (STRING);
            }
          }
        }
      """;

  /**
   * The rows of version 5: version 4's columns, then the items of a sequence of scalars, each with
   * its type and the column of that type, as mapping entries keep theirs.
   */
  static final MessageType VERSION_5 =
      MessageTypeParser.parseMessageType(
          "message voxbeam_result {" + VERSION_4_COLUMNS + ITEMS_COLUMN + "}");

  /**
   * The rows this version writes: version 5's columns, then the items of a sequence of integers
   * alone and of a sequence of numbers alone, as plain lists (version 6). Such a sequence, a {@code
   * range}'s or a {@code map}'s of arithmetic, is most of what per-item workloads store; as {@code
   * items} each of its items was a group of five fields, three of them written as nulls: committing
   * 10,000 numbers took 1.4–1.9 µs per item with the JIT warm, 0.85–1.0 µs as a plain list.
   */
  public static final MessageType RESULT =
      MessageTypeParser.parseMessageType(
          "message voxbeam_result {"
              + VERSION_4_COLUMNS
              + ITEMS_COLUMN
              + """
                optional group item_integers (LIST) { repeated group list { required int64 element; } }
                optional group item_numbers (LIST) { repeated group list { required double element; } }
              }
              """);

  /**
   * The fields of {@link #RESULT} that rows of scalars and sequences fill (version 4; the item
   * columns since versions 5 and 6). A segment of such rows only, which is what per-item workloads
   * commit (a {@code range}'s row, a map's items), is written with these columns alone, 20 of the
   * 42 (27 of the 49 with the item columns): writing a row touches half the column writers, and the
   * segment has half the pages. The inputs are kept, since an empty list of them ("read nothing")
   * is not the same as none recorded.
   */
  private static final Set<String> NARROW_FIELDS =
      Set.of(
          NODE_ID,
          STATUS,
          VALUE_TYPE,
          "bool_value",
          "int_value",
          "number_value",
          "string_value",
          "children",
          "operator",
          "compute_nanos",
          CREATED_AT,
          "engine_version",
          RUN_ID,
          INPUTS,
          ROW_CHECKSUM,
          ITEMS,
          ITEM_INTEGERS,
          ITEM_NUMBERS);

  /** The rows of segments that hold only scalars and sequences, none of them in one row. */
  public static final MessageType NARROW = narrow(RESULT_NO_ITEMS);

  /** The rows of segments that hold only scalars and sequences, some of them in one row. */
  public static final MessageType NARROW_ITEMS = narrow(RESULT);

  /** {@link #NARROW_ITEMS} as version 5 wrote it, without the plain lists. */
  static final MessageType NARROW_ITEMS_VERSION_5 = narrow(VERSION_5);

  private static MessageType narrow(MessageType all) {
    return new MessageType(
        all.getName(),
        all.getFields().stream()
            .filter(field -> NARROW_FIELDS.contains(field.getName()))
            .collect(Collectors.toCollection(ArrayList::new)));
  }

  /** Per field of {@link #RESULT}: whether {@link #NARROW_ITEMS} has it. */
  private static final boolean[] NARROW_FIELD_AT = narrowFieldAt();

  /** The fields of {@link #RESULT} that hold a sequence's items in its own row. */
  private static final int[] ITEM_FIELDS = {
    RESULT.getFieldIndex(ITEMS),
    RESULT.getFieldIndex(ITEM_INTEGERS),
    RESULT.getFieldIndex(ITEM_NUMBERS)
  };

  private static boolean[] narrowFieldAt() {
    boolean[] narrow = new boolean[RESULT.getFieldCount()];
    for (int field = 0; field < narrow.length; field++) {
      narrow[field] = NARROW_FIELDS.contains(RESULT.getFieldName(field));
    }
    return narrow;
  }

  /**
   * The schema a segment of {@code rows} (rows of {@link #RESULT}) is written in: {@link #NARROW}
   * if no row has a value outside its fields, {@link #RESULT_NO_ITEMS} if some row has but none
   * keeps a sequence's items in its row ({@code items}, {@code item_integers} or {@code
   * item_numbers}); with such a row, {@link #NARROW_ITEMS} or {@link #RESULT} alike.
   */
  static MessageType narrowestFor(List<Group> rows) {
    boolean wide = false;
    boolean items = false;
    for (Group row : rows) {
      for (int field : ITEM_FIELDS) {
        items |= row.getFieldRepetitionCount(field) > 0;
      }
      for (int field = 0; field < NARROW_FIELD_AT.length && !wide; field++) {
        wide = !NARROW_FIELD_AT[field] && row.getFieldRepetitionCount(field) > 0;
      }
      if (wide && items) {
        break;
      }
    }
    if (wide) {
      return items ? RESULT : RESULT_NO_ITEMS;
    }
    return items ? NARROW_ITEMS : NARROW;
  }

  /**
   * The columns needed to index a segment: id, status, whether the row references a blob, and when
   * it was stored (the newest success of an id counts).
   */
  public static final MessageType INDEX_PROJECTION =
      MessageTypeParser.parseMessageType(
          "message voxbeam_result { required binary node_id (STRING); required binary status (STRING);"
              + " optional binary blob_sha256 (STRING);"
              + " required int64 created_at (TIMESTAMP(MILLIS,true)); }");

  /** The columns {@code stats} needs. */
  public static final MessageType STATS_PROJECTION =
      MessageTypeParser.parseMessageType(
          "message voxbeam_result { required binary node_id (STRING); required binary status (STRING);"
              + " required binary value_type (STRING); optional binary blob_sha256 (STRING);"
              + " optional int64 blob_size; required int64 created_at (TIMESTAMP(MILLIS,true)); }");

  private SegmentSchema() {}
}
