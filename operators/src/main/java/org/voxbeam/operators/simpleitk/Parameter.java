package org.voxbeam.operators.simpleitk;

import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.json.JsonValue;

/**
 * One parameter of a procedure overload, in declaration order.
 *
 * @param defaultValue absent for a required parameter
 * @param perDimension a {@code dim_vec} member: a vector with one entry per image dimension, of
 *     which a procedure uses the first as many as the image has
 * @param scalarAccepted a per-dimension vector the filter also sets from a single value
 * @param enumValues the enumerators of an {@code enum} parameter, whose value is their position
 */
record Parameter(
    String name,
    ParameterType type,
    Optional<JsonValue> defaultValue,
    boolean perDimension,
    boolean scalarAccepted,
    List<String> enumValues) {

  Parameter {
    enumValues = List.copyOf(enumValues);
  }

  boolean required() {
    return defaultValue.isEmpty();
  }

  /** As SimpleITK's documentation writes it: {@code double lowerThreshold}. */
  @Override
  public String toString() {
    return type + " " + name;
  }
}
