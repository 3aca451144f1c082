package org.voxbeam.api.peer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.ChildIds;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.DatasetValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
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
import org.voxbeam.storage.blob.FileBlob;

/**
 * A stored row as JSON, for copying it to another store (the {@code GET /results/{id}/row} route):
 * the value with every type kept apart (integers from numbers, NaN included), each blob named by
 * its SHA-256 and size instead of inlined, and the metadata the engine's reuse decisions read (the
 * recorded inputs above all). The descriptor and the item pages are for people and summarise; this
 * form is exact, so the copy is the row the peer holds. The form is documented in docs/api.md.
 */
public final class StoredRowJson {
  /** The value of the {@code format} member; a reader refuses any other. */
  public static final String FORMAT = "voxbeam-row/1";

  private StoredRowJson() {}

  /**
   * The row of {@code result}.
   *
   * @param itemMetadata for a sequence whose items are stored as rows of their own with metadata of
   *     their own (the items of a {@code map}), that metadata, item by item; otherwise empty
   * @throws IOException if a blob that is not in a store must be hashed and cannot be read
   */
  public static JsonObject encode(StoredResult result, List<ResultMetadata> itemMetadata)
      throws IOException {
    Map<String, JsonValue> row = new LinkedHashMap<>();
    row.put("format", JsonValue.of(FORMAT));
    row.put("node_id", JsonValue.of(result.id().hex()));
    row.put("status", JsonValue.of(result.value().isError() ? "failed" : "succeeded"));
    row.put("metadata", metadata(result.metadata()));
    row.put("value", value(result.value()));
    if (!itemMetadata.isEmpty()) {
      List<JsonValue> items = new ArrayList<>(itemMetadata.size());
      for (ResultMetadata item : itemMetadata) {
        items.add(metadata(item));
      }
      row.put("item_metadata", new JsonArray(items));
    }
    return new JsonObject(row);
  }

  /** Where blob {@code sha256} of a row is downloaded, relative to the row's own URL. */
  static String blobPath(String sha256) {
    return "/blobs/" + sha256;
  }

  /** The SHA-256 a blob is named by: a store's blob knows it, any other is hashed. */
  public static String blobName(Blob blob) throws IOException {
    if (blob instanceof FileBlob stored) {
      return stored.ref().sha256();
    }
    MessageDigest digest = Sha256.digest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = blob.open()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return Sha256.hex(digest);
  }

