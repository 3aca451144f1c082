package org.voxbeam.operators.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ops.Channels;
import org.voxbeam.operators.image.ops.ConnectedComponents;
import org.voxbeam.operators.image.ops.Coordinates;
import org.voxbeam.operators.image.ops.CrossCorrelation;
import org.voxbeam.operators.image.ops.Extract;
import org.voxbeam.operators.image.ops.ImageModel;
import org.voxbeam.operators.image.ops.MaurerDistance;
import org.voxbeam.operators.image.ops.Statistics;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.Comparison;
import org.voxbeam.operators.python.PythonNumbers;
import org.voxbeam.operators.simpleitk.SimpleItkCalls;
import org.voxbeam.operators.simpleitk.Vox1Neighbourhood;
import org.voxbeam.operators.vox1.Vox1ScalarOperators;

/**
 * The image half of VoxLogicA-2's {@code vox1} namespace, plus the infix operators that work on
 * both scalars and images ({@code +}, {@code <=}, …: an image operand selects the voxel-wise
 * kernel, scalars keep the float semantics of {@link Vox1ScalarOperators}, sequences broadcast).
 * The nullary constructors ({@code tt}, {@code constant}, {@code border}, {@code x} …) build images
 * of the program's {@link ImageModel}, which the engine passes to them; they are impure, because
 * their node id does not say which geometry they were built on.
 */
public final class Vox1ImageOperators implements OperatorLibrary {
  private static final String NS = "vox1";

