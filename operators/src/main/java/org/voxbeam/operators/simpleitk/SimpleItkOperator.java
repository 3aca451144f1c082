package org.voxbeam.operators.simpleitk;

import java.util.Set;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;

/**
 * A SimpleITK procedure VoxBeam implements: binds the arguments to SimpleITK's signature, refuses
 * pixel types the filter is not instantiated for, as SimpleITK does, and runs the implementation.
 */
final class SimpleItkOperator implements Operator {
  /** Procedures whose effect is outside their result, so they run in every run. */
  private static final Set<String> IMPURE = Set.of("WriteImage", "WriteTransform", "Show");

  private final Procedure procedure;
  private final SimpleItkFunction function;
  private final CallBinder binder;
  private final OperatorName name;

  SimpleItkOperator(Procedure procedure, SimpleItkFunction function, CallBinder binder) {
    this.procedure = procedure;
    this.function = function;
    this.binder = binder;
    this.name = new OperatorName(SimpleItkLibrary.NAMESPACE, procedure.name());
  }

  @Override
  public OperatorName name() {
    return name;
  }

  @Override
  public Arity arity() {
    return procedure.arity();
  }

  @Override
  public Purity purity() {
    return IMPURE.contains(procedure.name()) ? Purity.IMPURE : Purity.PURE;
  }

  @Override
  public String description() {
    return procedure.brief();
  }

  @Override
  public Value apply(Arguments arguments) {
    Call call = binder.bind(procedure, arguments);
    requireInstantiatedPixelType(arguments);
    return function.apply(call);
  }

  /**
   * SimpleITK picks a filter instantiation by the pixel type of the first image argument and fails
   * when there is none for it.
   */
  private void requireInstantiatedPixelType(Arguments arguments) {
    if (procedure.pixelTypes().isEmpty()) {
      return;
    }
    for (Value argument : arguments.positional()) {
      if (argument instanceof ImageValue image) {
        PixelId id = PixelId.of(image.dtype());
        if (!procedure.pixelTypes().contains(id)) {
          throw new OperatorException(
              procedure.name()
                  + ": pixel type "
                  + id.description()
                  + " is not supported in "
                  + image.geometry().dimension()
                  + "D by "
                  + procedure.filter().orElse(procedure.name()));
        }
        return;
      }
    }
  }
}
