package org.voxbeam.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.voxbeam.pipeline.execution.NodeOutcome;

/**
 * A compact, deterministic encoding of {@link NodeSummary}: there is one summary per node, so Java
 * serialization's per-element class descriptors would dominate the data a stage emits.
 */
final class NodeSummaryCoder extends AtomicCoder<NodeSummary> {
  private static final long serialVersionUID = 1L;
  private static final NodeSummaryCoder INSTANCE = new NodeSummaryCoder();
  private static final NodeOutcome[] OUTCOMES = NodeOutcome.values();

  static NodeSummaryCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(NodeSummary summary, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(summary.id(), out);
    VarIntCoder.of().encode(summary.outcome().ordinal(), out);
    VarLongCoder.of().encode(summary.bytes(), out);
    VarLongCoder.of().encode(summary.nanos(), out);
    VarIntCoder.of().encode(summary.stage(), out);
  }

  @Override
  public NodeSummary decode(InputStream in) throws IOException {
    String id = StringUtf8Coder.of().decode(in);
    int outcome = VarIntCoder.of().decode(in);
    if (outcome < 0 || outcome >= OUTCOMES.length) {
      throw new CoderException("unknown node outcome " + outcome);
    }
    return new NodeSummary(
        id,
        OUTCOMES[outcome],
        VarLongCoder.of().decode(in),
        VarLongCoder.of().decode(in),
        VarIntCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
