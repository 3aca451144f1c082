package org.voxbeam.transforms.image.ops;

import java.util.function.DoubleBinaryOperator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.transforms.image.Float32Output;
import org.voxbeam.transforms.image.PixelCast;
import org.voxbeam.transforms.image.Voxels;
import org.voxbeam.transforms.python.Comparison;
import org.voxbeam.transforms.python.PythonNumbers;

/**
 * Voxel-wise arithmetic, comparison and boolean algebra where either operand may be an image
 * or a scalar (a scalar stands for a constant image of the other operand's size). Arithmetic
 * yields {@code float32} ({@code float64} when an operand is {@code float64}); comparisons and
 * boolean operators yield 0/1 {@code uint8} masks, as SimpleITK's filters do.
 */
public final class Pointwise {
  private Pointwise() {}

  /** {@code left op right} voxel by voxel; at least one operand must be an image. */
  public static ImageValue arithmetic(Value left, Value right, DoubleBinaryOperator op, String name) {
    Operand l = Operand.of(left, name);
    Operand r = Operand.of(right, name);
    Voxels shape = l.requireCompatible(r, name);
    int n = shape.voxelCount();
    boolean wide = l.isWide() || r.isWide();
    if (wide) {
      byte[] out = new byte[n * 8];
      java.nio.DoubleBuffer d = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
      for (int i = 0; i < n; i++) {
        d.put(i, op.applyAsDouble(l.get(i), r.get(i)));
      }
      return new ImageValue(shape.geometry(), DType.FLOAT64, InMemoryBlob.adopt(out));
    }
    Float32Output out = new Float32Output(shape.geometry());
    for (int i = 0; i < n; i++) {
      out.set(i, op.applyAsDouble(l.get(i), r.get(i)));
    }
    return out.toValue();
  }

  /**
   * ITK's division: a zero divisor gives the largest {@code float32} instead of infinity or an
   * error, so one empty voxel does not poison a whole ratio image.
   */
  public static double itkDivide(double numerator, double divisor) {
    return divisor == 0.0 ? Float.MAX_VALUE : numerator / divisor;
  }

  /** {@code left comparison right} voxel by voxel, as a mask. */
  public static ImageValue compare(Value left, Value right, Comparison comparison, String name) {
    Operand l = Operand.of(left, name);
    Operand r = Operand.of(right, name);
    Voxels shape = l.requireCompatible(r, name);
    int n = shape.voxelCount();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = comparison.test(l.get(i), r.get(i)) ? (byte) 1 : 0;
    }
    return Voxels.mask(shape.geometry(), out);
  }

  /** Voxels within {@code [low, high]}, inclusive, as ITK's binary threshold selects them. */
  public static ImageValue between(double low, double high, ImageValue image) {
    Voxels v = Voxels.of(image);
    int n = v.voxelCount();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      double x = v.get(i);
      out[i] = x >= low && x <= high ? (byte) 1 : 0;
    }
    return Voxels.mask(image.geometry(), out);
  }

  /** Boolean and/or; non-zero voxels and truthy scalars are true. */
  public static ImageValue logical(Value left, Value right, boolean and, String name) {
    Operand l = Operand.of(left, name);
    Operand r = Operand.of(right, name);
    Voxels shape = l.requireCompatible(r, name);
    int n = shape.voxelCount();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      boolean a = l.get(i) != 0.0;
      boolean b = r.get(i) != 0.0;
      out[i] = (and ? a && b : a || b) ? (byte) 1 : 0;
    }
    return Voxels.mask(shape.geometry(), out);
  }

  /** Voxel-wise negation of a mask. */
  public static ImageValue not(ImageValue image) {
    Voxels v = Voxels.of(image);
    int n = v.voxelCount();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = v.isSet(i) ? 0 : (byte) 1;
    }
    return Voxels.mask(image.geometry(), out);
  }

  /** Voxel-wise absolute value, keeping the voxel type as ITK's {@code Abs} does. */
  public static ImageValue abs(ImageValue image) {
    Voxels v = Voxels.of(image);
    int n = v.voxelCount();
    byte[] out = new byte[n * image.dtype().byteSize()];
    java.nio.ByteBuffer o = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      PixelCast.put(o, image.dtype(), i, Math.abs(v.get(i)));
    }
    return new ImageValue(image.geometry(), image.dtype(), InMemoryBlob.adopt(out));
  }

  /** Zeroes the voxels of {@code image} where {@code mask} is false, keeping the voxel type. */
  public static ImageValue mask(ImageValue image, ImageValue mask) {
    Voxels v = Voxels.of(image);
    Voxels m = Voxels.of(mask);
    v.requireSameGrid(m, "mask");
    int width = image.dtype().byteSize();
    int n = v.voxelCount();
    byte[] out = new byte[n * width];
    java.nio.ByteBuffer source = v.buffer();
    for (int i = 0; i < n; i++) {
      if (m.isSet(i)) {
        for (int b = 0; b < width; b++) {
          out[i * width + b] = source.get(i * width + b);
        }
      }
    }
    return new ImageValue(image.geometry(), image.dtype(), InMemoryBlob.adopt(out));
  }

  /** One side of a voxel-wise operator: an opened image or a constant. */
  private record Operand(Voxels image, double constant) {
    static Operand of(Value value, String name) {
      if (value instanceof ImageValue image) {
        return new Operand(Voxels.of(image), 0);
      }
      if (PythonNumbers.isNumeric(value)) {
        return new Operand(null, PythonNumbers.toDouble(value));
      }
      throw new OperatorException(name + " expects images or numbers, got " + PythonNumbers.typeName(value));
    }

    double get(int i) {
      return image == null ? constant : image.get(i);
    }

    boolean isWide() {
      return image != null && image.dtype() == DType.FLOAT64;
    }

    Voxels requireCompatible(Operand other, String name) {
      if (image == null && other.image == null) {
        throw new OperatorException(name + " on images needs at least one image");
      }
      if (image != null && other.image != null) {
        image.requireSameGrid(other.image, name);
      }
      return image != null ? image : other.image;
    }
  }
}
