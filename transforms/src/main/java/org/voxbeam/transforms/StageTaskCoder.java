package org.voxbeam.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * A compact, deterministic encoding of {@link StageTask}: two numbers and the fresh flag, then its
 * nodes and stored ids through one {@link NodeWriter}, so an id shared by several nodes of the task
 * is written and rebuilt once. A task carries thousands of nodes; Java serialization would add
 * class descriptors and run reflectively over every field, canonical JSON would make each worker
 * parse every node again, and a runner encodes each task at least once when the pipeline is built
 * and again whenever it moves it between workers.
 */
final class StageTaskCoder extends AtomicCoder<StageTask> {
  private static final long serialVersionUID = 1L;
  private static final StageTaskCoder INSTANCE = new StageTaskCoder();

  static StageTaskCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StageTask task, OutputStream out) throws IOException {
    VarIntCoder.of().encode(task.stage(), out);
    VarIntCoder.of().encode(task.index(), out);
    out.write(task.fresh() ? 1 : 0);
    NodeWriter nodes = new NodeWriter(out);
    nodes.writeNodes(task.compute());
    nodes.writeNodes(task.helpers());
    nodes.writeIds(task.stored());
  }

  @Override
  public StageTask decode(InputStream in) throws IOException {
    int stage = VarIntCoder.of().decode(in);
    int index = VarIntCoder.of().decode(in);
    int fresh = in.read();
    if (fresh != 0 && fresh != 1) {
      throw new CoderException("truncated task or bad fresh flag " + fresh);
    }
    NodeReader nodes = new NodeReader(in);
    return new StageTask(
        stage, index, nodes.readNodes(), nodes.readNodes(), nodes.readIds(), fresh == 1);
  }

  @Override
  public void verifyDeterministic() {}
}
