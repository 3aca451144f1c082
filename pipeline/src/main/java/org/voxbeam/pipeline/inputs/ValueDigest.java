package org.voxbeam.pipeline.inputs;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DatasetValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;

/**
 * The SHA-256 of a value's content, for the {@code item} input of a fan-out item: the item's result
 * is reused only if the item it was computed from is the same value now, whatever became of the
 * rest of the sequence. Every type is tagged and every length written, so {@code 1}, {@code 1.0}
 * and {@code "1"} differ, as do {@code ["ab"]} and {@code ["a", "b"]}; payloads are hashed by
 * streaming their blobs.
 */
public final class ValueDigest {
  /**
   * One digest per thread, reset per value: every item of a fan-out is digested, and looking a
   * SHA-256 implementation up per item was a twelfth of a cold 10,000-item {@code map}'s item loop.
   * Writing a value never digests another on the same thread, so one digest at a time is enough.
   */
  private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::digest);

  private ValueDigest() {}

  /** The digest, or empty for a value that has none (a function). */
  public static Optional<String> of(Value value) {
    MessageDigest digest = DIGESTS.get();
    digest.reset();
    try (DataOutputStream out =
        new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
      if (!write(value, out)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a value's payload to digest it", e);
    }
    return Optional.of(Sha256.hex(digest));
  }

  private static boolean write(Value value, DataOutputStream out) throws IOException {
    if (value instanceof NullValue) {
      out.writeByte('N');
    } else if (value instanceof BooleanValue b) {
      out.writeByte('B');
      out.writeBoolean(b.value());
    } else if (value instanceof IntegerValue i) {
      out.writeByte('I');
      out.writeLong(i.value());
    } else if (value instanceof NumberValue n) {
      out.writeByte('F');
      out.writeLong(Double.doubleToRawLongBits(n.value()));
    } else if (value instanceof StringValue s) {
      out.writeByte('S');
      text(s.value(), out);
    } else if (value instanceof BytesValue b) {
      out.writeByte('Y');
      blob(b.data(), out);
    } else if (value instanceof NdArrayValue a) {
      out.writeByte('A');
      text(a.dtype().numpyName(), out);
      longs(a.shape(), out);
      blob(a.data(), out);
    } else if (value instanceof ImageValue image) {
      out.writeByte('G');
      text(image.dtype().numpyName(), out);
      longs(image.geometry().size(), out);
      doubles(image.geometry().spacing(), out);
      doubles(image.geometry().origin(), out);
      doubles(image.geometry().direction(), out);
      blob(image.voxels(), out);
    } else if (value instanceof SequenceValue s) {
      out.writeByte('L');
      out.writeInt(s.size());
      for (Value item : s.items()) {
        if (!write(item, out)) {
          return false;
        }
      }
    } else if (value instanceof MappingValue m) {
      return entries(m, out);
    } else if (value instanceof DatasetValue d) {
      out.writeByte('D');
      text(d.owner().hex(), out);
      out.writeLong(d.size());
      return entries(d.metadata(), out);
    } else if (value instanceof ErrorValue e) {
      out.writeByte('E');
      text(e.describe(), out);
    } else {
      return false;
    }
    return true;
  }

  private static boolean entries(MappingValue mapping, DataOutputStream out) throws IOException {
    out.writeByte('M');
    out.writeInt(mapping.entries().size());
    for (Map.Entry<String, Value> entry : mapping.entries().entrySet()) {
      text(entry.getKey(), out);
      if (!write(entry.getValue(), out)) {
        return false;
      }
    }
    return true;
  }

  private static void text(String text, DataOutputStream out) throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static void longs(List<Long> values, DataOutputStream out) throws IOException {
    out.writeInt(values.size());
    for (long value : values) {
      out.writeLong(value);
    }
  }

  private static void doubles(List<Double> values, DataOutputStream out) throws IOException {
    out.writeInt(values.size());
    for (double value : values) {
      out.writeLong(Double.doubleToRawLongBits(value));
    }
  }

  private static void blob(Blob blob, DataOutputStream out) throws IOException {
    out.writeLong(blob.size());
    try (InputStream in = blob.open()) {
      in.transferTo(out);
    }
  }
}
