package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.image.ops.MaurerDistance;

/**
 * Distance maps, all {@code float32}: {@code SignedMaurerDistanceMap}, ITK's exact signed Euclidean
 * distance to the object's contour, with SimpleITK's defaults (inside negative, squared, in voxels,
 * background 0); {@code DanielssonDistanceMap} and {@code SignedDanielssonDistanceMap}, ITK's
 * approximate vector propagation ({@link DanielssonDistance}), not squared and in voxels by
 * default.
 */
final class DistanceMaps implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "SignedMaurerDistanceMap",
            call ->
                MaurerDistance.of(
                    Voxels.of(call.image("image1")),
                    call.real("backgroundValue"),
                    call.flag("insideIsPositive"),
                    call.flag("squaredDistance"),
                    call.flag("useImageSpacing")),
        "DanielssonDistanceMap",
            call ->
                DanielssonDistance.unsigned(
                    Voxels.of(call.image("image1")),
                    call.flag("useImageSpacing"),
                    call.flag("squaredDistance")),
        "SignedDanielssonDistanceMap",
            call ->
                DanielssonDistance.signed(
                    Voxels.of(call.image("image1")), call.flag("insideIsPositive"),
                    call.flag("useImageSpacing"), call.flag("squaredDistance")));
  }
}
