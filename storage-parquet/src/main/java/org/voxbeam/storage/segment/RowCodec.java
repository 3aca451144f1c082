package org.voxbeam.storage.segment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.ChildIds;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInput.FileStat;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStatus;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.DatasetValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.blob.BlobRef;
import org.voxbeam.storage.blob.BlobStore;

/**
 * Turns results into rows and back. Scalars live in typed columns; bytes, arrays and images in
 * blobs, referenced by SHA-256; a sequence of scalars keeps its items in its own row, as a plain
 * list if they are all integers or all numbers ({@code item_integers}, {@code item_numbers}, format
 * version 6), each with its type otherwise ({@code items}, version 5); any other sequence stores
 * its items as rows of their own under {@link NodeHashing#sequenceItemId child ids} (as
 * VoxLogicA-2's {@code voxpod/1} does), listed in order in {@code children}, unless they are
 * committed already ({@link StoredResult#itemsCommitted}); a mapping stores scalar entries inline
 * and other entries as child rows. The run and the recorded inputs go in {@code run_id} and {@code
 * inputs}; rows of format version 1 have neither and read as inputs {@link RecordedInputs#UNKNOWN
 * unknown}.
 */
public final class RowCodec {
  /** The child family of mapping entries that are not scalars. */
  public static final String MAPPING_ENTRY_FAMILY = "mapping-entry-ref";

  /**
   * The two values of the status column, encoded once: every row written and indexed would
   * otherwise encode or decode one. Backed by byte arrays, which reading leaves untouched: a
   * string-backed {@link Binary} moves its buffer's position on every read, so one shared by the
   * threads that commit at once corrupted their segments' statistics.
   */
  private static final Binary FAILED =
      Binary.fromConstantByteArray("failed".getBytes(StandardCharsets.UTF_8));

  private static final Binary SUCCEEDED =
      Binary.fromConstantByteArray("succeeded".getBytes(StandardCharsets.UTF_8));

  private final BlobStore blobs;

