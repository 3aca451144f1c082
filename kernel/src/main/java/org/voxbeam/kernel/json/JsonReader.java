package org.voxbeam.kernel.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text as Python's {@code json.loads} reads it, into {@link JsonValue}s: numbers without
 * a fraction or exponent are integers of any size, others floats; Python's {@code NaN} and {@code
 * Infinity} tokens are accepted. Duplicate keys are refused rather than silently resolved, since a
 * plan with two values for one key is ambiguous.
 */
public final class JsonReader {
  /** Deeper documents are refused; reading one costs a stack frame per level. */
  private static final int MAX_NESTING = 1_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING)
                  .maxStringLength(Integer.MAX_VALUE)
                  .build())
          .build();

  private JsonReader() {}

  /**
   * Parses one JSON document.
   *
   * @throws JsonSyntaxException with the line and column of the first problem
   */
  public static JsonValue parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonSyntaxException("empty document", 1, 1);
      }
      JsonValue value = read(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new JsonSyntaxException(
            "unexpected content after the document", at.getLineNr(), at.getColumnNr());
      }
      return value;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new JsonSyntaxException(
          e.getOriginalMessage(),
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr());
    } catch (IOException e) {
      throw new JsonSyntaxException("unreadable JSON: " + e.getMessage(), 0, 0);
    }
  }

  private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          String key = parser.currentName();
          members.put(key, read(parser, parser.nextToken()));
        }
        return new JsonObject(members);
      }
      case START_ARRAY -> {
        List<JsonValue> items = new ArrayList<>();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          items.add(read(parser, next));
        }
        return new JsonArray(items);
      }
      case VALUE_STRING -> {
        return new JsonString(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new JsonInteger(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new JsonFloat(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return JsonBoolean.of(true);
      }
      case VALUE_FALSE -> {
        return JsonBoolean.of(false);
      }
      case VALUE_NULL -> {
        return JsonNull.INSTANCE;
      }
      default -> {
        JsonLocation at = parser.currentTokenLocation();
        throw new JsonSyntaxException(
            "unexpected token " + token, at.getLineNr(), at.getColumnNr());
      }
    }
  }
}
