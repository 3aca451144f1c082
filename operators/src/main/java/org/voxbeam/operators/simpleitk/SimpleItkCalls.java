package org.voxbeam.operators.simpleitk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.io.ImageLimits;

/**
 * SimpleITK procedures called from Java, the way VoxLogicA-2's Python kernels call them: the {@code
 * vox1} operators are thin wrappers around {@code sitk.Add}, {@code sitk.Mask}, {@code
 * sitk.OtsuThresholdImageFilter} …, so VoxBeam's {@code vox1} calls the same procedures with the
 * same arguments, and gets their pixel types, casts and refusals. Calls go through the procedures'
 * own operators (binding, pixel-type checks, messages prefixed with the procedure's name).
 * Procedures that touch files are not available here.
 */
public final class SimpleItkCalls {
  private static final FileAccess NO_FILES =
      path -> {
        throw new OperatorException("SimpleITK calls from Java do not touch files: " + path);
      };

  private SimpleItkCalls() {}

  /** {@code sitk.<procedure>(arguments…)}. */
  public static Value call(String procedure, Value... arguments) {
    Operator operator = Procedures.OPERATORS.get(procedure);
    if (operator == null) {
      throw new IllegalArgumentException("not a SimpleITK procedure: " + procedure);
    }
    return operator.apply(Arguments.of(List.of(arguments)));
  }

  /** The namespace's operators, by procedure name, built once. */
  private static final class Procedures {
    static final Map<String, Operator> OPERATORS = build();

    private static Map<String, Operator> build() {
      Map<String, Operator> operators = new HashMap<>();
      for (Operator operator : new SimpleItkLibrary(NO_FILES, ImageLimits.DEFAULTS).operators()) {
        operators.put(operator.name().name(), operator);
      }
      return Map.copyOf(operators);
    }
  }
}
