package org.voxbeam.pipeline.beam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * A compact, deterministic encoding of {@link StageTask}: two numbers and three lists of strings.
 * A task carries thousands of nodes' JSON; Java serialization would add its stream headers and
 * class descriptors and run reflectively over every string, and a runner encodes each task at
 * least once when the pipeline is built and again whenever it moves it between workers.
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
    encodeStrings(task.compute(), out);
    encodeStrings(task.helpers(), out);
    encodeStrings(task.stored(), out);
  }

  @Override
  public StageTask decode(InputStream in) throws IOException {
    int stage = VarIntCoder.of().decode(in);
    int index = VarIntCoder.of().decode(in);
    return new StageTask(stage, index, decodeStrings(in), decodeStrings(in), decodeStrings(in));
  }

  @Override
  public void verifyDeterministic() {}

  private static void encodeStrings(List<String> strings, OutputStream out) throws IOException {
    VarIntCoder.of().encode(strings.size(), out);
    for (String string : strings) {
      StringUtf8Coder.of().encode(string, out);
    }
  }

  private static List<String> decodeStrings(InputStream in) throws IOException {
    int size = VarIntCoder.of().decode(in);
    if (size < 0) {
      throw new CoderException("negative list size " + size);
    }
    List<String> strings = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      strings.add(StringUtf8Coder.of().decode(in));
    }
    return strings;
  }
}
