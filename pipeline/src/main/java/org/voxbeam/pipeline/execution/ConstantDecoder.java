package org.voxbeam.pipeline.execution;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonNull;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/** The value of a constant node: its JSON literal read as the Python value it denotes. */
final class ConstantDecoder {
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private ConstantDecoder() {}

  static Value decode(JsonValue json) {
    if (json instanceof JsonNull) {
      return NullValue.INSTANCE;
    } else if (json instanceof JsonBoolean b) {
      return BooleanValue.of(b.value());
    } else if (json instanceof JsonInteger i) {
      if (i.value().compareTo(MIN_LONG) < 0 || i.value().compareTo(MAX_LONG) > 0) {
        throw new OperatorException("integer constant " + i.value() + " does not fit in 64 bits");
      }
      return new IntegerValue(i.value().longValueExact());
    } else if (json instanceof JsonFloat f) {
      return new NumberValue(f.value());
    } else if (json instanceof JsonString s) {
      return new StringValue(s.value());
    } else if (json instanceof JsonArray a) {
      List<Value> items = new ArrayList<>(a.items().size());
      for (JsonValue item : a.items()) {
        items.add(decode(item));
      }
      return new SequenceValue(items);
    }
    Map<String, Value> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> member : ((JsonObject) json).members().entrySet()) {
      entries.put(member.getKey(), decode(member.getValue()));
    }
    return new MappingValue(entries);
  }
}