  private static JsonObject metadata(ResultMetadata metadata) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("operator", JsonValue.of(metadata.operator()));
    fields.put("compute_nanos", JsonValue.of(metadata.computeTime().toNanos()));
    fields.put("created_at", JsonValue.of(metadata.createdAt().toString()));
    fields.put("engine_version", JsonValue.of(metadata.engineVersion()));
    fields.put("run_id", metadata.runId().<JsonValue>map(JsonValue::of).orElse(JsonNull.INSTANCE));
    if (!metadata.inputs().known()) {
      fields.put("inputs", JsonNull.INSTANCE);
    } else {
      List<JsonValue> inputs = new ArrayList<>();
      for (RecordedInput input : metadata.inputs().entries()) {
        Map<String, JsonValue> entry = new LinkedHashMap<>();
        entry.put("kind", JsonValue.of(input.kind().wireName()));
        entry.put("path", JsonValue.of(input.path()));
        entry.put("sha256", input.sha256().<JsonValue>map(JsonValue::of).orElse(JsonNull.INSTANCE));
        inputs.add(new JsonObject(entry));
      }
      fields.put("inputs", new JsonArray(inputs));
    }
    return new JsonObject(fields);
  }

  private static JsonObject value(Value value) throws IOException {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    if (value instanceof NullValue) {
      fields.put("type", JsonValue.of("null"));
    } else if (value instanceof BooleanValue bool) {
      fields.put("type", JsonValue.of("boolean"));
      fields.put("value", JsonValue.of(bool.value()));
    } else if (value instanceof IntegerValue integer) {
      fields.put("type", JsonValue.of("integer"));
      fields.put("value", JsonValue.of(integer.value()));
    } else if (value instanceof NumberValue number) {
      fields.put("type", JsonValue.of("number"));
      double x = number.value();
      // JSON has no NaN or infinities; they travel as the names Java gives them.
      fields.put("value", Double.isFinite(x) ? JsonValue.of(x) : JsonValue.of(Double.toString(x)));
    } else if (value instanceof StringValue string) {
      fields.put("type", JsonValue.of("string"));
      fields.put("value", JsonValue.of(string.value()));
    } else if (value instanceof BytesValue bytes) {
      fields.put("type", JsonValue.of("bytes"));
      fields.put("blob", blob(bytes.data()));
    } else if (value instanceof SequenceValue sequence) {
      List<JsonValue> items = new ArrayList<>(sequence.size());
      for (Value item : sequence.items()) {
        items.add(value(item));
      }
      fields.put("type", JsonValue.of("sequence"));
      fields.put("items", new JsonArray(items));
    } else if (value instanceof MappingValue mapping) {
      fields.put("type", JsonValue.of("mapping"));
      fields.put("entries", entries(mapping));
    } else if (value instanceof NdArrayValue array) {
      fields.put("type", JsonValue.of("ndarray"));
      fields.put("dtype", JsonValue.of(array.dtype().numpyName()));
      fields.put("shape", longs(array.shape()));
      fields.put("blob", blob(array.data()));
    } else if (value instanceof ImageValue image) {
      ImageGeometry geometry = image.geometry();
      fields.put("type", JsonValue.of("image"));
      fields.put("dtype", JsonValue.of(image.dtype().numpyName()));
      fields.put("size", longs(geometry.size()));
      fields.put("spacing", doubles(geometry.spacing()));
      fields.put("origin", doubles(geometry.origin()));
      fields.put("direction", doubles(geometry.direction()));
      fields.put("blob", blob(image.voxels()));
    } else if (value instanceof DatasetValue dataset) {
      fields.put("type", JsonValue.of("dataset"));
      fields.put("owner", JsonValue.of(dataset.owner().hex()));
      fields.put("size", JsonValue.of(dataset.size()));
      fields.put("metadata", entries(dataset.metadata()));
    } else if (value instanceof ErrorValue error) {
      fields.put("type", JsonValue.of("error"));
      fields.put("message", JsonValue.of(error.message()));
      fields.put("node", JsonValue.of(error.node().hex()));
      fields.put("operator", JsonValue.of(error.operator()));
      fields.put(
          "cause", error.cause().isPresent() ? value(error.cause().get()) : JsonNull.INSTANCE);
    } else if (value instanceof FunctionValue) {
      throw new IllegalArgumentException("function values are never stored");
    }
    return new JsonObject(fields);
  }

  /** Entries as {@code [key, value]} pairs, since a mapping's order is part of it. */
  private static JsonArray entries(MappingValue mapping) throws IOException {
    List<JsonValue> pairs = new ArrayList<>(mapping.entries().size());
    for (Map.Entry<String, Value> entry : mapping.entries().entrySet()) {
      pairs.add(new JsonArray(List.of(JsonValue.of(entry.getKey()), value(entry.getValue()))));
    }
    return new JsonArray(pairs);
  }

  private static JsonObject blob(Blob blob) throws IOException {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("sha256", JsonValue.of(blobName(blob)));
    fields.put("size", JsonValue.of(blob.size()));
    return new JsonObject(fields);
  }

  private static JsonArray longs(List<Long> values) {
    return new JsonArray(values.stream().map(JsonValue::of).toList());
  }

  private static JsonArray doubles(List<Double> values) {
    return new JsonArray(values.stream().map(JsonValue::of).toList());
  }

  /** A blob a row names: its SHA-256 and size. */
  record BlobName(String sha256, long size) {}

  /** Turns the blob names of a row into blobs while it is decoded. */
  interface BlobSource {
    Blob blob(BlobName name) throws PeerAnswerException;
  }

  /**
   * A row read back: the result, and the items stored as rows of their own.
   *
   * @param result the row's result
   * @param items the item rows, in order, when the peer stores them with their own metadata; the
   *     result then refers to them ({@link StoredResult#itemsCommitted()})
   */
  record Decoded(StoredResult result, List<StoredResult> items) {
    /** Every result to commit, items before the row that refers to them. */
    List<StoredResult> batch() {
      List<StoredResult> all = new ArrayList<>(items);
      all.add(result);
      return all;
    }
  }

  /**
   * Reads the row of {@code expected} from {@code json}, checking its shape: the format, the node
   * id, a success, well-formed metadata and inputs, values whose arrays and images have the bytes
   * their dtype and shape say, item rows under the child ids of {@code expected}.
   *
   * @throws PeerAnswerException if anything does not check out
   */
  static Decoded decode(JsonValue json, NodeId expected, BlobSource blobs)
      throws PeerAnswerException {
    JsonObject row = object(json, "row");
    if (!FORMAT.equals(row.getString("format").orElse(""))) {
      throw new PeerAnswerException("not a " + FORMAT + " row");
    }
    if (!expected.hex().equals(row.getString("node_id").orElse(""))) {
      throw new PeerAnswerException("the row is not of node " + expected.hex());
    }
    if (!"succeeded".equals(row.getString("status").orElse(""))) {
      throw new PeerAnswerException("the row is not a success");
    }
    ResultMetadata metadata = metadata(member(row, "metadata"));
    Value value = value(member(row, "value"), blobs, 0);
    if (value instanceof ErrorValue) {
      throw new PeerAnswerException("a success holds an error");
    }
    Optional<JsonValue> itemMetadata = row.get("item_metadata");
    if (itemMetadata.isEmpty()) {
      return new Decoded(new StoredResult(expected, value, metadata), List.of());
    }
    if (!(value instanceof SequenceValue sequence)) {
      throw new PeerAnswerException("item metadata on a " + value.voxType());
    }
    List<JsonValue> given = array(itemMetadata.get(), "item_metadata");
    if (given.size() != sequence.size()) {
      throw new PeerAnswerException(
          given.size() + " item metadata for " + sequence.size() + " items");
    }
    List<StoredResult> items = new ArrayList<>(given.size());
    ChildIds ids = ChildIds.ofSequence(expected);
    for (int i = 0; i < given.size(); i++) {
      Value item = sequence.items().get(i);
      if (item instanceof ErrorValue) {
        throw new PeerAnswerException("item " + i + " of a success is an error");
      }
      items.add(new StoredResult(ids.at(i), item, metadata(given.get(i))));
    }
    return new Decoded(new StoredResult(expected, value, metadata, true), items);
  }

  private static ResultMetadata metadata(JsonValue json) throws PeerAnswerException {
    JsonObject fields = object(json, "metadata");
    Instant created;
    try {
      created = Instant.parse(string(fields, "created_at"));
    } catch (DateTimeParseException e) {
      throw new PeerAnswerException("created_at is not an instant");
    }
    long nanos = integer(member(fields, "compute_nanos"), "compute_nanos");
    if (nanos < 0) {
      throw new PeerAnswerException("negative compute_nanos");
    }
    JsonValue runId = member(fields, "run_id");
    Optional<String> run =
        runId instanceof JsonNull ? Optional.empty() : Optional.of(string(runId, "run_id"));
    return new ResultMetadata(
        string(fields, "operator"),
        Duration.ofNanos(nanos),
        created,
        string(fields, "engine_version"),
        run,
        inputs(member(fields, "inputs")));
  }

  /**
   * The recorded inputs, without the peer's file stats: a stat describes the peer's file system and
   * could match a different local file by accident, so a fetched input is checked by hash.
   */
  private static RecordedInputs inputs(JsonValue json) throws PeerAnswerException {
    if (json instanceof JsonNull) {
      return RecordedInputs.UNKNOWN;
    }
    List<RecordedInput> inputs = new ArrayList<>();
    for (JsonValue entry : array(json, "inputs")) {
      JsonObject fields = object(entry, "input");
      RecordedInput.Kind kind =
          RecordedInput.Kind.ofWireName(string(fields, "kind"))
              .orElseThrow(() -> new PeerAnswerException("unknown input kind"));
      JsonValue sha = member(fields, "sha256");
      Optional<String> hash =
          sha instanceof JsonNull ? Optional.empty() : Optional.of(hex(string(sha, "sha256")));
      inputs.add(new RecordedInput(kind, string(fields, "path"), hash, Optional.empty()));
    }
    return RecordedInputs.of(inputs);
  }

  /** Values nest at most this deep: a hostile row must not exhaust the stack. */
  private static final int MAX_DEPTH = 256;

  private static Value value(JsonValue json, BlobSource blobs, int depth)
      throws PeerAnswerException {
    if (depth > MAX_DEPTH) {
      throw new PeerAnswerException("values nest deeper than " + MAX_DEPTH);
    }
    JsonObject fields = object(json, "value");
    String type = string(fields, "type");
    try {
      return switch (type) {
        case "null" -> NullValue.INSTANCE;
        case "boolean" -> BooleanValue.of(bool(member(fields, "value")));
        case "integer" -> new IntegerValue(integer(member(fields, "value"), "value"));
        case "number" -> new NumberValue(number(member(fields, "value")));
        case "string" -> new StringValue(string(fields, "value"));
        case "bytes" -> new BytesValue(blobs.blob(blobName(member(fields, "blob"))));
        case "sequence" -> {
          List<JsonValue> given = array(member(fields, "items"), "items");
          List<Value> items = new ArrayList<>(given.size());
          for (JsonValue item : given) {
            items.add(value(item, blobs, depth + 1));
          }
          yield new SequenceValue(items);
        }
        case "mapping" -> mapping(member(fields, "entries"), blobs, depth);
        case "ndarray" -> {
          DType dtype = dtype(string(fields, "dtype"));
          List<Long> shape = longs(member(fields, "shape"));
          BlobName name = blobName(member(fields, "blob"));
          expectBytes(name, elements(shape), dtype);
          yield new NdArrayValue(dtype, shape, blobs.blob(name));
        }
        case "image" -> {
          DType dtype = dtype(string(fields, "dtype"));
          ImageGeometry geometry =
              new ImageGeometry(
                  longs(member(fields, "size")),
                  doubles(member(fields, "spacing")),
                  doubles(member(fields, "origin")),
                  doubles(member(fields, "direction")));
          BlobName name = blobName(member(fields, "blob"));
          expectBytes(name, geometry.voxelCount(), dtype);
          yield new ImageValue(geometry, dtype, blobs.blob(name));
        }
        case "dataset" ->
            new DatasetValue(
                nodeId(string(fields, "owner")),
                integer(member(fields, "size"), "size"),
                mapping(member(fields, "metadata"), blobs, depth));
        case "error" -> {
          JsonValue cause = member(fields, "cause");
          Optional<ErrorValue> causedBy = Optional.empty();
          if (!(cause instanceof JsonNull)) {
            if (!(value(cause, blobs, depth + 1) instanceof ErrorValue error)) {
              throw new PeerAnswerException("the cause of an error is not an error");
            }
            causedBy = Optional.of(error);
          }
          yield new ErrorValue(
              string(fields, "message"),
              nodeId(string(fields, "node")),
              string(fields, "operator"),
              causedBy);
        }
        default -> throw new PeerAnswerException("unknown value type '" + type + "'");
      };
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new PeerAnswerException("a malformed " + type + ": " + e.getMessage());
    }
  }

  private static MappingValue mapping(JsonValue json, BlobSource blobs, int depth)
      throws PeerAnswerException {
    Map<String, Value> entries = new LinkedHashMap<>();
    for (JsonValue pair : array(json, "entries")) {
      List<JsonValue> parts = array(pair, "entry");
      if (parts.size() != 2) {
        throw new PeerAnswerException("an entry is not a [key, value] pair");
      }
      String key = string(parts.get(0), "key");
      if (entries.put(key, value(parts.get(1), blobs, depth + 1)) != null) {
        throw new PeerAnswerException("key '" + key + "' appears twice");
      }
    }
    return new MappingValue(entries);
  }

  private static void expectBytes(BlobName name, long elements, DType dtype)
      throws PeerAnswerException {
    if (name.size() != Math.multiplyExact(elements, (long) dtype.byteSize())) {
      throw new PeerAnswerException(
          "a blob of "
              + name.size()
              + " bytes for "
              + elements
              + " elements of "
              + dtype.numpyName());
    }
  }

  private static long elements(List<Long> shape) throws PeerAnswerException {
    long count = 1;
    for (long extent : shape) {
      if (extent < 0) {
        throw new PeerAnswerException("a negative extent");
      }
      count = Math.multiplyExact(count, extent);
    }
    return count;
  }

  private static BlobName blobName(JsonValue json) throws PeerAnswerException {
    JsonObject fields = object(json, "blob");
    long size = integer(member(fields, "size"), "size");
    if (size < 0) {
      throw new PeerAnswerException("a blob of negative size");
    }
    return new BlobName(hex(string(fields, "sha256")), size);
  }

  private static DType dtype(String name) throws PeerAnswerException {
    for (DType dtype : DType.values()) {
      if (dtype.numpyName().equals(name)) {
        return dtype;
      }
    }
    throw new PeerAnswerException("unknown dtype '" + name + "'");
  }

  private static NodeId nodeId(String text) throws PeerAnswerException {
    if (!NodeId.isValid(text)) {
      throw new PeerAnswerException("'" + text + "' is not a node id");
    }
    return new NodeId(text);
  }

  private static String hex(String text) throws PeerAnswerException {
    if (!NodeId.isValid(text)) {
      throw new PeerAnswerException("'" + text + "' is not a SHA-256");
    }
    return text;
  }

  private static List<Long> longs(JsonValue json) throws PeerAnswerException {
    List<Long> values = new ArrayList<>();
    for (JsonValue item : array(json, "dimensions")) {
      values.add(integer(item, "dimension"));
    }
    return values;
  }

  private static List<Double> doubles(JsonValue json) throws PeerAnswerException {
    List<Double> values = new ArrayList<>();
    for (JsonValue item : array(json, "coordinates")) {
      values.add(number(item));
    }
    return values;
  }

  private static double number(JsonValue json) throws PeerAnswerException {
    if (json instanceof JsonFloat x) {
      return x.value();
    }
    if (json instanceof JsonInteger n) {
      return n.value().doubleValue();
    }
    if (json instanceof JsonString name) {
      return switch (name.value()) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> throw new PeerAnswerException("'" + name.value() + "' is not a number");
      };
    }
    throw new PeerAnswerException("a number was expected");
  }

  private static long integer(JsonValue json, String what) throws PeerAnswerException {
    if (!(json instanceof JsonInteger n) || n.value().bitLength() > 63) {
      throw new PeerAnswerException(what + " is not a 64-bit integer");
    }
    return n.value().longValue();
  }

  private static boolean bool(JsonValue json) throws PeerAnswerException {
    if (!(json instanceof JsonBoolean b)) {
      throw new PeerAnswerException("a boolean was expected");
    }
    return b.value();
  }

  private static String string(JsonObject fields, String key) throws PeerAnswerException {
    return string(member(fields, key), key);
  }

  private static String string(JsonValue json, String what) throws PeerAnswerException {
    if (!(json instanceof JsonString text)) {
      throw new PeerAnswerException(what + " is not a string");
    }
    return text.value();
  }

  private static JsonValue member(JsonObject fields, String key) throws PeerAnswerException {
    return fields.get(key).orElseThrow(() -> new PeerAnswerException("no member " + key));
  }

  private static JsonObject object(JsonValue json, String what) throws PeerAnswerException {
    if (!(json instanceof JsonObject fields)) {
      throw new PeerAnswerException(what + " is not an object");
    }
    return fields;
  }

  private static List<JsonValue> array(JsonValue json, String what) throws PeerAnswerException {
    if (!(json instanceof JsonArray items)) {
      throw new PeerAnswerException(what + " is not an array");
    }
    return items.items();
  }
}
