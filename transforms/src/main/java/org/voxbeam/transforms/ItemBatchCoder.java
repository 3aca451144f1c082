package org.voxbeam.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * A compact, deterministic encoding of {@link ItemBatch}: its first index and its size, then the
 * task, written once for the whole batch.
 */
final class ItemBatchCoder extends AtomicCoder<ItemBatch> {
  private static final long serialVersionUID = 1L;
  private static final ItemBatchCoder INSTANCE = new ItemBatchCoder();

  static ItemBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ItemBatch batch, OutputStream out) throws IOException {
    VarIntCoder.of().encode(batch.from(), out);
    VarIntCoder.of().encode(batch.size(), out);
    StageTaskCoder.of().encode(batch.fanOut(), out);
  }

  @Override
  public ItemBatch decode(InputStream in) throws IOException {
    int from = VarIntCoder.of().decode(in);
    int size = VarIntCoder.of().decode(in);
    if (from < 0 || size < 1 || from > Integer.MAX_VALUE - size) {
      throw new CoderException("bad batch of " + size + " items from " + from);
    }
    return new ItemBatch(StageTaskCoder.of().decode(in), from, from + size);
  }

  @Override
  public void verifyDeterministic() {}
}
