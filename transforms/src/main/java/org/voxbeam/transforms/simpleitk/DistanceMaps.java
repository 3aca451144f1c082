package org.voxbeam.transforms.simpleitk;

import java.util.Map;
import org.voxbeam.transforms.image.Voxels;
import org.voxbeam.transforms.image.ops.MaurerDistance;

/**
 * Distance maps: {@code SignedMaurerDistanceMap}, ITK's exact signed Euclidean distance to the
 * object's contour in {@code float32}, with SimpleITK's defaults (inside negative, squared, in
 * voxels, background 0).
 */
final class DistanceMaps implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "SignedMaurerDistanceMap", call -> MaurerDistance.of(Voxels.of(call.image("image1")),
            call.real("backgroundValue"), call.flag("insideIsPositive"),
            call.flag("squaredDistance"), call.flag("useImageSpacing")));
  }
}