  @Override
  public List<Operator> operators() {
    List<Operator> ops = new ArrayList<>();
    ops.add(arithmetic("+", Double::sum, "Add"));
    ops.add(arithmetic("-", (a, b) -> a - b, "Subtract"));
    ops.add(arithmetic("*", (a, b) -> a * b, "Multiply"));
    ops.add(arithmetic("/", Vox1ScalarOperators::divide, "Divide"));
    ops.add(comparison("==", Comparison.EQ, "Equal", "Equal"));
    ops.add(comparison("!=", Comparison.NE, "NotEqual", "NotEqual"));
    ops.add(comparison("<", Comparison.LT, "Less", "Greater"));
    ops.add(comparison("<=", Comparison.LE, "LessEqual", "GreaterEqual"));
    ops.add(comparison(">", Comparison.GT, "Greater", "Less"));
    ops.add(comparison(">=", Comparison.GE, "GreaterEqual", "LessEqual"));
    ops.add(
        op(
            "not_compat",
            1,
            "Boolean not dispatching over scalars and images",
            a ->
                a.get(0) instanceof ImageValue image
                    ? sitk("Not", image)
                    : BooleanValue.of(!PythonNumbers.truthy(a.get(0)))));
    ops.add(op("not", 1, "Voxel-wise boolean negation", a -> sitk("Not", image(a, 0, "not"))));
    ops.add(logical("and", true, "And"));
    ops.add(logical("or", false, "Or"));
    ops.add(
        nullary(
            "tt",
            0,
            "Boolean true image",
            a -> Coordinates.filledMask(ImageModel.require(a, "tt"), true)));
    ops.add(
        nullary(
            "ff",
            0,
            "Boolean false image",
            a -> Coordinates.filledMask(ImageModel.require(a, "ff"), false)));
    ops.add(
        nullary(
            "bconstant",
            1,
            "Boolean constant image filled with a given value",
            a ->
                Coordinates.filledMask(
                    ImageModel.require(a, "bconstant"), PythonNumbers.truthy(a.get(0)))));
    ops.add(
        nullary(
            "constant",
            1,
            "Numeric constant image filled with a given value",
            a -> Coordinates.constant(ImageModel.require(a, "constant"), number(a, 0))));
    ops.add(
        nullary(
            "border",
            0,
            "True on image border voxels",
            a -> Coordinates.border(ImageModel.require(a, "border"))));
    ops.add(
        nullary(
            "x",
            0,
            "x-coordinate image",
            a -> Coordinates.coordinate(ImageModel.require(a, "x"), 0)));
    ops.add(
        nullary(
            "y",
            0,
            "y-coordinate image",
            a -> Coordinates.coordinate(ImageModel.require(a, "y"), 1)));
    ops.add(
        nullary(
            "z",
            0,
            "z-coordinate image",
            a -> Coordinates.coordinate(ImageModel.require(a, "z"), 2)));
    ops.add(
        op(
            "dt",
            1,
            "Signed Maurer distance transform",
            a -> MaurerDistance.vox1(image(a, 0, "dt"))));
    ops.add(
        op(
            "gradient",
            1,
            "Gradient magnitude of an image",
            a -> Vox1Neighbourhood.gradient(image(a, 0, "gradient"))));
    ops.add(
        op(
            "eq_sv",
            2,
            "Mask of voxels equal to a scalar value",
            a ->
                sitk(
                    "BinaryThreshold",
                    image(a, 1, "eq_sv"),
                    scalar(a, 0),
                    scalar(a, 0),
                    new NumberValue(1),
                    new NumberValue(0))));
    ops.add(
        op(
            "geq_sv",
            2,
            "Mask of voxels greater than or equal to a scalar value",
            a -> sitk("GreaterEqual", image(a, 1, "geq_sv"), scalar(a, 0))));
    ops.add(
        op(
            "leq_sv",
            2,
            "Mask of voxels less than or equal to a scalar value",
            a -> sitk("LessEqual", image(a, 1, "leq_sv"), scalar(a, 0))));
    ops.add(
        op(
            "between",
            3,
            "Mask of voxels within an inclusive scalar range",
            a ->
                sitk(
                    "BinaryThreshold",
                    image(a, 2, "between"),
                    scalar(a, 0),
                    scalar(a, 1),
                    new NumberValue(1),
                    new NumberValue(0))));
    ops.add(
        op(
            "max",
            1,
            "Maximum voxel value",
            a -> new NumberValue(Statistics.max(image(a, 0, "max")))));
    ops.add(
        op(
            "min",
            1,
            "Minimum voxel value",
            a -> new NumberValue(Statistics.min(image(a, 0, "min")))));
    ops.add(op("abs", 1, "Voxel-wise absolute value", a -> sitk("Abs", image(a, 0, "abs"))));
    ops.add(
        op(
            "mask",
            2,
            "Zero out voxels where a boolean mask is false",
            a ->
                sitk(
                    "Mask",
                    image(a, 0, "mask"),
                    asUInt8(image(a, 1, "mask")),
                    new NumberValue(0.0))));
    ops.add(
        op(
            "avg",
            2,
            "Mean voxel value inside a boolean mask; raises if the mask is empty",
            a ->
                new NumberValue(
                    Statistics.average(image(a, 0, "avg"), image(a, 1, "avg"), false))));
    ops.add(
        op(
            "avg0",
            2,
            "Mean value inside a boolean mask, or 0.0 when the mask is empty",
            a ->
                new NumberValue(
                    Statistics.average(image(a, 0, "avg0"), image(a, 1, "avg0"), true))));
    ops.add(
        op(
            "div_sv",
            2,
            "Scalar divided by each voxel",
            a -> sitk("Divide", scalar(a, 0), image(a, 1, "div_sv"))));
    ops.add(
        op(
            "sub_sv",
            2,
            "Scalar minus each voxel",
            a -> sitk("Subtract", scalar(a, 0), image(a, 1, "sub_sv"))));
    ops.add(
        op(
            "div_vs",
            2,
            "Each voxel divided by a scalar",
            a ->
                sitk(
                    "Multiply",
                    image(a, 0, "div_vs"),
                    new NumberValue(Vox1ScalarOperators.divide(1.0, number(a, 1))))));
    ops.add(
        op(
            "sub_vs",
            2,
            "Each voxel minus a scalar",
            a -> sitk("Subtract", image(a, 0, "sub_vs"), scalar(a, 1))));
    ops.add(
        op(
            "add_vs",
            2,
            "Each voxel plus a scalar",
            a -> sitk("Add", image(a, 0, "add_vs"), scalar(a, 1))));
    ops.add(
        op(
            "mul_vs",
            2,
            "Each voxel multiplied by a scalar",
            a -> sitk("Multiply", image(a, 0, "mul_vs"), scalar(a, 1))));
    ops.add(
        op(
            "near",
            1,
            "Spatial dilation by one voxel (26-connectivity box kernel)",
            a -> Vox1Neighbourhood.near(image(a, 0, "near"))));
    ops.add(
        op(
            "interior",
            1,
            "Spatial erosion by one voxel (26-connectivity box kernel)",
            a -> Vox1Neighbourhood.interior(image(a, 0, "interior"))));
    ops.add(
        op(
            "through",
            2,
            "Mask of components of image2 that intersect image1",
            a -> ConnectedComponents.through(image(a, 0, "through"), image(a, 1, "through"))));
    ops.add(
        op(
            "crossCorrelation",
            7,
            "Local cross-correlation map between two images over a neighbourhood",
            a ->
                CrossCorrelation.of(
                    number(a, 0),
                    image(a, 1, "crossCorrelation"),
                    image(a, 2, "crossCorrelation"),
                    image(a, 3, "crossCorrelation"),
                    number(a, 4),
                    number(a, 5),
                    (int) number(a, 6))));
    ops.add(
        op(
            "intensity",
            1,
            "Grayscale intensity: BT.709 luminance for colour, passthrough otherwise",
            a -> Channels.intensity(a.get(0))));
    ops.add(
        op(
            "red",
            1,
            "Red channel of an RGB or RGBA image",
            a -> Channels.channel(a.get(0), 0, "red")));
    ops.add(
        op(
            "green",
            1,
            "Green channel of an RGB or RGBA image",
            a -> Channels.channel(a.get(0), 1, "green")));
    ops.add(
        op(
            "blue",
            1,
            "Blue channel of an RGB or RGBA image",
            a -> Channels.channel(a.get(0), 2, "blue")));
    ops.add(
        op(
            "alpha",
            1,
            "Alpha channel; 255 for images without alpha",
            a -> Channels.channel(a.get(0), 3, "alpha")));
    ops.add(
        op(
            "rgb",
            3,
            "Compose three float images into an RGB image",
            a ->
                Channels.compose(
                    image(a, 0, "rgb"), image(a, 1, "rgb"), image(a, 2, "rgb"), Optional.empty())));
    ops.add(
        op(
            "rgba",
            4,
            "Compose four float images into an RGBA image",
            a ->
                Channels.compose(
                    image(a, 0, "rgba"),
                    image(a, 1, "rgba"),
                    image(a, 2, "rgba"),
                    Optional.of(image(a, 3, "rgba")))));
    ops.add(
        op(
            "volume",
            1,
            "Number of true (nonzero) voxels",
            a -> new NumberValue(Statistics.volume(image(a, 0, "volume")))));
    ops.add(
        op(
            "vol",
            1,
            "Alias for volume",
            a -> new NumberValue(Statistics.volume(image(a, 0, "vol")))));
    ops.add(
        op(
            "extract",
            3,
            "Extract a subregion from an image given size and origin index vectors",
            a ->
                Extract.vox1(
                    image(a, 0, "extract"),
                    indexVector(a.get(1), "size"),
                    indexVector(a.get(2), "index"))));
    ops.add(
        op(
            "maxvol",
            1,
            "Largest connected component mask (ties keep union)",
            a -> ConnectedComponents.largest(image(a, 0, "maxvol"))));
    ops.add(
        op(
            "percentiles",
            3,
            "Percentile rank image within a mask, with tie-breaking correction factor",
            a ->
                Statistics.percentiles(
                    image(a, 0, "percentiles"), image(a, 1, "percentiles"), number(a, 2))));
    ops.add(
        op(
            "lcc",
            1,
            "Connected-component label image (float32)",
            a -> ConnectedComponents.labelImage(image(a, 0, "lcc"))));
    ops.add(op("Lcc", 1, "Alias for lcc", a -> ConnectedComponents.labelImage(image(a, 0, "Lcc"))));
    ops.add(
        op(
            "otsu",
            3,
            "Otsu threshold mask within a given mask region",
            a ->
                sitk(
                    "OtsuThreshold",
                    image(a, 0, "otsu"),
                    asUInt8(image(a, 1, "otsu")),
                    new NumberValue(0),
                    new NumberValue(1),
                    new NumberValue((int) number(a, 2)),
                    BooleanValue.of(true),
                    new NumberValue(1))));
    return List.copyOf(ops);
  }

