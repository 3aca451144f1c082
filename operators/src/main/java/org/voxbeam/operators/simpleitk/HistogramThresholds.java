package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.simpleitk.histogram.Histogram;
import org.voxbeam.operators.simpleitk.histogram.HistogramException;
import org.voxbeam.operators.simpleitk.histogram.Huang;
import org.voxbeam.operators.simpleitk.histogram.ImageHistograms;
import org.voxbeam.operators.simpleitk.histogram.Intermodes;
import org.voxbeam.operators.simpleitk.histogram.IsoData;
import org.voxbeam.operators.simpleitk.histogram.KittlerIllingworth;
import org.voxbeam.operators.simpleitk.histogram.Li;
import org.voxbeam.operators.simpleitk.histogram.MaximumEntropy;
import org.voxbeam.operators.simpleitk.histogram.Moments;
import org.voxbeam.operators.simpleitk.histogram.Otsu;
import org.voxbeam.operators.simpleitk.histogram.RenyiEntropy;
import org.voxbeam.operators.simpleitk.histogram.Shanbhag;
import org.voxbeam.operators.simpleitk.histogram.ThresholdCalculator;
import org.voxbeam.operators.simpleitk.histogram.Triangle;
import org.voxbeam.operators.simpleitk.histogram.Yen;
import org.voxbeam.operators.simpleitk.pixel.Pixel;
import org.voxbeam.operators.simpleitk.pixel.PixelInput;
import org.voxbeam.operators.simpleitk.pixel.PixelLoops;
import org.voxbeam.operators.simpleitk.pixel.PixelOutput;

/**
 * The histogram thresholds: ITK's {@code HistogramThresholdImageFilter} with each calculator, and
 * {@code OtsuMultipleThresholds}. The histogram of the (masked) voxels gives a threshold, cast to
 * the pixel type; voxels at or below it get {@code insideValue}, the others {@code outsideValue},
 * as {@code uint8}; with a mask and {@code maskOutput}, voxels where the mask is 0 become 0. The
 * histogram counts only voxels where the mask equals {@code maskValue} (default 255), while the
 * output keeps every voxel where the mask is non-zero: ITK's rules, and why VoxLogicA-2's {@code
 * otsu} passes {@code maskValue} 1.
 */
final class HistogramThresholds implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.ofEntries(
        Map.entry(
            "OtsuThreshold", call -> threshold(call, Otsu.single(call.flag("returnBinMidpoint")))),
        Map.entry("TriangleThreshold", call -> threshold(call, new Triangle())),
        Map.entry("HuangThreshold", call -> threshold(call, new Huang())),
        Map.entry("IsoDataThreshold", call -> threshold(call, new IsoData())),
        Map.entry("LiThreshold", call -> threshold(call, new Li())),
        Map.entry("MaximumEntropyThreshold", call -> threshold(call, new MaximumEntropy())),
        Map.entry("MomentsThreshold", call -> threshold(call, new Moments())),
        Map.entry("YenThreshold", call -> threshold(call, new Yen())),
        Map.entry("RenyiEntropyThreshold", call -> threshold(call, new RenyiEntropy())),
        Map.entry("ShanbhagThreshold", call -> threshold(call, new Shanbhag())),
        Map.entry("KittlerIllingworthThreshold", call -> threshold(call, new KittlerIllingworth())),
        Map.entry("IntermodesThreshold", call -> threshold(call, new Intermodes())),
        Map.entry("OtsuMultipleThresholds", HistogramThresholds::otsuMultiple));
  }

  private static Value threshold(Call call, ThresholdCalculator calculator) {
    ImageValue image = call.image("image");
    ImageValue mask = call.has("maskImage") ? call.image("maskImage") : null;
    PixelInput masks = null;
    if (mask != null) {
      InputChecks.requireSameDimension(call, image, mask, "maskImage");
      InputChecks.requireSameSize(call, image, mask, "maskImage");
      InputChecks.requireSameSpace(call, image, mask, "maskImage");
      if (Pixel.of(mask.dtype()) != Pixel.UINT8) {
        throw call.failure(
            "maskImage must be 8-bit unsigned integer, got "
                + PixelId.of(mask.dtype()).description());
      }
      masks = PixelInput.of(mask);
    }
    PixelInput in = PixelInput.of(image);
    int bins = bins(call);
    int count = Math.toIntExact(image.geometry().voxelCount());
    Histogram histogram =
        ImageHistograms.ofImage(in, count, masks, call.integer("maskValue"), bins);
    double threshold = calculate(call, calculator, histogram);
    ImageValue binary =
        Intensity.binaryThreshold(
            call,
            image,
            in.pixel().minReal(),
            threshold,
            (byte) call.integer("insideValue"),
            (byte) call.integer("outsideValue"));
    if (masks == null || !call.flag("maskOutput")) {
      return binary;
    }
    PixelInput values = PixelInput.of(binary);
    PixelInput maskValues = masks;
    PixelOutput out = new PixelOutput(image.geometry(), Pixel.UINT8);
    PixelLoops.forEachRange(
        count,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            out.set(i, maskValues.integer(i) != 0 ? (byte) values.integer(i) : 0);
          }
        });
    return out.toValue();
  }

  /**
   * {@code OtsuMultipleThresholds}: labels {@code labelOffset} + the number of thresholds below
   * each voxel, from the unmasked histogram over the voxels' range. The filter clamps a count of 0
   * thresholds or bins to 1.
   */
  private static Value otsuMultiple(Call call) {
    ImageValue image = call.image("image1");
    PixelInput in = PixelInput.of(image);
    int count = Math.toIntExact(image.geometry().voxelCount());
    int thresholds = (int) Math.max(1, call.integer("numberOfThresholds"));
    int bins = (int) Math.max(1, call.integer("numberOfHistogramBins"));
    Histogram histogram = ImageHistograms.ofSample(in, count, bins);
    double[] levels;
    try {
      levels =
          new Otsu(thresholds, call.flag("valleyEmphasis"), call.flag("returnBinMidpoint"))
              .thresholds(histogram);
    } catch (HistogramException e) {
      throw call.failure(e.getMessage());
    }
    long offset = call.integer("labelOffset");
    PixelOutput out = new PixelOutput(image.geometry(), Pixel.UINT8);
    PixelLoops.forEachRange(
        count,
        (from, to) -> {
          double[] values = new double[4096];
          byte[] labels = new byte[4096];
          for (int s = from; s < to; s += values.length) {
            int len = Math.min(values.length, to - s);
            in.reals(s, values, len);
            for (int i = 0; i < len; i++) {
              int label = 0;
              while (label < levels.length && !(values[i] <= levels[label])) {
                label++;
              }
              labels[i] = (byte) (label + offset);
            }
            out.bytes(s, labels, len);
          }
        });
    return out.toValue();
  }

  private static int bins(Call call) {
    long bins = call.integer("numberOfHistogramBins");
    if (bins < 1) {
      throw call.failure("numberOfHistogramBins must be at least 1, got " + bins);
    }
    return Math.toIntExact(bins);
  }

  /** The calculator's threshold, cast to the pixel type as ITK's decorated output holds it. */
  private static double calculate(Call call, ThresholdCalculator calculator, Histogram histogram) {
    try {
      return calculator.threshold(histogram);
    } catch (HistogramException e) {
      throw call.failure(e.getMessage());
    }
  }
}
