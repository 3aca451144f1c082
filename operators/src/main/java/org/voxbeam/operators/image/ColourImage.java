package org.voxbeam.operators.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.Value;

/**
 * A colour image as its channel images. VoxBeam's value model has no vector pixels, so an RGB or
 * RGBA picture travels as a mapping {@code {red, green, blue[, alpha]}} of same-sized 2D images:
 * each channel is stored as an ordinary image blob and stays queryable, and the channel operators
 * ({@code red}, {@code intensity}, {@code rgb}) read and build that mapping.
 */
public record ColourImage(
    ImageValue red, ImageValue green, ImageValue blue, Optional<ImageValue> alpha) {
  static final List<String> CHANNELS = List.of("red", "green", "blue", "alpha");

  public ColourImage {
    for (ImageValue channel :
        alpha.isPresent() ? List.of(green, blue, alpha.get()) : List.of(green, blue)) {
      if (!channel.geometry().equals(red.geometry())) {
        throw new OperatorException("colour channels must share one geometry");
      }
    }
  }

  /** The channels in order red, green, blue, then alpha if present. */
  public List<ImageValue> channels() {
    return alpha.isPresent() ? List.of(red, green, blue, alpha.get()) : List.of(red, green, blue);
  }

  public MappingValue toValue() {
    Map<String, Value> entries = new LinkedHashMap<>();
    List<ImageValue> channels = channels();
    for (int i = 0; i < channels.size(); i++) {
      entries.put(CHANNELS.get(i), channels.get(i));
    }
    return new MappingValue(entries);
  }

  /** The colour image a value holds, if it is a channel mapping. */
  public static Optional<ColourImage> from(Value value) {
    if (!(value instanceof MappingValue mapping)) {
      return Optional.empty();
    }
    Map<String, Value> e = mapping.entries();
    if (!(e.get("red") instanceof ImageValue r)
        || !(e.get("green") instanceof ImageValue g)
        || !(e.get("blue") instanceof ImageValue b)) {
      return Optional.empty();
    }
    Value a = e.get("alpha");
    return Optional.of(
        new ColourImage(
            r,
            g,
            b,
            a instanceof ImageValue alphaImage ? Optional.of(alphaImage) : Optional.empty()));
  }
}
