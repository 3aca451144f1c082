package org.voxbeam.operators.image.ops;

import java.util.Optional;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ColourImage;
import org.voxbeam.operators.image.Float32Output;
import org.voxbeam.operators.image.Voxels;

/**
 * Colour channels: {@code intensity} (ITU-R BT.709 luminance of a colour image, the image itself as
 * {@code float32} otherwise), {@code red}/{@code green}/{@code blue}/{@code alpha} and the
 * composers {@code rgb}/{@code rgba}, over the {@link ColourImage} representation.
 */
public final class Channels {
  private Channels() {}

  public static ImageValue intensity(Value model) {
    Optional<ColourImage> colour = ColourImage.from(model);
    if (colour.isEmpty()) {
      return toFloat(requireImage(model, "intensity"));
    }
    Voxels r = Voxels.of(colour.get().red());
    Voxels g = Voxels.of(colour.get().green());
    Voxels b = Voxels.of(colour.get().blue());
    Float32Output out = new Float32Output(colour.get().red().geometry());
    for (int i = 0; i < r.voxelCount(); i++) {
      out.set(i, 0.2126 * r.get(i) + 0.7152 * g.get(i) + 0.0722 * b.get(i));
    }
    return out.toValue();
  }

  /**
   * Channel {@code index} (0 red … 3 alpha) as {@code float32}; alpha of an opaque image is 255.
   */
  public static ImageValue channel(Value model, int index, String name) {
    ColourImage colour =
        ColourImage.from(model)
            .orElseThrow(
                () ->
                    new OperatorException(name + " needs a colour image, got " + model.voxType()));
    if (index == 3 && colour.alpha().isEmpty()) {
      return Coordinates.constant(colour.red().geometry(), 255.0);
    }
    return toFloat(colour.channels().get(index));
  }

  public static Value compose(
      ImageValue red, ImageValue green, ImageValue blue, Optional<ImageValue> alpha) {
    return new ColourImage(
            toFloat(red), toFloat(green), toFloat(blue), alpha.map(Channels::toFloat))
        .toValue();
  }

  public static ImageValue toFloat(ImageValue image) {
    if (image.dtype() == org.voxbeam.kernel.value.DType.FLOAT32) {
      return image;
    }
    Voxels v = Voxels.of(image);
    Float32Output out = new Float32Output(image.geometry());
    for (int i = 0; i < v.voxelCount(); i++) {
      out.set(i, v.get(i));
    }
    return out.toValue();
  }

  static ImageValue requireImage(Value value, String name) {
    if (value instanceof ImageValue image) {
      return image;
    }
    throw new OperatorException(name + " needs an image, got " + value.voxType());
  }
}
