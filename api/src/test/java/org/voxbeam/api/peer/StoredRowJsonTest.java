package org.voxbeam.api.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/** The wire form of a stored row reads back as the row, and refuses what does not check out. */
class StoredRowJsonTest {
  private static final NodeId ID = NodeHashing.sha256("row");
  private static final byte[] VOXELS = {1, 0, 1, 1, 0, 0, 1, 0};

  private static ResultMetadata metadata(RecordedInputs inputs) {
    return new ResultMetadata(
        "vox1.>",
        Duration.ofNanos(1_234_567),
        Instant.parse("2026-12-02T19:00:00.123456789Z"),
        "voxbeam-0.1",
        Optional.of("run-1"),
        inputs);
  }

  private static Value sample() {
    Map<String, Value> entries = new LinkedHashMap<>();
    entries.put("z", new IntegerValue(Long.MIN_VALUE));
    entries.put("a", new NumberValue(Double.NaN));
    entries.put("inf", new NumberValue(Double.NEGATIVE_INFINITY));
    entries.put("two", new NumberValue(2.0));
    entries.put("none", NullValue.INSTANCE);
    entries.put("yes", BooleanValue.TRUE);
    entries.put("text", new StringValue("ü \"quoted\"\n"));
    ImageValue image =
        new ImageValue(
            new ImageGeometry(
                List.of(2L, 2L, 2L),
                List.of(1.0, 1.0, 2.5),
                List.of(0.0, -1.0, 0.1),
                List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)),
            DType.UINT8,
            InMemoryBlob.copyOf(VOXELS));
    return new SequenceValue(List.of(new MappingValue(entries), image, SequenceValue.EMPTY));
  }

  private static JsonValue wire(StoredResult result, List<ResultMetadata> items) throws Exception {
    // Through text, as it travels.
    return JsonReader.parse(CanonicalJson.write(StoredRowJson.encode(result, items)));
  }

  private static StoredRowJson.BlobSource blobs(Map<String, byte[]> held) {
    return name -> InMemoryBlob.copyOf(held.get(name.sha256()));
  }

  @Test
  void aRowReadsBackExactlyWithItsInputsButNotThePeersFileStats() throws Exception {
    RecordedInput file =
        new RecordedInput(
            RecordedInput.Kind.FILE,
            "data/case.nii.gz",
            Optional.of(Sha256.of("case")),
            Optional.of(new RecordedInput.FileStat(10, 20, "(dev=1,ino=2)")));
    RecordedInput absent =
        new RecordedInput(RecordedInput.Kind.LISTING, "gone", Optional.empty(), Optional.empty());
    StoredResult row =
        new StoredResult(ID, sample(), metadata(RecordedInputs.of(List.of(file, absent))));
    StoredRowJson.Decoded decoded =
        StoredRowJson.decode(wire(row, List.of()), ID, blobs(Map.of(Sha256.of(VOXELS), VOXELS)));
    SequenceValue read = (SequenceValue) decoded.result().value();
    SequenceValue written = (SequenceValue) row.value();
    assertEquals(written.items().get(0), read.items().get(0), "scalars, NaN and order kept");
    ImageValue image = (ImageValue) read.items().get(1);
    assertEquals(((ImageValue) written.items().get(1)).geometry(), image.geometry());
    assertArrayEquals(VOXELS, image.voxels().readAllBytes());
    assertEquals(SequenceValue.EMPTY, read.items().get(2));
    assertEquals(row.metadata().createdAt(), decoded.result().metadata().createdAt());
    assertEquals(row.metadata().computeTime(), decoded.result().metadata().computeTime());
    assertEquals(row.metadata().runId(), decoded.result().metadata().runId());
    List<RecordedInput> inputs = decoded.result().metadata().inputs().entries();
    assertEquals(2, inputs.size());
    assertTrue(inputs.stream().allMatch(input -> input.stat().isEmpty()), inputs.toString());
    assertTrue(inputs.contains(absent));
    assertTrue(decoded.items().isEmpty());
  }

  @Test
  void itemsStoredAsRowsOfTheirOwnComeBackUnderTheirChildIds() throws Exception {
    Value value = new SequenceValue(List.of(new IntegerValue(1), new IntegerValue(2)));
    ResultMetadata item =
        metadata(RecordedInputs.of(List.of(RecordedInput.item(Sha256.of("one")))));
    StoredRowJson.Decoded decoded =
        StoredRowJson.decode(
            wire(new StoredResult(ID, value, metadata(RecordedInputs.NONE)), List.of(item, item)),
            ID,
            blobs(Map.of()));
    assertTrue(decoded.result().itemsCommitted());
    assertEquals(NodeHashing.sequenceItemId(ID, 1), decoded.items().get(1).id());
    assertEquals(item.inputs(), decoded.items().get(0).metadata().inputs());
    assertEquals(3, decoded.batch().size());
  }

  @Test
  void aRowThatDoesNotCheckOutIsRefused() throws Exception {
    StoredResult row = new StoredResult(ID, sample(), metadata(RecordedInputs.NONE));
    String text = CanonicalJson.write(StoredRowJson.encode(row, List.of()));
    Map<String, byte[]> held = new HashMap<>(Map.of(Sha256.of(VOXELS), VOXELS));
    assertThrows(
        PeerAnswerException.class,
        () ->
            StoredRowJson.decode(JsonReader.parse(text), NodeHashing.sha256("other"), blobs(held)),
        "another node's row");
    for (String broken :
        List.of(
            text.replace("\"uint8\"", "\"uint16\""), // the blob no longer fits the shape
            text.replace("voxbeam-row/1", "voxbeam-row/2"),
            text.replace("\"succeeded\"", "\"failed\""),
            text.replace("\"type\":\"integer\"", "\"type\":\"complex\""),
            text.replace("\"created_at\":\"", "\"created_at\":\"x"))) {
      assertThrows(
          PeerAnswerException.class,
          () -> StoredRowJson.decode(JsonReader.parse(broken), ID, blobs(held)),
          broken);
    }
  }
}
