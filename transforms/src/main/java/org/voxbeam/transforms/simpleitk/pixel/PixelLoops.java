package org.voxbeam.transforms.simpleitk.pixel;

import java.util.stream.IntStream;
import org.voxbeam.kernel.value.ImageValue;

/**
 * Runs functors over every voxel. Each loop is chosen once per call by the pixel type, so the
 * per-voxel work is the functor and two buffer accesses. Large images are split into slabs run
 * on the common fork-join pool: the voxels are independent and the outputs disjoint, and a
 * transcendental functor ({@code exp}, {@code pow}) costs far more than the memory it touches.
 */
public final class PixelLoops {
  /** Voxels per slab: large enough that scheduling is negligible, small enough to balance. */
  private static final int SLAB = 1 << 16;

  private PixelLoops() {}

  /** A loop body over the voxel indices {@code [from, to)}. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /** Runs {@code body} over {@code [0, n)}, in parallel slabs when there are several. */
  public static void forEachRange(int n, Range body) {
    int slabs = (n + SLAB - 1) / SLAB;
    if (slabs <= 1) {
      body.run(0, n);
      return;
    }
    IntStream.range(0, slabs).parallel()
        .forEach(s -> body.run(s * SLAB, Math.min(n, (s + 1) * SLAB)));
  }

  /** {@code out[i] = f(in[i])}. */
  public static ImageValue unary(UnaryFunctor f, PixelInput in, PixelOutput out) {
    int n = out.voxelCount();
    if (f instanceof UnaryFunctor.InPixelType inType) {
      requireSame(in.pixel(), out.pixel());
      forEachRange(n, (from, to) -> inPixelType(inType, in, out, from, to));
    } else {
      UnaryFunctor.OnReals real = (UnaryFunctor.OnReals) f;
      forEachRange(n, (from, to) -> {
        for (int i = from; i < to; i++) {
          out.real(i, real.apply(in.real(i)));
        }
      });
    }
    return out.toValue();
  }

  /** {@code out[i] = f(a[i], b[i])}; the inputs have the same pixel type. */
  public static ImageValue binary(BinaryFunctor f, PixelInput a, PixelInput b, PixelOutput out) {
    requireSame(a.pixel(), b.pixel());
    int n = out.voxelCount();
    if (f instanceof BinaryFunctor.InPixelType inType) {
      requireSame(a.pixel(), out.pixel());
      forEachRange(n, (from, to) -> inPixelType(inType, a, b, out, from, to));
    } else {
      BinaryFunctor.OnReals real = (BinaryFunctor.OnReals) f;
      forEachRange(n, (from, to) -> {
        for (int i = from; i < to; i++) {
          out.real(i, real.apply(a.real(i), b.real(i)));
        }
      });
    }
    return out.toValue();
  }

  /** {@code out[i] = p(a[i], b[i]) ? foreground : background}, into a {@code uint8} output. */
  public static ImageValue compare(BinaryPredicate p, PixelInput a, PixelInput b, byte foreground,
      byte background, PixelOutput out) {
    requireSame(a.pixel(), b.pixel());
    requireSame(Pixel.UINT8, out.pixel());
    forEachRange(out.voxelCount(), (from, to) -> {
      switch (a.pixel()) {
        case FLOAT32 -> {
          for (int i = from; i < to; i++) {
            out.set(i, p.float32(a.float32(i), b.float32(i)) ? foreground : background);
          }
        }
        case FLOAT64 -> {
          for (int i = from; i < to; i++) {
            out.set(i, p.float64(a.float64(i), b.float64(i)) ? foreground : background);
          }
        }
        default -> {
          Pixel pixel = a.pixel();
          for (int i = from; i < to; i++) {
            out.set(i, p.integer(a.integer(i), b.integer(i), pixel) ? foreground : background);
          }
        }
      }
    });
    return out.toValue();
  }

  /**
   * {@code out[i] = lower <= in[i] && in[i] <= upper ? inside : outside}, compared in the pixel
   * type, into a {@code uint8} output: ITK's binary threshold.
   */
  public static ImageValue within(PixelInput in, PixelInput lower, PixelInput upper, byte inside,
      byte outside, PixelOutput out) {
    requireSame(in.pixel(), lower.pixel());
    requireSame(in.pixel(), upper.pixel());
    requireSame(Pixel.UINT8, out.pixel());
    Pixel pixel = in.pixel();
    forEachRange(out.voxelCount(), (from, to) -> {
      switch (pixel) {
        case FLOAT32 -> {
          float low = lower.float32(0);
          float high = upper.float32(0);
          for (int i = from; i < to; i++) {
            float v = in.float32(i);
            out.set(i, low <= v && v <= high ? inside : outside);
          }
        }
        case FLOAT64 -> {
          double low = lower.float64(0);
          double high = upper.float64(0);
          for (int i = from; i < to; i++) {
            double v = in.float64(i);
            out.set(i, low <= v && v <= high ? inside : outside);
          }
        }
        default -> {
          long low = lower.integer(0);
          long high = upper.integer(0);
          for (int i = from; i < to; i++) {
            long v = in.integer(i);
            out.set(i, !pixel.less(v, low) && !pixel.less(high, v) ? inside : outside);
          }
        }
      }
    });
    return out.toValue();
  }

  private static void inPixelType(
      UnaryFunctor.InPixelType f, PixelInput in, PixelOutput out, int from, int to) {
    switch (in.pixel()) {
      case FLOAT32 -> {
        for (int i = from; i < to; i++) {
          out.float32(i, f.float32(in.float32(i)));
        }
      }
      case FLOAT64 -> {
        for (int i = from; i < to; i++) {
          out.float64(i, f.float64(in.float64(i)));
        }
      }
      default -> {
        Pixel pixel = in.pixel();
        for (int i = from; i < to; i++) {
          out.integer(i, f.integer(in.integer(i), pixel));
        }
      }
    }
  }

  private static void inPixelType(
      BinaryFunctor.InPixelType f, PixelInput a, PixelInput b, PixelOutput out, int from, int to) {
    switch (a.pixel()) {
      case FLOAT32 -> {
        for (int i = from; i < to; i++) {
          out.float32(i, f.float32(a.float32(i), b.float32(i)));
        }
      }
      case FLOAT64 -> {
        for (int i = from; i < to; i++) {
          out.float64(i, f.float64(a.float64(i), b.float64(i)));
        }
      }
      default -> {
        Pixel pixel = a.pixel();
        for (int i = from; i < to; i++) {
          out.integer(i, f.integer(a.integer(i), b.integer(i), pixel));
        }
      }
    }
  }

  private static void requireSame(Pixel expected, Pixel actual) {
    if (expected != actual) {
      throw new IllegalArgumentException("pixel types differ: " + expected + " and " + actual);
    }
  }
}