  private SimpleOperator op(
      String name, int arity, String description, Function<Arguments, Value> kernel) {
    return new SimpleOperator(
        new OperatorName(NS, name), Arity.exactly(arity), Purity.PURE, description, kernel);
  }

  private SimpleOperator nullary(
      String name, int arity, String description, Function<Arguments, Value> kernel) {
    return new SimpleOperator(
        new OperatorName(NS, name), Arity.exactly(arity), Purity.IMPURE, description, kernel);
  }

  /**
   * {@code + - * /}: SimpleITK's {@code Add}, {@code Subtract} … when an operand is an image (the
   * result keeps the image's pixel type; a scalar is cast to it), float arithmetic otherwise.
   */
  private SimpleOperator arithmetic(String symbol, DoubleBinaryOperator scalar, String procedure) {
    return op(
        symbol,
        2,
        "Voxel-wise or scalar " + symbol + " (element-wise over sequences)",
        a ->
            PythonNumbers.broadcast(
                a.get(0),
                a.get(1),
                (l, r) -> {
                  if (l instanceof ImageValue || r instanceof ImageValue) {
                    return sitk(procedure, l, r);
                  }
                  return new NumberValue(
                      scalar.applyAsDouble(PythonNumbers.toDouble(l), PythonNumbers.toDouble(r)));
                },
                symbol));
  }

