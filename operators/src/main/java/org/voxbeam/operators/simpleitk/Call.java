package org.voxbeam.operators.simpleitk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NdArrayValue;

/**
 * A procedure call with its arguments bound to one overload's parameters and converted to the
 * parameter types, defaults filled in: what a filter implementation reads. Accessors take the
 * parameter names of SimpleITK's signature, so an implementation reads like its C++ counterpart.
 */
public final class Call {
  private final Procedure procedure;
  private final Overload overload;
  private final Map<String, Object> values;
  private final ExternalReads reads;

  Call(Procedure procedure, Overload overload, Map<String, Object> values, ExternalReads reads) {
    this.procedure = procedure;
    this.overload = overload;
    this.values = Map.copyOf(values);
    this.reads = reads;
  }

  /** Where the call declares the files it reads, so its result is reused only while they hold. */
  ExternalReads reads() {
    return reads;
  }

  Procedure procedure() {
    return procedure;
  }

  /** Whether the chosen overload has the parameter ({@code maskImage} of a masked overload). */
  boolean has(String name) {
    return values.containsKey(name);
  }

  ImageValue image(String name) {
    return (ImageValue) value(name);
  }

  @SuppressWarnings("unchecked")
  List<ImageValue> images(String name) {
    return (List<ImageValue>) value(name);
  }

  double real(String name) {
    return (Double) value(name);
  }

  long integer(String name) {
    return (Long) value(name);
  }

  boolean flag(String name) {
    return (Boolean) value(name);
  }

  String text(String name) {
    return (String) value(name);
  }

  NdArrayValue array(String name) {
    return (NdArrayValue) value(name);
  }

  /** A pixel id parameter; empty for {@code sitkUnknown}. */
  Optional<PixelId> pixelId(String name) {
    long id = integer(name);
    return id == PixelId.UNKNOWN ? Optional.empty() : PixelId.ofValue(id);
  }

  /** Every entry of a numeric vector parameter. */
  double[] reals(String name) {
    return ((double[]) value(name)).clone();
  }

  /** Every entry of an integer vector parameter. */
  long[] integers(String name) {
    return ((long[]) value(name)).clone();
  }

  /** Every entry of a boolean vector parameter. */
  boolean[] flags(String name) {
    return ((boolean[]) value(name)).clone();
  }

  /**
   * The first {@code dimension} entries of a per-dimension vector, as SimpleITK takes them for an
   * image of that dimension; a single value given for a vector SimpleITK also sets from a scalar
   * fills every dimension.
   */
  double[] reals(String name, int dimension) {
    double[] all = (double[]) value(name);
    if (all.length == 1 && acceptsScalar(name)) {
      double[] filled = new double[dimension];
      java.util.Arrays.fill(filled, all[0]);
      return filled;
    }
    requireLength(name, all.length, dimension);
    return java.util.Arrays.copyOf(all, dimension);
  }

  /** The first {@code dimension} entries of a per-dimension integer vector. */
  long[] integers(String name, int dimension) {
    long[] all = (long[]) value(name);
    if (all.length == 1 && acceptsScalar(name)) {
      long[] filled = new long[dimension];
      java.util.Arrays.fill(filled, all[0]);
      return filled;
    }
    requireLength(name, all.length, dimension);
    return java.util.Arrays.copyOf(all, dimension);
  }

  /** Whether SimpleITK also sets the per-dimension vector {@code name} from one value. */
  private boolean acceptsScalar(String name) {
    return overload.parameters().stream()
        .anyMatch(p -> p.name().equals(name) && p.scalarAccepted());
  }

  /** A failure of this call, prefixed with the procedure's name as SimpleITK's messages are. */
  OperatorException failure(String message) {
    return new OperatorException(procedure.name() + ": " + message);
  }

  private void requireLength(String name, int length, int dimension) {
    if (length < dimension) {
      throw failure(
          name + " needs " + dimension + " values for a " + dimension + "D image, got " + length);
    }
  }

  private Object value(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException(
          procedure + " has no parameter " + name + " in " + overload.signature(procedure.name()));
    }
    return value;
  }
}
