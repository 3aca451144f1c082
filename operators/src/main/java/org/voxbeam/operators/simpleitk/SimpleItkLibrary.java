package org.voxbeam.operators.simpleitk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.UnavailableOperator;
import org.voxbeam.operators.image.io.ImageLimits;

/**
 * The {@code simpleitk} namespace: every function of SimpleITK's procedural interface, as
 * VoxLogicA-2 exposes it to ImgQL. The ones VoxBeam implements run; the others are registered as
 * {@link UnavailableOperator}s, so programs naming them still reduce to VoxLogicA-2's node ids and
 * fail only at those nodes, with a message naming the filter.
 */
public final class SimpleItkLibrary implements OperatorLibrary {
  /** The namespace VoxLogicA-2 registers SimpleITK under. */
  public static final String NAMESPACE = "simpleitk";

  private final SimpleItkProcedures procedures = SimpleItkProcedures.shipped();
  private final List<FilterFamily> families;

  /**
   * @param access which files {@code ReadImage} and {@code WriteImage} may use
   * @param limits how large the images {@code ReadImage} reads may be
   */
  public SimpleItkLibrary(FileAccess access, ImageLimits limits) {
    this.families =
        List.of(
            new ImageFileFunctions(access, limits),
            new PixelTypes(),
            new Measurements(),
            new Arithmetic(),
            new MathFunctions(),
            new Comparisons(),
            new Intensity(),
            new HistogramThresholds(),
            new Smoothing(),
            new Diffusion(),
            new Gradients(),
            new Morphology(),
            new Labels(),
            new DistanceMaps(),
            new Regions(),
            new Compositions(),
            new Resampling(),
            new LabelMeasurements());
  }

  @Override
  public List<Operator> operators() {
    Map<String, SimpleItkFunction> implemented = new HashMap<>();
    for (FilterFamily family : families) {
      family
          .functions()
          .forEach(
              (name, function) -> {
                if (procedures.find(name).isEmpty()) {
                  throw new IllegalStateException("not a SimpleITK procedure: " + name);
                }
                if (implemented.putIfAbsent(name, function) != null) {
                  throw new IllegalStateException("SimpleITK procedure implemented twice: " + name);
                }
              });
    }
    CallBinder binder = new CallBinder(procedures);
    List<Operator> operators = new ArrayList<>();
    for (Procedure procedure : procedures.all()) {
      SimpleItkFunction function = implemented.get(procedure.name());
      operators.add(
          function != null
              ? new SimpleItkOperator(procedure, function, binder)
              : new UnavailableOperator(
                  new OperatorName(NAMESPACE, procedure.name()),
                  procedure.arity(),
                  "a SimpleITK filter VoxBeam does not support yet"));
    }
    return operators;
  }
}
