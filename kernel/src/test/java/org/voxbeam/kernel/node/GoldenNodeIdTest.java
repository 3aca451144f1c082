package org.voxbeam.kernel.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.testkit.SharedFixtures;

/** Every node-id vector VoxLogicA-2 produced must come out identical, byte for byte. */
class GoldenNodeIdTest {
  private static final JsonObject VECTORS =
      (JsonObject)
          JsonReader.parse(SharedFixtures.read(SharedFixtures.golden().resolve("node-ids.json")));

  @TestFactory
  Stream<DynamicTest> nodeIdsMatchVoxLogicA2() {
    List<JsonValue> nodes = ((JsonArray) VECTORS.get("nodes").orElseThrow()).items();
    assertFalse(nodes.isEmpty());
    return nodes.stream()
        .map(entry -> (JsonObject) entry)
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getString("canonical_json").orElseThrow(),
                    () -> {
                      VoxNode node = nodeFrom((JsonObject) entry.get("node").orElseThrow());
                      assertEquals(
                          entry.getString("canonical_json").orElseThrow(),
                          CanonicalJson.write(node.payload()));
                      assertEquals(entry.getString("id").orElseThrow(), node.id().hex());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> childIdsMatchVoxLogicA2() {
    List<JsonValue> children = ((JsonArray) VECTORS.get("children").orElseThrow()).items();
    assertFalse(children.isEmpty());
    return children.stream()
        .map(entry -> (JsonObject) entry)
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    CanonicalJson.write(entry),
                    () -> {
                      NodeId parent = new NodeId(entry.getString("parent").orElseThrow());
                      NodeId derived =
                          entry.get("index").isPresent()
                              ? NodeHashing.sequenceItemId(
                                  parent,
                                  ((JsonInteger) entry.get("index").orElseThrow())
                                      .value()
                                      .longValueExact())
                              : NodeHashing.childId(
                                  parent,
                                  entry.getString("family").orElseThrow(),
                                  entry.get("token").orElseThrow());
                      assertEquals(entry.getString("id").orElseThrow(), derived.hex());
                    }));
  }

  static VoxNode nodeFrom(JsonObject json) {
    NodeKind kind =
        NodeKind.valueOf(json.getString("kind").orElseThrow().toUpperCase(java.util.Locale.ROOT));
    List<NodeId> args = new ArrayList<>();
    for (JsonValue arg : ((JsonArray) json.get("args").orElseThrow()).items()) {
      args.add(new NodeId(((JsonString) arg).value()));
    }
    List<Kwarg> kwargs = new ArrayList<>();
    for (JsonValue pair : ((JsonArray) json.get("kwargs").orElseThrow()).items()) {
      List<JsonValue> items = ((JsonArray) pair).items();
      kwargs.add(
          new Kwarg(
              ((JsonString) items.get(0)).value(),
              new NodeId(((JsonString) items.get(1)).value())));
    }
    return VoxNode.of(
        kind,
        json.getString("operator").orElseThrow(),
        args,
        kwargs,
        (JsonObject) json.get("attrs").orElseThrow(),
        json.getString("output_kind").orElseThrow());
  }
}
