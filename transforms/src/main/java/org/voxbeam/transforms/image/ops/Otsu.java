package org.voxbeam.transforms.image.ops;

import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.transforms.image.Voxels;

/**
 * {@code otsu(image, mask, bins)}: Otsu's threshold over the masked voxels, with ITK's output
 * convention (values above the threshold are 1, others 0, and voxels outside the mask 0). The
 * histogram has {@code bins} equal bins from the masked minimum to maximum; the threshold is the
 * upper edge of the bin that maximises the between-class variance (the first on ties).
 */
public final class Otsu {
  private Otsu() {}

  public static ImageValue of(ImageValue image, ImageValue mask, int bins) {
    if (bins < 1) {
      throw new OperatorException("otsu needs at least one histogram bin, got " + bins);
    }
    Voxels v = Voxels.of(image);
    Voxels m = Voxels.of(mask);
    v.requireSameGrid(m, "otsu");
    int n = v.voxelCount();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (m.isSet(i)) {
        low = Math.min(low, v.get(i));
        high = Math.max(high, v.get(i));
      }
    }
    byte[] out = new byte[n];
    if (low >= high) {
      return Voxels.mask(image.geometry(), out);
    }
    double threshold = threshold(v, m, bins, low, high);
    for (int i = 0; i < n; i++) {
      out[i] = m.isSet(i) && v.get(i) > threshold ? (byte) 1 : 0;
    }
    return Voxels.mask(image.geometry(), out);
  }

  static double threshold(Voxels v, Voxels m, int bins, double low, double high) {
    double width = (high - low) / bins;
    long[] histogram = new long[bins];
    long total = 0;
    for (int i = 0; i < v.voxelCount(); i++) {
      if (m.isSet(i)) {
        histogram[Math.min(bins - 1, (int) ((v.get(i) - low) / width))]++;
        total++;
      }
    }
    double sumAll = 0;
    for (int b = 0; b < bins; b++) {
      sumAll += b * (double) histogram[b];
    }
    double weightBelow = 0;
    double sumBelow = 0;
    double bestVariance = -1;
    int best = 0;
    for (int b = 0; b < bins - 1; b++) {
      weightBelow += histogram[b];
      sumBelow += b * (double) histogram[b];
      double weightAbove = total - weightBelow;
      if (weightBelow == 0 || weightAbove == 0) {
        continue;
      }
      double meanBelow = sumBelow / weightBelow;
      double meanAbove = (sumAll - sumBelow) / weightAbove;
      double variance = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
      if (variance > bestVariance) {
        bestVariance = variance;
        best = b;
      }
    }
    return low + (best + 1) * width;
  }
}