  public RowCodec(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** The rows of {@code result}: its own first, then its descendants'. Blobs are written now. */
  public List<Group> encode(StoredResult result) {
    List<Group> rows = new ArrayList<>();
    encode(result, rows, new ArrayList<>());
    return rows;
  }

  /**
   * Appends the rows of {@code result} to {@code rows} and their ids, in the same order, to {@code
   * ids}, so that indexing them needs no second look at the rows.
   */
  public void encode(StoredResult result, List<Group> rows, List<NodeId> ids) {
    encode(result.id(), result.value(), result.metadata(), result.itemsCommitted(), rows, ids);
  }

  private void encode(
      NodeId id,
      Value value,
      ResultMetadata metadata,
      boolean itemsCommitted,
      List<Group> rows,
      List<NodeId> ids) {
    Group row = new CompactGroup(SegmentSchema.RESULT);
    rows.add(row);
    ids.add(id);
    row.append(SegmentSchema.NODE_ID, id.hex());
    row.append(SegmentSchema.STATUS, value instanceof ErrorValue ? FAILED : SUCCEEDED);
    row.append(SegmentSchema.VALUE_TYPE, value.voxType());
    if (!writeScalar(row, value)) {
      writeCompound(id, row, value, metadata, itemsCommitted, rows, ids);
    }
    row.append("operator", metadata.operator());
    row.append("compute_nanos", metadata.computeTime().toNanos());
    row.append(SegmentSchema.CREATED_AT, metadata.createdAt().toEpochMilli());
    row.append("engine_version", metadata.engineVersion());
    metadata.runId().ifPresent(run -> row.append(SegmentSchema.RUN_ID, run));
    writeInputs(row, metadata.inputs());
    row.append(SegmentSchema.ROW_CHECKSUM, RowChecksum.of(row));
  }

  /**
   * The metadata of a child row: its parent's, without the inputs, which the parent's row records
   * for the whole value (a sequence of ten thousand names would otherwise repeat a listing's
   * fingerprint ten thousand times, and every page of the column would grow with it).
   */
  private static ResultMetadata partOf(ResultMetadata parent) {
    return parent.withInputs(RecordedInputs.UNKNOWN);
  }

  private static void writeInputs(Group row, RecordedInputs inputs) {
    if (!inputs.known()) {
      return;
    }
    Group list = row.addGroup(SegmentSchema.INPUTS);
    for (RecordedInput input : inputs.entries()) {
      Group element = list.addGroup("list").addGroup("element");
      element.append("kind", input.kind().wireName());
      element.append("path", input.path());
      input.sha256().ifPresent(sha -> element.append("sha256", sha));
      input
          .stat()
          .ifPresent(
              stat -> {
                element.append("size", stat.size());
                element.append("modified_nanos", stat.modifiedNanos());
                element.append("file_key", stat.fileKey());
              });
    }
  }

  /** Writes a scalar into the typed columns of {@code group}; false if the value is not one. */
  private static boolean writeScalar(Group group, Value value) {
    if (value instanceof NullValue) {
      return true;
    } else if (value instanceof BooleanValue b) {
      group.append("bool_value", b.value());
    } else if (value instanceof IntegerValue i) {
      group.append("int_value", i.value());
    } else if (value instanceof NumberValue n) {
      group.append("number_value", n.value());
    } else if (value instanceof StringValue s) {
      group.append("string_value", s.value());
    } else {
      return false;
    }
    return true;
  }

  private void writeCompound(
      NodeId id,
      Group row,
      Value value,
      ResultMetadata metadata,
      boolean itemsCommitted,
      List<Group> rows,
      List<NodeId> ids) {
    if (value instanceof SequenceValue sequence && !itemsCommitted && allScalars(sequence)) {
      writeItems(row, sequence);
    } else if (value instanceof SequenceValue sequence) {
      Group children = row.addGroup("children");
      ChildIds items = ChildIds.ofSequence(id);
      for (int i = 0; i < sequence.size(); i++) {
        NodeId child = items.at(i);
        children.addGroup("list").append("element", child.hex());
        if (!itemsCommitted) {
          encode(child, sequence.items().get(i), partOf(metadata), false, rows, ids);
        }
      }
    } else if (value instanceof MappingValue mapping) {
      writeEntries(id, row, mapping, metadata, rows, ids);
    } else if (value instanceof BytesValue bytes) {
      writeBlob(row, blobs.put(bytes.data()));
    } else if (value instanceof NdArrayValue array) {
      writeBlob(row, blobs.put(array.data()));
      row.append("dtype", array.dtype().numpyName());
      appendLongs(row, "shape", array.shape());
    } else if (value instanceof ImageValue image) {
      writeBlob(row, blobs.put(image.voxels()));
      row.append("dtype", image.dtype().numpyName());
      ImageGeometry geometry = image.geometry();
      appendLongs(row, "shape", geometry.size());
      appendDoubles(row, "spacing", geometry.spacing());
      appendDoubles(row, "origin", geometry.origin());
      appendDoubles(row, "direction", geometry.direction());
    } else if (value instanceof DatasetValue dataset) {
      row.append("dataset_size", dataset.size());
      row.append("dataset_owner", dataset.owner().hex());
      writeEntries(id, row, dataset.metadata(), metadata, rows, ids);
    } else if (value instanceof ErrorValue error) {
      row.append("error_message", error.message());
      row.append("error_node", error.node().hex());
      row.append("error_operator", error.operator());
      Group causes = row.addGroup("error_causes");
      for (Optional<ErrorValue> cause = error.cause();
          cause.isPresent();
          cause = cause.get().cause()) {
        Group element = causes.addGroup("list").addGroup("element");
        element.append("message", cause.get().message());
        element.append("node", cause.get().node().hex());
        element.append("operator", cause.get().operator());
      }
    } else {
      throw new StoreException("values of type " + value.voxType() + " cannot be stored");
    }
  }

  /**
   * Writes the items of a sequence of scalars into its row: as a plain list when they are all
   * integers or all numbers, each with its type otherwise.
   */
  private static void writeItems(Group row, SequenceValue sequence) {
    List<Value> values = sequence.items();
    if (values.stream().allMatch(IntegerValue.class::isInstance)) {
      Group list = row.addGroup(SegmentSchema.ITEM_INTEGERS);
      for (Value item : values) {
        list.addGroup("list").append("element", ((IntegerValue) item).value());
      }
    } else if (values.stream().allMatch(NumberValue.class::isInstance)) {
      Group list = row.addGroup(SegmentSchema.ITEM_NUMBERS);
      for (Value item : values) {
        list.addGroup("list").append("element", ((NumberValue) item).value());
      }
    } else {
      Group items = row.addGroup(SegmentSchema.ITEMS);
      for (Value item : values) {
        Group element = items.addGroup("list").addGroup("element");
        element.append(SegmentSchema.VALUE_TYPE, item.voxType());
        writeScalar(element, item);
      }
    }
  }

  /**
   * Whether {@code sequence} is kept in one row: a non-empty sequence of scalars. A {@code range}
   * of 100,000 integers is then one row instead of 100,001, and reading it back one row read
   * instead of one per item. An empty sequence keeps its empty {@code children}, as before.
   */
  private static boolean allScalars(SequenceValue sequence) {
    if (sequence.size() == 0) {
      return false;
    }
    for (Value item : sequence.items()) {
      if (!item.isScalar()) {
        return false;
      }
    }
    return true;
  }

  private void writeEntries(
      NodeId id,
      Group row,
      MappingValue mapping,
      ResultMetadata metadata,
      List<Group> rows,
      List<NodeId> ids) {
    Group entries = row.addGroup("entries");
    for (Map.Entry<String, Value> entry : mapping.entries().entrySet()) {
      Group element = entries.addGroup("list").addGroup("element");
      element.append("key", entry.getKey());
      element.append("value_type", entry.getValue().voxType());
      if (!writeScalar(element, entry.getValue())) {
        NodeId child = NodeHashing.childId(id, MAPPING_ENTRY_FAMILY, JsonValue.of(entry.getKey()));
        element.append("child", child.hex());
        encode(child, entry.getValue(), partOf(metadata), false, rows, ids);
      }
    }
  }

  private static void writeBlob(Group row, BlobRef ref) {
    row.append("blob_sha256", ref.sha256());
    row.append("blob_size", ref.size());
  }

  private static void appendLongs(Group row, String field, List<Long> values) {
    Group list = row.addGroup(field);
    for (long value : values) {
      list.addGroup("list").append("element", value);
    }
  }

  private static void appendDoubles(Group row, String field, List<Double> values) {
    Group list = row.addGroup(field);
    for (double value : values) {
      list.addGroup("list").append("element", value);
    }
  }

  /** The status column of a row. */
  public static ResultStatus status(Group row) {
    return FAILED.equals(row.getBinary(SegmentSchema.STATUS, 0))
        ? ResultStatus.FAILED
        : ResultStatus.SUCCEEDED;
  }

  /**
   * Reads a row back.
   *
   * @param children the rows of child results, by id; empty if a child is missing
   * @throws StoreException if the row is malformed or a child is missing
   */
  public StoredResult decode(Group row, Function<NodeId, Optional<StoredResult>> children) {
    NodeId id = new NodeId(row.getString(SegmentSchema.NODE_ID, 0));
    ResultMetadata metadata =
        new ResultMetadata(
            row.getString("operator", 0),
            java.time.Duration.ofNanos(row.getLong("compute_nanos", 0)),
            java.time.Instant.ofEpochMilli(row.getLong(SegmentSchema.CREATED_AT, 0)),
            row.getString("engine_version", 0),
            present(row, SegmentSchema.RUN_ID)
                ? Optional.of(row.getString(SegmentSchema.RUN_ID, 0))
                : Optional.empty(),
            inputs(row));
    return new StoredResult(
        id, decodeValue(id, row, row.getString(SegmentSchema.VALUE_TYPE, 0), children), metadata);
  }

  /** The recorded inputs of a row; unknown for a row of format version 1. */
  public static RecordedInputs inputs(Group row) {
    if (!present(row, SegmentSchema.INPUTS)) {
      return RecordedInputs.UNKNOWN;
    }
    Group list = row.getGroup(SegmentSchema.INPUTS, 0);
    List<RecordedInput> inputs = new ArrayList<>();
    for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
      Group element = list.getGroup("list", i).getGroup("element", 0);
      String kind = element.getString("kind", 0);
      Optional<FileStat> stat =
          element.getFieldRepetitionCount("size") == 0
              ? Optional.empty()
              : Optional.of(
                  new FileStat(
                      element.getLong("size", 0),
                      element.getLong("modified_nanos", 0),
                      element.getString("file_key", 0)));
      inputs.add(
          new RecordedInput(
              RecordedInput.Kind.ofWireName(kind)
                  .orElseThrow(() -> new StoreException("unknown input kind '" + kind + "'")),
              element.getString("path", 0),
              element.getFieldRepetitionCount("sha256") == 0
                  ? Optional.empty()
                  : Optional.of(element.getString("sha256", 0)),
              stat));
    }
    return RecordedInputs.of(inputs);
  }

