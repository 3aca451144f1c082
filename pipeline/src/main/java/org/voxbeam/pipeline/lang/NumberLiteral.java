package org.voxbeam.pipeline.lang;

import org.voxbeam.kernel.json.PythonFloats;

/** A numeric literal. ImgQL numbers are floats, so {@code 2} is {@code 2.0}, as in VoxLogicA-2. */
public record NumberLiteral(double value) implements Expression {

  @Override
  public String toSyntax() {
    return PythonFloats.repr(value);
  }
}
