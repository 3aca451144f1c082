package org.voxbeam.operators.simpleitk;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.operator.Arity;

/**
 * One function of SimpleITK's procedural interface: its name, the argument count VoxLogicA-2's
 * registry accepts, and its C++ overloads with the pixel types its filter takes.
 */
final class Procedure {
  private final String name;
  private final Arity arity;
  private final String brief;
  private final Optional<String> filter;
  private final List<Overload> overloads;
  private final Set<PixelId> pixelTypes;
  private final Optional<String> outputPixelType;

  Procedure(
      String name,
      Arity arity,
      String brief,
      Optional<String> filter,
      List<Overload> overloads,
      Set<PixelId> pixelTypes,
      Optional<String> outputPixelType) {
    this.name = name;
    this.arity = arity;
    this.brief = brief;
    this.filter = filter;
    this.overloads = List.copyOf(overloads);
    this.pixelTypes = Set.copyOf(pixelTypes);
    this.outputPixelType = outputPixelType;
  }

  /** The procedure's name, {@code BinaryThreshold}. */
  public String name() {
    return name;
  }

  /**
   * The argument counts a program may reduce with. SWIG wraps C++ procedures as {@code f(*args,
   * **kwargs)}, so VoxLogicA-2 accepts any count for them and leaves the check to the call; the
   * procedures SimpleITK writes in Python have their own signature.
   */
  public Arity arity() {
    return arity;
  }

  /** SimpleITK's one-line description. */
  public String brief() {
    return brief;
  }

  /** The filter class the procedure runs, {@code BinaryThresholdImageFilter}, for messages. */
  Optional<String> filter() {
    return filter;
  }

  List<Overload> overloads() {
    return overloads;
  }

  /** Input pixel types the filter is instantiated for; empty when it takes no image. */
  Set<PixelId> pixelTypes() {
    return pixelTypes;
  }

  /** The C++ output pixel type SimpleITK's description states, when it fixes one. */
  Optional<String> outputPixelType() {
    return outputPixelType;
  }

  @Override
  public String toString() {
    return "simpleitk." + name;
  }
}