  /** Whether {@code row} has a value in {@code field}; false if its schema lacks the field. */
  /** The sequence a plain list of items holds, each entry ({@code list}) read by {@code item}. */
  private static SequenceValue plainList(Group row, String field, Function<Group, Value> item) {
    Group list = row.getGroup(field, 0);
    int size = list.getFieldRepetitionCount("list");
    List<Value> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add(item.apply(list.getGroup("list", i)));
    }
    return new SequenceValue(items);
  }

  private static boolean present(Group row, String field) {
    return row.getType().containsField(field) && row.getFieldRepetitionCount(field) > 0;
  }

  private Value decodeValue(
      NodeId id, Group row, String type, Function<NodeId, Optional<StoredResult>> children) {
    switch (type) {
      case "null" -> {
        return NullValue.INSTANCE;
      }
      case "boolean" -> {
        return BooleanValue.of(row.getBoolean("bool_value", 0));
      }
      case "integer" -> {
        return new IntegerValue(row.getLong("int_value", 0));
      }
      case "number" -> {
        return new NumberValue(row.getDouble("number_value", 0));
      }
      case "string" -> {
        return new StringValue(row.getString("string_value", 0));
      }
      case "sequence" -> {
        if (present(row, SegmentSchema.ITEM_INTEGERS)) {
          return plainList(
              row, SegmentSchema.ITEM_INTEGERS, entry -> new IntegerValue(entry.getLong(0, 0)));
        }
        if (present(row, SegmentSchema.ITEM_NUMBERS)) {
          return plainList(
              row, SegmentSchema.ITEM_NUMBERS, entry -> new NumberValue(entry.getDouble(0, 0)));
        }
        List<Value> items = new ArrayList<>();
        if (present(row, SegmentSchema.ITEMS)) {
          Group list = row.getGroup(SegmentSchema.ITEMS, 0);
          int size = list.getFieldRepetitionCount("list");
          for (int i = 0; i < size; i++) {
            Group element = list.getGroup("list", i).getGroup("element", 0);
            items.add(
                decodeScalar(
                    element, element.getString(SegmentSchema.VALUE_TYPE, 0), "sequence item"));
          }
          return new SequenceValue(items);
        }
        for (String child : strings(row, "children")) {
          items.add(child(new NodeId(child), children));
        }
        return new SequenceValue(items);
      }
      case "mapping" -> {
        return entries(row, children);
      }
      case "bytes" -> {
        return new BytesValue(blobs.open(blobRef(row)));
      }
      case "ndarray" -> {
        return new NdArrayValue(dtype(row), longs(row, "shape"), blobs.open(blobRef(row)));
      }
      case "image2d", "volume3d" -> {
        ImageGeometry geometry =
            new ImageGeometry(
                longs(row, "shape"),
                doubles(row, "spacing"),
                doubles(row, "origin"),
                doubles(row, "direction"));
        return new ImageValue(geometry, dtype(row), blobs.open(blobRef(row)));
      }
      case "dataset" -> {
        return new DatasetValue(
            new NodeId(row.getString("dataset_owner", 0)),
            row.getLong("dataset_size", 0),
            entries(row, children));
      }
      case "error" -> {
        return error(row);
      }
      default -> throw new StoreException("row " + id + " has unknown value type '" + type + "'");
    }
  }

  private static Value child(NodeId id, Function<NodeId, Optional<StoredResult>> children) {
    return children
        .apply(id)
        .orElseThrow(() -> new StoreException("child result " + id + " is missing"))
        .value();
  }

  private MappingValue entries(Group row, Function<NodeId, Optional<StoredResult>> children) {
    Map<String, Value> entries = new LinkedHashMap<>();
    if (row.getFieldRepetitionCount("entries") == 0) {
      return new MappingValue(entries);
    }
    Group list = row.getGroup("entries", 0);
    for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
      Group element = list.getGroup("list", i).getGroup("element", 0);
      String key = element.getString("key", 0);
      if (element.getFieldRepetitionCount("child") > 0) {
        entries.put(key, child(new NodeId(element.getString("child", 0)), children));
      } else {
        entries.put(
            key, decodeScalar(element, element.getString("value_type", 0), "mapping entry"));
      }
    }
    return new MappingValue(entries);
  }

  /** An inline scalar: a mapping entry's or a sequence item's, named by {@code what}. */
  private static Value decodeScalar(Group group, String type, String what) {
    return switch (type) {
      case "null" -> NullValue.INSTANCE;
      case "boolean" -> BooleanValue.of(group.getBoolean("bool_value", 0));
      case "integer" -> new IntegerValue(group.getLong("int_value", 0));
      case "number" -> new NumberValue(group.getDouble("number_value", 0));
      case "string" -> new StringValue(group.getString("string_value", 0));
      default ->
          throw new StoreException(what + " of type " + type + " is not a scalar held in the row");
    };
  }

  private static ErrorValue error(Group row) {
    List<Group> causes = new ArrayList<>();
    if (row.getFieldRepetitionCount("error_causes") > 0) {
      Group list = row.getGroup("error_causes", 0);
      for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
        causes.add(list.getGroup("list", i).getGroup("element", 0));
      }
    }
    Optional<ErrorValue> cause = Optional.empty();
    for (int i = causes.size() - 1; i >= 0; i--) {
      Group c = causes.get(i);
      cause =
          Optional.of(
              new ErrorValue(
                  c.getString("message", 0),
                  new NodeId(c.getString("node", 0)),
                  c.getString("operator", 0),
                  cause));
    }
    return new ErrorValue(
        row.getString("error_message", 0),
        new NodeId(row.getString("error_node", 0)),
        row.getString("error_operator", 0),
        cause);
  }

  /** The ids of the child results a row references: sequence items and non-scalar entries. */
  public static List<String> childIds(Group row) {
    List<String> children = strings(row, "children");
    if (row.getFieldRepetitionCount("entries") > 0) {
      Group list = row.getGroup("entries", 0);
      for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
        Group element = list.getGroup("list", i).getGroup("element", 0);
        if (element.getFieldRepetitionCount("child") > 0) {
          children.add(element.getString("child", 0));
        }
      }
    }
    return children;
  }

  /** Whether a row references a blob; needs only the {@code blob_sha256} column. */
  public static boolean hasBlob(Group row) {
    return row.getFieldRepetitionCount("blob_sha256") > 0;
  }

  /** The blob a row references, if any. */
  public static Optional<BlobRef> blobOf(Group row) {
    if (row.getFieldRepetitionCount("blob_sha256") == 0) {
      return Optional.empty();
    }
    return Optional.of(blobRef(row));
  }

  private static BlobRef blobRef(Group row) {
    return new BlobRef(row.getString("blob_sha256", 0), row.getLong("blob_size", 0));
  }

  private static DType dtype(Group row) {
    String name = row.getString("dtype", 0);
    for (DType dtype : DType.values()) {
      if (dtype.numpyName().equals(name)) {
        return dtype;
      }
    }
    throw new StoreException("unknown dtype '" + name + "'");
  }

  private static List<String> strings(Group row, String field) {
    List<String> out = new ArrayList<>();
    if (row.getFieldRepetitionCount(field) > 0) {
      Group list = row.getGroup(field, 0);
      for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
        out.add(list.getGroup("list", i).getString("element", 0));
      }
    }
    return out;
  }

  private static List<Long> longs(Group row, String field) {
    List<Long> out = new ArrayList<>();
    if (row.getFieldRepetitionCount(field) > 0) {
      Group list = row.getGroup(field, 0);
      for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
        out.add(list.getGroup("list", i).getLong("element", 0));
      }
    }
    return out;
  }

  private static List<Double> doubles(Group row, String field) {
    List<Double> out = new ArrayList<>();
    if (row.getFieldRepetitionCount(field) > 0) {
      Group list = row.getGroup(field, 0);
      for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
        out.add(list.getGroup("list", i).getDouble("element", 0));
      }
    }
    return out;
  }
}
