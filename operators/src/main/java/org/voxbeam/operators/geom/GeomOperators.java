package org.voxbeam.operators.geom;

import java.io.IOException;
import java.util.List;
import org.voxbeam.kernel.json.PythonFloats;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * VoxLogicA-2's {@code geom} namespace. Pixel {@code (x, y)} is inside a circle when {@code (x -
 * cx)² + (y - cy)² <= radius²}, in integers; inside a regular polygon (a vertex towards -x, then
 * every {@code 2π / sides}) when its distance from the centre is at most the polygon's extent in
 * its direction, computed with VoxLogicA-2's formula and operation order so that pixels on an edge
 * fall on the same side.
 */
public final class GeomOperators implements OperatorLibrary {
  static final String NAMESPACE = "geom";

  @Override
  public List<Operator> operators() {
    return List.of(
        SimpleOperator.pure(
            NAMESPACE,
            "blank",
            Arity.between(2, 3),
            "Create a blank 2D canvas",
            GeomOperators::blank),
        SimpleOperator.pure(
            NAMESPACE,
            "circle",
            Arity.exactly(5),
            "Draw a filled circle on a 2D image",
            args -> draw(args, "circle", 5)),
        SimpleOperator.pure(
            NAMESPACE,
            "regular_polygon",
            Arity.exactly(6),
            "Draw a filled regular polygon on a 2D image",
            args -> draw(args, "regular_polygon", 6)));
  }

  /** {@code blank(height, width[, value])}: a float32 canvas, unit spacing, at the origin. */
  private static Value blank(Arguments args) {
    long height = asInt(args.get(0), "height");
    long width = asInt(args.get(1), "width");
    float value = (float) asFloat(args.size() > 2 ? args.get(2) : new IntegerValue(0), "value");
    if (height <= 0 || width <= 0) {
      throw new OperatorException("blank height and width must be positive");
    }
    long count = Math.multiplyExact(height, width);
    if (count > Integer.MAX_VALUE / 4) {
      throw new OperatorException("blank of " + width + " x " + height + " pixels is too large");
    }
    byte[] bytes = new byte[(int) count * 4];
    java.nio.ByteBuffer out =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      out.putFloat(i * 4, value);
    }
    ImageGeometry geometry =
        new ImageGeometry(
            List.of(width, height),
            List.of(1.0, 1.0),
            List.of(0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 1.0));
    return new ImageValue(geometry, DType.FLOAT32, InMemoryBlob.adopt(bytes));
  }

  /** {@code circle(image, cx, cy, radius, value)}, {@code regular_polygon(..., sides, value)}. */
  private static Value draw(Arguments args, String name, int count) {
    ImageValue image = asImage(args.get(0));
    long cx = asInt(args.get(1), "cx");
    long cy = asInt(args.get(2), "cy");
    long radius = asInt(args.get(3), "radius");
    long sides = count == 6 ? asInt(args.get(4), "sides") : 0;
    double value = asFloat(args.get(count - 1), "value");
    if (radius <= 0) {
      throw new OperatorException(name + " radius must be positive");
    }
    Shape shape = count == 6 ? Shape.polygon(radius, sides) : Shape.circle(radius);
    byte[] bytes;
    try {
      bytes = image.voxels().readAllBytes();
    } catch (IOException e) {
      throw new OperatorException(name + ": cannot read the image: " + e.getMessage());
    }
    java.nio.ByteBuffer out =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int width = Math.toIntExact(image.geometry().size().get(0));
    int height = Math.toIntExact(image.geometry().size().get(1));
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (shape.contains(x - cx, y - cy)) {
          PixelCast.put(out, image.dtype(), y * width + x, value);
        }
      }
    }
    return new ImageValue(image.geometry(), image.dtype(), InMemoryBlob.adopt(bytes));
  }

  /** Which offsets from the centre a shape covers. */
  private interface Shape {
    boolean contains(long dx, long dy);

    static Shape circle(long radius) {
      long limit = radius * radius;
      return (dx, dy) -> dx * dx + dy * dy <= limit;
    }

    /**
     * VoxLogicA-2's {@code inside_regular_polygon}, operation for operation. A pixel whose distance
     * is within a relative 1e-12 of the limit is decided again with correctly rounded {@code atan2}
     * and {@code cos}, as NumPy computes them.
     */
    static Shape polygon(long radius, long sides) {
      if (sides < 3) {
        throw new OperatorException("regular polygon requires at least 3 sides");
      }
      double sector = 2.0 * Math.PI / (double) sides;
      double apothem = (double) radius * CorrectlyRounded.cos(sector / 2.0);
      return (dx, dy) -> {
        double radial = Math.sqrt((double) (dx * dx + dy * dy));
        double fast = limit(StrictMath.atan2((double) dy, (double) dx), sector, apothem, false);
        if (Math.abs(radial - fast) > 1e-12 * Math.max(radial, fast)) {
          return radial <= fast;
        }
        return radial <= limit(CorrectlyRounded.atan2(dy, dx), sector, apothem, true);
      };
    }

    private static double limit(double angle, double sector, double apothem, boolean exact) {
      double folded = pythonMod(angle + Math.PI, sector) - sector / 2.0;
      double cos = exact ? CorrectlyRounded.cos(folded) : StrictMath.cos(folded);
      return apothem / Math.max(cos, 1e-9);
    }
  }

  /** NumPy's {@code np.mod} for floats: the remainder with the sign of the divisor. */
  static double pythonMod(double a, double b) {
    double mod = a % b;
    if (mod != 0) {
      if ((b < 0) != (mod < 0)) {
        mod += b;
      }
    } else {
      mod = Math.copySign(0.0, b);
    }
    return mod;
  }

  private static ImageValue asImage(Value value) {
    if (!(value instanceof ImageValue image)) {
      throw new OperatorException(
          "image must be a SimpleITK Image, got " + PythonNumbers.typeName(value));
    }
    if (image.geometry().dimension() != 2) {
      throw new OperatorException(
          "image must be a 2D image, got dimension " + image.geometry().dimension());
    }
    return image;
  }

  /** VoxLogicA-2's {@code as_int}: ints, integral floats, or text that reads as an int. */
  private static long asInt(Value value, String name) {
    if (value instanceof BooleanValue) {
      throw new OperatorException(name + " must be an integer, got bool");
    }
    if (value instanceof IntegerValue i) {
      return i.value();
    }
    if (value instanceof NumberValue n
        && n.value() == Math.rint(n.value())
        && Math.abs(n.value()) < 0x1p63) {
      return (long) n.value();
    }
    String text = value instanceof StringValue s ? s.value() : null;
    if (text != null) {
      try {
        return Long.parseLong(text.strip().replace("_", ""));
      } catch (NumberFormatException e) {
        // reported below, as VoxLogicA-2 reports it
      }
    }
    String shown =
        value instanceof NumberValue n ? PythonFloats.repr(n.value()) : PythonText.repr(value);
    throw new OperatorException(name + " must be int-like: " + shown);
  }

  private static double asFloat(Value value, String name) {
    try {
      return PythonNumbers.toDouble(value);
    } catch (OperatorException e) {
      throw new OperatorException(name + " must be numeric: " + PythonText.repr(value));
    }
  }
}
