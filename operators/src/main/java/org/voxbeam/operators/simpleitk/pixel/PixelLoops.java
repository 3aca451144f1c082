package org.voxbeam.operators.simpleitk.pixel;

import java.util.stream.IntStream;
import org.voxbeam.kernel.value.ImageValue;

/**
 * Runs functors over every voxel. Voxels are read into primitive arrays a block at a time, the
 * functor's own loop computes the block, and the block is stored; the lane (float, double, integer)
 * is chosen once per call by the pixel type. Large images are split into slabs run on the common
 * fork-join pool: the voxels are independent and the outputs disjoint, and a transcendental functor
 * ({@code exp}, {@code pow}) costs far more than the memory it touches.
 */
public final class PixelLoops {
  /** Voxels per slab: large enough that scheduling is negligible, small enough to balance. */
  private static final int SLAB = 1 << 16;

  /** Voxels per block: the primitive arrays of a slab stay in the first-level cache. */
  private static final int BLOCK = 1 << 12;

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
    IntStream.range(0, slabs)
        .parallel()
        .forEach(s -> body.run(s * SLAB, Math.min(n, (s + 1) * SLAB)));
  }

  /** {@code out[i] = f(in[i])}. */
  public static ImageValue unary(UnaryFunctor f, PixelInput in, PixelOutput out) {
    int n = out.voxelCount();
    if (f instanceof UnaryFunctor.InPixelType inType) {
      requireSame(in.pixel(), out.pixel());
      Pixel pixel = in.pixel();
      forEachRange(
          n,
          (from, to) -> {
            switch (pixel) {
              case FLOAT32 -> {
                float[] a = new float[BLOCK];
                float[] o = new float[BLOCK];
                for (int s = from; s < to; s += BLOCK) {
                  int len = Math.min(BLOCK, to - s);
                  in.float32s(s, a, len);
                  inType.float32(a, o, len);
                  out.float32s(s, o, len);
                }
              }
              case FLOAT64 -> {
                double[] a = new double[BLOCK];
                double[] o = new double[BLOCK];
                for (int s = from; s < to; s += BLOCK) {
                  int len = Math.min(BLOCK, to - s);
                  in.float64s(s, a, len);
                  inType.float64(a, o, len);
                  out.float64s(s, o, len);
                }
              }
              default -> {
                long[] a = new long[BLOCK];
                long[] o = new long[BLOCK];
                for (int s = from; s < to; s += BLOCK) {
                  int len = Math.min(BLOCK, to - s);
                  in.integers(s, a, len);
                  inType.integer(a, o, len, pixel);
                  out.integers(s, o, len);
                }
              }
            }
          });
    } else {
      UnaryFunctor.OnReals real = (UnaryFunctor.OnReals) f;
      forEachRange(
          n,
          (from, to) -> {
            Reals reals = new Reals();
            double[] a = new double[BLOCK];
            double[] o = new double[BLOCK];
            for (int s = from; s < to; s += BLOCK) {
              int len = Math.min(BLOCK, to - s);
              reals.load(in, s, a, len);
              real.apply(a, o, len);
              reals.store(out, s, o, len);
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
      Pixel pixel = a.pixel();
      forEachRange(
          n,
          (from, to) -> {
            switch (pixel) {
              case FLOAT32 -> {
                float[] x = new float[BLOCK];
                float[] y = new float[BLOCK];
                float[] o = new float[BLOCK];
                for (int s = from; s < to; s += BLOCK) {
                  int len = Math.min(BLOCK, to - s);
                  a.float32s(s, x, len);
                  b.float32s(s, y, len);
                  inType.float32(x, y, o, len);
                  out.float32s(s, o, len);
                }
              }
              case FLOAT64 -> {
                double[] x = new double[BLOCK];
                double[] y = new double[BLOCK];
                double[] o = new double[BLOCK];
                for (int s = from; s < to; s += BLOCK) {
                  int len = Math.min(BLOCK, to - s);
                  a.float64s(s, x, len);
                  b.float64s(s, y, len);
                  inType.float64(x, y, o, len);
                  out.float64s(s, o, len);
                }
              }
              default -> {
                long[] x = new long[BLOCK];
                long[] y = new long[BLOCK];
                long[] o = new long[BLOCK];
                for (int s = from; s < to; s += BLOCK) {
                  int len = Math.min(BLOCK, to - s);
                  a.integers(s, x, len);
                  b.integers(s, y, len);
                  inType.integer(x, y, o, len, pixel);
                  out.integers(s, o, len);
                }
              }
            }
          });
    } else {
      BinaryFunctor.OnReals real = (BinaryFunctor.OnReals) f;
      forEachRange(
          n,
          (from, to) -> {
            Reals reals = new Reals();
            double[] x = new double[BLOCK];
            double[] y = new double[BLOCK];
            double[] o = new double[BLOCK];
            for (int s = from; s < to; s += BLOCK) {
              int len = Math.min(BLOCK, to - s);
              reals.load(a, s, x, len);
              reals.load(b, s, y, len);
              real.apply(x, y, o, len);
              reals.store(out, s, o, len);
            }
          });
    }
    return out.toValue();
  }

  /** {@code out[i] = a[i] op b[i] ? yes : no}, into a {@code uint8} output. */
  public static ImageValue compare(
      PixelComparison comparison, PixelInput a, PixelInput b, byte yes, byte no, PixelOutput out) {
    requireSame(a.pixel(), b.pixel());
    requireSame(Pixel.UINT8, out.pixel());
    Pixel pixel = a.pixel();
    forEachRange(
        out.voxelCount(),
        (from, to) -> {
          byte[] o = new byte[BLOCK];
          switch (pixel) {
            case FLOAT32 -> {
              float[] x = new float[BLOCK];
              float[] y = new float[BLOCK];
              for (int s = from; s < to; s += BLOCK) {
                int len = Math.min(BLOCK, to - s);
                a.float32s(s, x, len);
                b.float32s(s, y, len);
                comparison.float32(x, y, o, len, yes, no);
                out.bytes(s, o, len);
              }
            }
            case FLOAT64 -> {
              double[] x = new double[BLOCK];
              double[] y = new double[BLOCK];
              for (int s = from; s < to; s += BLOCK) {
                int len = Math.min(BLOCK, to - s);
                a.float64s(s, x, len);
                b.float64s(s, y, len);
                comparison.float64(x, y, o, len, yes, no);
                out.bytes(s, o, len);
              }
            }
            default -> {
              long[] x = new long[BLOCK];
              long[] y = new long[BLOCK];
              for (int s = from; s < to; s += BLOCK) {
                int len = Math.min(BLOCK, to - s);
                a.integers(s, x, len);
                b.integers(s, y, len);
                comparison.integer(x, y, o, len, yes, no, pixel);
                out.bytes(s, o, len);
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
  public static ImageValue within(
      PixelInput in,
      PixelInput lower,
      PixelInput upper,
      byte inside,
      byte outside,
      PixelOutput out) {
    requireSame(in.pixel(), lower.pixel());
    requireSame(in.pixel(), upper.pixel());
    requireSame(Pixel.UINT8, out.pixel());
    Pixel pixel = in.pixel();
    forEachRange(
        out.voxelCount(),
        (from, to) -> {
          byte[] o = new byte[BLOCK];
          switch (pixel) {
            case FLOAT32 -> {
              float low = lower.float32(0);
              float high = upper.float32(0);
              float[] x = new float[BLOCK];
              for (int s = from; s < to; s += BLOCK) {
                int len = Math.min(BLOCK, to - s);
                in.float32s(s, x, len);
                for (int i = 0; i < len; i++) {
                  o[i] = (low <= x[i]) & (x[i] <= high) ? inside : outside;
                }
                out.bytes(s, o, len);
              }
            }
            case FLOAT64 -> {
              double low = lower.float64(0);
              double high = upper.float64(0);
              double[] x = new double[BLOCK];
              for (int s = from; s < to; s += BLOCK) {
                int len = Math.min(BLOCK, to - s);
                in.float64s(s, x, len);
                for (int i = 0; i < len; i++) {
                  o[i] = (low <= x[i]) & (x[i] <= high) ? inside : outside;
                }
                out.bytes(s, o, len);
              }
            }
            default -> {
              long flip = pixel == Pixel.UINT64 ? Long.MIN_VALUE : 0;
              long low = lower.integer(0) ^ flip;
              long high = upper.integer(0) ^ flip;
              long[] x = new long[BLOCK];
              for (int s = from; s < to; s += BLOCK) {
                int len = Math.min(BLOCK, to - s);
                in.integers(s, x, len);
                for (int i = 0; i < len; i++) {
                  long v = x[i] ^ flip;
                  o[i] = (low <= v) & (v <= high) ? inside : outside;
                }
                out.bytes(s, o, len);
              }
            }
          }
        });
    return out.toValue();
  }

  /**
   * {@code out[i] = keep(i) ? in[i] : outside}, bit for bit, where {@code keep} says which voxels
   * of a block keep their value: masking and the threshold filter.
   */
  public static ImageValue select(
      PixelInput in, Selection keep, PixelInput outside, PixelOutput out) {
    requireSame(in.pixel(), out.pixel());
    requireSame(in.pixel(), outside.pixel());
    forEachRange(
        out.voxelCount(),
        (from, to) -> {
          boolean[] kept = new boolean[BLOCK];
          long[] bits = new long[BLOCK];
          long fill = outside.bits(0);
          for (int s = from; s < to; s += BLOCK) {
            int len = Math.min(BLOCK, to - s);
            keep.select(s, kept, len);
            in.bits(s, bits, len);
            for (int i = 0; i < len; i++) {
              bits[i] = kept[i] ? bits[i] : fill;
            }
            out.bits(s, bits, len);
          }
        });
    return out.toValue();
  }

  /** Which voxels of the block {@code [from, from + n)} keep their value. */
  @FunctionalInterface
  public interface Selection {
    void select(int from, boolean[] kept, int n);
  }

  /**
   * Block conversions between voxels and {@code double}s; {@code float} voxels go through a {@code
   * float} block, so they are read and written in bulk.
   */
  private static final class Reals {
    private float[] floats;

    void load(PixelInput in, int from, double[] into, int n) {
      if (in.pixel() != Pixel.FLOAT32) {
        in.reals(from, into, n);
        return;
      }
      float[] block = floats(n);
      in.float32s(from, block, n);
      for (int i = 0; i < n; i++) {
        into[i] = block[i];
      }
    }

    void store(PixelOutput out, int from, double[] values, int n) {
      if (out.pixel() != Pixel.FLOAT32) {
        out.reals(from, values, n);
        return;
      }
      float[] block = floats(n);
      for (int i = 0; i < n; i++) {
        block[i] = (float) values[i];
      }
      out.float32s(from, block, n);
    }

    private float[] floats(int n) {
      if (floats == null || floats.length < n) {
        floats = new float[Math.max(n, BLOCK)];
      }
      return floats;
    }
  }

  private static void requireSame(Pixel expected, Pixel actual) {
    if (expected != actual) {
      throw new IllegalArgumentException("pixel types differ: " + expected + " and " + actual);
    }
  }
}
