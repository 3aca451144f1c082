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
 *
 * <p>The registry gets {@link IndexedProcedure}s, made from the {@link ProcedureIndex}: the whole
 * interface is parsed and the implementations assembled the first time a procedure is described or
 * called, once for all of them.
 */
public final class SimpleItkLibrary implements OperatorLibrary {
  /** The namespace VoxLogicA-2 registers SimpleITK under. */
  public static final String NAMESPACE = "simpleitk";

  private final FileAccess access;
  private final ImageLimits limits;
  private volatile Map<String, Operator> built;

  /**
   * @param access which files {@code ReadImage} and {@code WriteImage} may use
   * @param limits how large the images {@code ReadImage} reads may be
   */
  public SimpleItkLibrary(FileAccess access, ImageLimits limits) {
    this.access = access;
    this.limits = limits;
  }

  @Override
  public List<Operator> operators() {
    List<Operator> operators = new ArrayList<>();
    for (ProcedureIndex.Entry entry : ProcedureIndex.shipped()) {
      operators.add(
          new IndexedProcedure(
              new OperatorName(NAMESPACE, entry.name()),
              entry.arity(),
              () -> built().get(entry.name())));
    }
    return operators;
  }

  /** The operators of the whole interface, by procedure name: built on first use, once. */
  private Map<String, Operator> built() {
    Map<String, Operator> operators = built;
    if (operators == null) {
      synchronized (this) {
        operators = built;
        if (operators == null) {
          operators = build();
          built = operators;
        }
      }
    }
    return operators;
  }

  private Map<String, Operator> build() {
    SimpleItkProcedures procedures = SimpleItkProcedures.shipped();
    Map<String, SimpleItkFunction> implemented = new HashMap<>();
    for (FilterFamily family : families()) {
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
    Map<String, Operator> operators = new HashMap<>();
    for (Procedure procedure : procedures.all()) {
      SimpleItkFunction function = implemented.get(procedure.name());
      operators.put(
          procedure.name(),
          function != null
              ? new SimpleItkOperator(procedure, function, binder)
              : new UnavailableOperator(
                  new OperatorName(NAMESPACE, procedure.name()),
                  procedure.arity(),
                  "a SimpleITK filter VoxBeam does not support yet"));
    }
    requireIndexed(operators);
    return Map.copyOf(operators);
  }

  /** The index and the interface must name the same procedures with the same argument counts. */
  private static void requireIndexed(Map<String, Operator> operators) {
    List<ProcedureIndex.Entry> index = ProcedureIndex.shipped();
    boolean same =
        index.size() == operators.size()
            && index.stream()
                .allMatch(
                    entry ->
                        operators.containsKey(entry.name())
                            && operators.get(entry.name()).arity().equals(entry.arity()));
    if (!same) {
      throw new IllegalStateException(
          "procedure-index.tsv does not match procedures.json; regenerate it with"
              + " tools/simpleitk/generate_procedures.py --index");
    }
  }

  private List<FilterFamily> families() {
    return List.of(
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
}
