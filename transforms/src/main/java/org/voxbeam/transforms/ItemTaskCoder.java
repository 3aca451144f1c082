package org.voxbeam.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** A compact, deterministic encoding of {@link ItemTask}: the index, then the task. */
final class ItemTaskCoder extends AtomicCoder<ItemTask> {
  private static final long serialVersionUID = 1L;
  private static final ItemTaskCoder INSTANCE = new ItemTaskCoder();

  static ItemTaskCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ItemTask task, OutputStream out) throws IOException {
    VarIntCoder.of().encode(task.item(), out);
    StageTaskCoder.of().encode(task.fanOut(), out);
  }

  @Override
  public ItemTask decode(InputStream in) throws IOException {
    int item = VarIntCoder.of().decode(in);
    return new ItemTask(StageTaskCoder.of().decode(in), item);
  }

  @Override
  public void verifyDeterministic() {}
}
