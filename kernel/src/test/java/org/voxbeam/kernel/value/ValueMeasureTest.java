package org.voxbeam.kernel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueMeasureTest {
  private static final Value NESTED =
      new SequenceValue(
          List.of(
              new BytesValue(InMemoryBlob.copyOf(new byte[5])),
              new NumberValue(1.5),
              new MappingValue(
                  Map.of(
                      "ab",
                      new SequenceValue(
                          List.of(new BytesValue(InMemoryBlob.copyOf(new byte[7]))))))));

  @Test
  void payloadIsTheSumOfTheBlobsAtEveryDepth() {
    assertEquals(12, ValueMeasure.PAYLOAD.of(NESTED));
    assertEquals(12, NESTED.payloadBytes());
    assertEquals(0, new StringValue("text").payloadBytes());
  }

  @Test
  void containersItemsAndEntriesAddTheirOwnCosts() {
    ValueMeasure counting =
        new ValueMeasure() {
          @Override
          public long leaf(Value leaf) {
            return 1;
          }

          @Override
          public long container() {
            return 100;
          }

          @Override
          public long item() {
            return 10;
          }

          @Override
          public long entry(String key) {
            return 1000L * key.length();
          }
        };
    // three containers, three leaves, four item slots, one entry with a two-letter key
    assertEquals(3 * 100 + 3 + 4 * 10 + 2000, counting.of(NESTED));
  }
}
