package org.voxbeam.operators.simpleitk;

import org.voxbeam.operators.simpleitk.Measurements.CompensatedSum;
import org.voxbeam.operators.simpleitk.pixel.PixelInput;

/**
 * The sums ITK's {@code StatisticsImageFilter} computes, which {@code Normalize} and {@code
 * NormalizeToConstant} run inside: compensated sums of the voxels and of their squares in {@code
 * double}, the mean, and sigma with the n - 1 denominator. ITK adds per-thread partial sums, so its
 * last bits depend on the thread count; this is its one-thread result.
 */
record Moments(double sum, double mean, double sigma) {

  static Moments of(PixelInput voxels, long count) {
    CompensatedSum sum = new CompensatedSum();
    CompensatedSum squares = new CompensatedSum();
    for (int i = 0; i < count; i++) {
      double value = voxels.real(i);
      sum.add(value);
      squares.add(value * value);
    }
    double total = sum.value();
    double variance = (squares.value() - (total * total / count)) / (count - 1.0);
    return new Moments(total, total / count, Math.sqrt(variance));
  }
}
