package org.voxbeam.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void sortsKeysAndDropsWhitespace() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("b", JsonValue.of(1));
    members.put(
        "a", new JsonArray(List.of(JsonValue.of(1.0), JsonValue.ofNull(), JsonValue.of(true))));
    assertEquals("{\"a\":[1.0,null,true],\"b\":1}", CanonicalJson.write(new JsonObject(members)));
  }

  @Test
  void escapesLikePythonEnsureAscii() {
    assertEquals("\"\\u03b1\\ud83e\\udde0\"", CanonicalJson.write(JsonValue.of("α🧠")));
    assertEquals(
        "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\"",
        CanonicalJson.write(JsonValue.of("a\"b\\c\n\t\u0001\u007f")));
  }

  @Test
  void keysSortByCodePointNotUtf16Unit() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("\uffff", JsonValue.of(1));
    members.put("🧠", JsonValue.of(2));
    assertEquals(
        "{\"\\uffff\":1,\"\\ud83e\\udde0\":2}", CanonicalJson.write(new JsonObject(members)));
  }

  @Test
  void keepsIntegersAndFloatsApartAndBigIntegersWhole() {
    assertEquals("2", CanonicalJson.write(JsonValue.of(2)));
    assertEquals("2.0", CanonicalJson.write(JsonValue.of(2.0)));
    assertEquals(
        "123456789012345678901234567890",
        CanonicalJson.write(new JsonInteger(new BigInteger("123456789012345678901234567890"))));
    assertEquals(
        "[NaN,Infinity,-Infinity]",
        CanonicalJson.write(
            new JsonArray(
                List.of(
                    JsonValue.of(Double.NaN),
                    JsonValue.of(Double.POSITIVE_INFINITY),
                    JsonValue.of(Double.NEGATIVE_INFINITY)))));
  }

  @Test
  void indentedFormMatchesPythonIndent2() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("nodes", new JsonArray(List.of(JsonValue.of(1))));
    members.put("empty", JsonArray.EMPTY);
    members.put("obj", JsonObject.EMPTY);
    assertEquals(
        "{\n  \"nodes\": [\n    1\n  ],\n  \"empty\": [],\n  \"obj\": {}\n}",
        CanonicalJson.writeIndented(new JsonObject(members)));
  }

  @Test
  void readerKeepsPythonNumberTypesAndRejectsDuplicates() {
    JsonValue parsed =
        JsonReader.parse(
            "{\"i\": 6, \"f\": 6.0, \"e\": 1e16, \"n\": NaN, \"big\": 9007199254740993}");
    assertEquals(
        "{\"big\":9007199254740993,\"e\":1e+16,\"f\":6.0,\"i\":6,\"n\":NaN}",
        CanonicalJson.write(parsed));
    JsonSyntaxException duplicate =
        assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("{\"a\":1,\"a\":2}"));
    assertEquals(1, duplicate.line());
    assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("{\"a\": [1, 2}"));
    assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("{} {}"));
    assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(""));
  }
}
