package org.voxbeam.kernel.value;

import java.util.List;

/** An ordered sequence of values; items may be of different types. */
public record SequenceValue(List<Value> items) implements Value {
  public static final SequenceValue EMPTY = new SequenceValue(List.of());

  public SequenceValue {
    items = List.copyOf(items);
  }

  public int size() {
    return items.size();
  }

  @Override
  public String voxType() {
    return "sequence";
  }
}