  /**
   * Comparisons: SimpleITK's {@code Equal}, {@code Less} … for an image and an image or a scalar (a
   * scalar on the left is compared with the flipped procedure, as VoxLogicA-2 does).
   */
  private SimpleOperator comparison(
      String symbol, Comparison comparison, String procedure, String flipped) {
    return op(
        symbol,
        2,
        "Scalar or voxel-wise " + symbol,
        a ->
            PythonNumbers.broadcast(
                a.get(0),
                a.get(1),
                (l, r) -> {
                  if (l instanceof ImageValue && r instanceof ImageValue) {
                    return sitk(procedure, l, r);
                  }
                  if (l instanceof ImageValue) {
                    return sitk(procedure, l, new NumberValue(PythonNumbers.toDouble(r)));
                  }
                  if (r instanceof ImageValue) {
                    return sitk(flipped, r, new NumberValue(PythonNumbers.toDouble(l)));
                  }
                  return BooleanValue.of(
                      comparison.test(PythonNumbers.toDouble(l), PythonNumbers.toDouble(r)));
                },
                symbol));
  }

  /** {@code and}/{@code or}: SimpleITK's bitwise {@code And}/{@code Or} on an image operand. */
  private SimpleOperator logical(String name, boolean and, String procedure) {
    return op(
        name,
        2,
        "Voxel-wise boolean " + name,
        a -> {
          if (a.get(0) instanceof ImageValue || a.get(1) instanceof ImageValue) {
            return sitk(procedure, a.get(0), a.get(1));
          }
          boolean l = PythonNumbers.truthy(a.get(0));
          boolean r = PythonNumbers.truthy(a.get(1));
          return BooleanValue.of(and ? l && r : l || r);
        });
  }

  private static Value sitk(String procedure, Value... arguments) {
    return SimpleItkCalls.call(procedure, arguments);
  }

  /** VoxLogicA-2's {@code Cast(mask, sitkUInt8)} before a mask is used. */
  private static Value asUInt8(ImageValue mask) {
    return sitk("Cast", mask, new NumberValue(1));
  }

  /** A scalar argument as VoxLogicA-2 passes it to SimpleITK: {@code float(value)}. */
  private static Value scalar(Arguments args, int index) {
    return new NumberValue(number(args, index));
  }

  private static ImageValue image(Arguments args, int index, String name) {
    Value value = args.get(index);
    if (value instanceof ImageValue image) {
      return image;
    }
    throw new OperatorException(
        name
            + " argument "
            + (index + 1)
            + " must be an image, got "
            + PythonNumbers.typeName(value));
  }

  private static double number(Arguments args, int index) {
    return PythonNumbers.toDouble(args.get(index));
  }

  private static long[] indexVector(Value value, String name) {
    if (!(value instanceof SequenceValue sequence)) {
      throw new OperatorException(
          name + " must be an index vector, got " + PythonNumbers.typeName(value));
    }
    long[] out = new long[sequence.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) PythonNumbers.toDouble(sequence.items().get(i));
    }
    return out;
  }
}
