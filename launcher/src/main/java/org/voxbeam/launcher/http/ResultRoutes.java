package org.voxbeam.launcher.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.RunRecordJson;
import org.voxbeam.api.StoredGoal;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.api.peer.StoredRowJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.ChildIds;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.CorruptBlobException;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.operators.image.io.ImageFormatException;
import org.voxbeam.pipeline.execution.GoalFiles;
import org.voxbeam.pipeline.execution.ValueFormat;
import org.voxbeam.pipeline.execution.ValueJson;

/**
 * Results by node id (descriptors, sequence pages and binary downloads) and by goal name (the goal
 * of a recorded run, or of the latest run that had it).
 */
final class ResultRoutes {

  /** Results are immutable by node id, so any cache may keep them for as long as it likes. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** The most items a sequence item may have and still be inlined in its page as a table row. */
  static final int ROW_ITEMS = 64;

  /** The media type of an Arrow IPC stream. */
  static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";

  private final VoxBeam voxbeam;
  private final int maxPageSize;

  ResultRoutes(VoxBeam voxbeam, int maxPageSize) {
    this.voxbeam = voxbeam;
    this.maxPageSize = maxPageSize;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.GET, "/results/{id}", this::descriptor),
        new ApiRoute(HandlerType.GET, "/results/{id}/items", this::items),
        new ApiRoute(HandlerType.GET, "/results/{id}/content", this::content),
        new ApiRoute(HandlerType.GET, "/results/{id}/row", this::row),
        new ApiRoute(HandlerType.GET, "/results/{id}/row/blobs/{sha256}", this::rowBlob),
        new ApiRoute(HandlerType.GET, "/goals", this::goal));
  }

  /**
   * The goal {@code name} of run {@code run} (default: the latest run that had it): the goal as
   * recorded, whether the store's result was computed again after that run, and the result's
   * descriptor (null when the store no longer has it).
   */
  private void goal(Context context) {
    String name = context.queryParam("name");
    if (name == null || name.isEmpty()) {
      throw ApiException.badRequest("invalid_parameter", "name (the goal's name) is required");
    }
    StoredGoal goal;
    try {
      goal = voxbeam.goal(name, Optional.ofNullable(context.queryParam("run")));
    } catch (InvalidInputException e) {
      throw ApiException.notFound("goal_not_found", e.getMessage());
    }
    JsonBodies.send(
        context,
        200,
        JsonBodies.object(
            "run_id", goal.run().runId(),
            "goal", RunRecordJson.goal(goal.goal()),
            "superseded", goal.superseded(),
            "result",
                goal.result().<JsonValue>map(ResultDescriptor::of).orElse(JsonNull.INSTANCE)));
  }

  private void descriptor(Context context) {
    StoredResult result = find(context);
    if (notModified(context, result)) {
      return;
    }
    JsonBodies.send(context, 200, ResultDescriptor.of(result));
  }

  /**
   * Marks the response cacheable forever, since a result is immutable by its node id, and answers
   * 304 (returning true) when the client already holds it.
   */
  private static boolean notModified(Context context, StoredResult result) {
    String tag = "\"" + result.id().hex() + "\"";
    context.header("ETag", tag);
    context.header("Cache-Control", IMMUTABLE);
    String held = context.header("If-None-Match");
    if (held == null) {
      return false;
    }
    for (String candidate : held.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.startsWith("W/")) {
        trimmed = trimmed.substring(2);
      }
      if (trimmed.equals("*") || trimmed.equals(tag)) {
        context.status(304);
        return true;
      }
    }
    return false;
  }

  /**
   * The stored row of a result, exact, for another store to copy (see {@link StoredRowJson}): the
   * items of a sequence stored as rows of their own (a {@code map}'s) come with their metadata.
   */
  private void row(Context context) throws IOException {
    StoredResult result = find(context);
    if (notModified(context, result)) {
      return;
    }
    JsonBodies.send(context, 200, StoredRowJson.encode(result, itemMetadata(result)));
  }

  /**
   * The metadata of each item of a sequence whose items this server shows as results of their own,
   * or none: items whose rows record no provenance of their own are part of their parent's row.
   */
  private List<ResultMetadata> itemMetadata(StoredResult result) {
    if (!(result.value() instanceof SequenceValue sequence) || sequence.size() == 0) {
      return List.of();
    }
    List<ResultMetadata> items = new ArrayList<>(sequence.size());
    ChildIds ids = ChildIds.ofSequence(result.id());
    for (int i = 0; i < sequence.size(); i++) {
      Optional<StoredResult> item = voxbeam.result(ids.at(i));
      if (item.isEmpty() || item.get().value().isError()) {
        return List.of();
      }
      items.add(item.get().metadata());
    }
    return items;
  }

  /** A blob that the row of a result names, by its SHA-256. */
  private void rowBlob(Context context) throws IOException {
    StoredResult result = find(context);
    String name = context.pathParam("sha256");
    Blob blob =
        blobNamed(result.value(), name)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "result_not_found",
                        "result " + result.id().hex() + " holds no blob " + name));
    if (notModified(context, result)) {
      return;
    }
    verified(result, blob);
    context.header("Content-Length", Long.toString(blob.size()));
    context.contentType("application/octet-stream");
    if (context.method() == HandlerType.HEAD) {
      return;
    }
    try (InputStream in = blob.open()) {
      copy(in, context.outputStream(), blob.size());
    }
  }

  private static Optional<Blob> blobNamed(Value value, String name) throws IOException {
    Blob here = binary(value);
    if (here != null) {
      return StoredRowJson.blobName(here).equals(name) ? Optional.of(here) : Optional.empty();
    }
    List<Value> parts =
        value instanceof SequenceValue sequence
            ? sequence.items()
            : value instanceof MappingValue mapping
                ? List.copyOf(mapping.entries().values())
                : List.of();
    for (Value part : parts) {
      Optional<Blob> found = blobNamed(part, name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Reads {@code blob} through once, so a blob changed on disk is refused with an error before the
   * status is sent rather than broken off mid-response.
   */
  private static void verified(StoredResult result, Blob blob) throws IOException {
    try (InputStream in = blob.open()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (CorruptBlobException e) {
      throw corrupt(result, e);
    }
  }

  /**
   * Whether the client asked for an Arrow IPC stream, by {@code format=arrow} or by an {@code
   * Accept} header naming its media type.
   */
  private static boolean wantsArrow(Context context) {
    String format = context.queryParam("format");
    if (format != null) {
      return format.equals("arrow");
    }
    String accept = context.header("Accept");
    return accept != null && accept.contains(ARROW_STREAM);
  }

  /**
   * The whole result as the Arrow IPC stream {@code voxbeam get --format arrow} writes, through a
   * temporary file so that a value Arrow cannot hold is refused with an error, not a broken 200.
   */
  private static void arrow(Context context, StoredResult result) throws IOException {
    Path file = Files.createTempFile("voxbeam-download-", ".arrows");
    try {
      try {
        GoalFiles.save(file, result.value(), ValueFormat.ARROW);
      } catch (IOException e) {
        throw ApiException.badRequest("not_tabular", e.getMessage());
      }
      context.header("Content-Length", Long.toString(Files.size(file)));
      context.header(
          "Content-Disposition", "attachment; filename=\"" + result.id().hex() + ".arrows\"");
      context.contentType(ARROW_STREAM);
      if (context.method() == HandlerType.HEAD) {
        return;
      }
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(context.outputStream());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void items(Context context) throws IOException {
    StoredResult result = find(context);
    context.header("Vary", "Accept");
    if (wantsArrow(context)) {
      if (!(result.value() instanceof SequenceValue)) {
        throw ApiException.badRequest(
            "not_a_sequence",
            "result "
                + result.id().hex()
                + " is a "
                + result.value().voxType()
                + ", not a sequence");
      }
      arrow(context, result);
      return;
    }
    if (!(result.value() instanceof SequenceValue sequence)) {
      throw ApiException.badRequest(
          "not_a_sequence",
          "result " + result.id().hex() + " is a " + result.value().voxType() + ", not a sequence");
    }
    int offset = intParameter(context, "offset", 0, Integer.MAX_VALUE, 0);
    int limit = intParameter(context, "limit", 1, maxPageSize, Math.min(100, maxPageSize));
    List<JsonValue> page = new ArrayList<>();
    for (int i = offset; i < Math.min(sequence.size(), offset + (long) limit); i++) {
      page.add(item(i, sequence.items().get(i)));
    }
    JsonBodies.send(
        context,
        200,
        JsonBodies.object(
            "node_id",
            result.id().hex(),
            "length",
            sequence.size(),
            "offset",
            offset,
            "limit",
            limit,
            "items",
            new JsonArray(page)));
  }

  private static JsonObject item(int index, Value value) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("index", JsonValue.of(index));
    fields.putAll(ResultDescriptor.describe(value).members());
    if (inlined(value)) {
      fields.put("value", ValueJson.toJson(value));
    }
    return new JsonObject(fields);
  }

  /**
   * Whether an item's value goes into its page: a scalar, a record of them, or a short sequence of
   * them (a table row, such as {@code [volume, label, dice]}). Binary data is downloaded and a long
   * or nested sequence paged instead, so a page stays small whatever the items are.
   */
  private static boolean inlined(Value value) {
    if (value instanceof SequenceValue row) {
      return row.size() <= ROW_ITEMS && row.items().stream().allMatch(ResultRoutes::scalar);
    }
    return !(value instanceof ErrorValue || binary(value) != null);
  }

  private static boolean scalar(Value value) {
    return !(value instanceof SequenceValue
        || value instanceof MappingValue
        || value instanceof ErrorValue
        || binary(value) != null);
  }

  private void content(Context context) throws IOException {
    StoredResult result = find(context);
    if (notModified(context, result)) {
      return;
    }
    String format = context.queryParamAsClass("format", String.class).getOrDefault("raw");
    switch (format) {
      case "raw" -> raw(context, result);
      case "arrow" -> arrow(context, result);
      case "nifti" -> imageFile(context, result, ".nii.gz", "application/gzip");
      case "png" -> imageFile(context, result, ".png", "image/png");
      default ->
          throw ApiException.badRequest(
              "invalid_parameter", "format must be raw, nifti, png or arrow, got '" + format + "'");
    }
  }

  private static void raw(Context context, StoredResult result) throws IOException {
    Blob blob = binary(result.value());
    if (blob == null) {
      throw ApiException.badRequest(
          "not_binary",
          "result "
              + result.id().hex()
              + " is a "
              + result.value().voxType()
              + "; only bytes, arrays and images download");
    }
    // The content is hashed once before the status is sent, so a blob changed on disk is refused
    // with an error rather than a 200, and hashed again as it streams, so one changed meanwhile
    // breaks the response off before its last bytes.
    try (InputStream in = blob.open()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (CorruptBlobException e) {
      throw corrupt(result, e);
    }
    long size = blob.size();
    context.header("Accept-Ranges", "bytes");
    Optional<ByteRange> range;
    try {
      range = ByteRange.parse(context.header("Range"), size);
    } catch (ByteRange.UnsatisfiableException e) {
      context.header("Content-Range", "bytes */" + size);
      JsonBodies.send(
          context,
          416,
          JsonBodies.object(
              "code",
              "range_not_satisfiable",
              "message",
              "result " + result.id().hex() + " has " + size + " bytes: " + e.getMessage()));
      return;
    }
    long first = range.map(ByteRange::first).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    if (range.isPresent()) {
      context.status(206);
      context.header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + size);
    }
    context.header("Content-Length", Long.toString(length));
    context.header("Content-Disposition", "attachment; filename=\"" + result.id().hex() + ".bin\"");
    context.contentType("application/octet-stream");
    if (context.method() == HandlerType.HEAD) {
      return;
    }
    try (InputStream in = blob.open()) {
      in.skipNBytes(first);
      copy(in, context.outputStream(), length);
    }
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("content ended " + left + " bytes early");
      }
      out.write(buffer, 0, read);
      left -= read;
    }
    // Read on to the end, so the stream's hash check sees the whole blob even for a prefix range.
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static ApiException corrupt(StoredResult result, CorruptBlobException e) {
    return ApiException.unavailable(
        "result_corrupt",
        "the stored content of result "
            + result.id().hex()
            + " failed verification and was quarantined;"
            + " a run computes it again: "
            + e.getMessage());
  }

  /** Encodes an image through a temporary file, since the codecs write whole files. */
  private static void imageFile(
      Context context, StoredResult result, String suffix, String contentType) throws IOException {
    Value value = result.value();
    boolean colour = value instanceof MappingValue && suffix.equals(".png");
    if (!(value instanceof ImageValue) && !colour) {
      throw ApiException.badRequest(
          "not_an_image",
          "result " + result.id().hex() + " is a " + value.voxType() + ", not an image");
    }
    Path file = Files.createTempFile("voxbeam-download-", suffix);
    try {
      new ImageFiles().write(file, value);
      context.header("Content-Length", Long.toString(Files.size(file)));
      context.header(
          "Content-Disposition", "attachment; filename=\"" + result.id().hex() + suffix + "\"");
      context.contentType(contentType);
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(context.outputStream());
      }
    } catch (ImageFormatException e) {
      throw ApiException.badRequest("not_an_image", e.getMessage());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Blob binary(Value value) {
    if (value instanceof BytesValue bytes) {
      return bytes.data();
    } else if (value instanceof NdArrayValue array) {
      return array.data();
    } else if (value instanceof ImageValue image) {
      return image.voxels();
    }
    return null;
  }

  private StoredResult find(Context context) {
    NodeId id = nodeId(context.pathParam("id"));
    return voxbeam
        .result(id)
        .orElseThrow(
            () -> ApiException.notFound("result_not_found", "no result for node " + id.hex()));
  }

  static NodeId nodeId(String text) {
    if (!NodeId.isValid(text)) {
      throw ApiException.badRequest("invalid_node_id", "a node id is 64 lowercase hex digits");
    }
    return new NodeId(text);
  }

  static int intParameter(Context context, String name, int min, int max, int fallback) {
    String text = context.queryParam(name);
    if (text == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_parameter", name + " must be an integer, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw ApiException.badRequest(
          "invalid_parameter", name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }
}
