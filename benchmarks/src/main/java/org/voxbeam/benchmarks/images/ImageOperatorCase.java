package org.voxbeam.benchmarks.images;

import java.util.List;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;

/**
 * One operator call the benchmark times, built from the registry as a program would reach it, so
 * the timing includes argument checks and the result's allocation, not just the kernel.
 *
 * @param label the operator as a program writes it
 * @param operator the registered operator
 * @param onMask whether it takes the volume's mask rather than its grey levels
 */
record ImageOperatorCase(String label, Operator operator, boolean onMask) {

  /** The representative operators: pointwise, morphology, components, distance, ranking. */
  static List<ImageOperatorCase> standard(OperatorRegistry registry) {
    return List.of(
        new ImageOperatorCase("img > t (threshold)", registry.require("vox1.>"), false),
        new ImageOperatorCase("img + img (arithmetic)", registry.require("vox1.+"), false),
        new ImageOperatorCase("near(mask) (dilation)", registry.require("vox1.near"), true),
        new ImageOperatorCase("interior(mask) (erosion)", registry.require("vox1.interior"), true),
        new ImageOperatorCase("lcc(mask)", registry.require("vox1.lcc"), true),
        new ImageOperatorCase("dt(mask)", registry.require("vox1.dt"), true),
        new ImageOperatorCase(
            "percentiles(img, mask, 0.5)", registry.require("vox1.percentiles"), false));
  }

  Value apply(BenchVolume volume, ImageValue mask) {
    ImageValue image = volume.image();

    Arguments arguments =
        switch (operator.name().name()) {
          case ">" -> Arguments.of(List.of(image, new NumberValue(volume.threshold())));
          case "+" -> Arguments.of(List.of(image, image));
          case "percentiles" -> Arguments.of(List.of(image, mask, new NumberValue(0.5)));
          default -> Arguments.of(List.of(onMask ? mask : image));
        };
    return operator.apply(arguments);
  }
}
