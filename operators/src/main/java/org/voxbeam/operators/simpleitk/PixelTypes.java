package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ImageOutput;
import org.voxbeam.operators.image.Voxels;

/**
 * Pixel types: {@code Cast} and the pixel id lookups. {@code Cast} is ITK's {@code
 * CastImageFilter}: every voxel goes through {@code static_cast} to the new type — no rounding, no
 * clamping ({@link org.voxbeam.operators.image.PixelCast}).
 */
final class PixelTypes implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "Cast",
            call ->
                cast(
                    call,
                    call.image("image"),
                    call.pixelId("pixelID")
                        .orElseThrow(
                            () -> call.failure("the pixel type sitkUnknown is not a cast target"))),
        "GetPixelIDValueFromString", PixelTypes::valueFromString,
        "GetPixelIDValueAsString", PixelTypes::valueAsString);
  }

  /** {@code image} converted to {@code target}; the same image if it already has that type. */
  static ImageValue cast(Call call, ImageValue image, PixelId target) {
    DType dtype =
        target
            .dtype()
            .orElseThrow(
                () ->
                    call.failure(
                        "cannot convert to "
                            + target.description()
                            + ": VoxBeam images hold scalar pixels"));
    if (PixelId.of(image.dtype()) == target) {
      return image.dtype() == dtype ? image : retype(image, dtype);
    }
    Voxels in = Voxels.of(image);
    ImageOutput out = new ImageOutput(image.geometry(), dtype);
    for (int i = 0; i < in.voxelCount(); i++) {
      out.set(i, in.get(i));
    }
    return out.toValue();
  }

  /** A boolean image stored as SimpleITK stores masks: the same bytes, as {@code uint8}. */
  private static ImageValue retype(ImageValue image, DType dtype) {
    return new ImageValue(image.geometry(), dtype, image.voxels());
  }

  /** SimpleITK answers -1 ({@code sitkUnknown}) for a name it does not know. */
  private static Value valueFromString(Call call) {
    String name = call.text("enumString");
    return new IntegerValue(PixelId.ofConstant(name).map(PixelId::value).orElse(PixelId.UNKNOWN));
  }

  private static Value valueAsString(Call call) {
    long id = call.integer("type");
    return new StringValue(
        PixelId.ofValue(id).map(PixelId::description).orElse("Unknown pixel id"));
  }
}
