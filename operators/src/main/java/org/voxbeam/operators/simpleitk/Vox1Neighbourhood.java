package org.voxbeam.operators.simpleitk;

import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * The {@code vox1} operators VoxLogicA-2 writes as SimpleITK calls, computed by this package's
 * kernels with the same arguments and casts, so they give VoxLogicA-2's results:
 *
 * <ul>
 *   <li>{@code near(img)} is {@code BinaryDilate(Cast(img, sitkUInt8), [1,1,1], sitkBox, 1.0)}: the
 *       unit box dilation of the voxels equal to 1 after the cast, every other voxel keeping its
 *       cast value (the background value is 1 too);
 *   <li>{@code interior(img)} is {@code BinaryErode(Cast(img, sitkUInt8), [1,1,1], sitkBox, 0.0)}
 *       with ITK's default boundary-to-foreground: voxels equal to 1 stay 1 where their whole box
 *       is 1 or outside the image, eroded ones become 0, others keep their cast value;
 *   <li>{@code gradient(img)} is {@code GradientMagnitude(Cast(img, sitkFloat32))}.
 * </ul>
 *
 * <p>{@code near} and {@code interior} work on the cast bytes directly instead of the double
 * volumes of {@link Morphology}; the results are the same (checked by the tests), the memory a
 * ninth.
 */
public final class Vox1Neighbourhood {
  private static final StructuringElement UNIT_BOX_3D = StructuringElement.box(3, 1);
  private static final StructuringElement UNIT_BOX_2D = StructuringElement.box(2, 1);

  private Vox1Neighbourhood() {}

  public static ImageValue near(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    byte[] cast = toUInt8(voxels);
    byte[] dilated =
        FlatMorphology.dilate(equalToOne(cast), voxels.grid(), unitBox(voxels.grid()), false);
    for (int i = 0; i < cast.length; i++) {
      cast[i] = dilated[i] != 0 ? 1 : cast[i];
    }
    return Voxels.mask(image.geometry(), cast);
  }

  public static ImageValue interior(ImageValue image) {
    Voxels voxels = Voxels.of(image);
    byte[] cast = toUInt8(voxels);
    byte[] notOne = equalToOne(cast);
    for (int i = 0; i < notOne.length; i++) {
      notOne[i] ^= 1;
    }
    byte[] erodedAway = FlatMorphology.dilate(notOne, voxels.grid(), unitBox(voxels.grid()), false);
    for (int i = 0; i < cast.length; i++) {
      cast[i] = erodedAway[i] != 0 && cast[i] == 1 ? 0 : cast[i];
    }
    return Voxels.mask(image.geometry(), cast);
  }

  public static ImageValue gradient(ImageValue image) {
    Volume volume = Volume.of(image);
    double[] values = volume.values();
    Volume.store(DType.FLOAT32, values);
    Volume cast = volume.with(DType.FLOAT32, values);
    return cast.toImage(DType.FLOAT32, Gradients.gradientMagnitude(cast, true));
  }

  private static StructuringElement unitBox(Grid grid) {
    return grid.dimension() == 3 ? UNIT_BOX_3D : UNIT_BOX_2D;
  }

  /** {@code Cast(img, sitkUInt8)}: ITK's static_cast of every voxel. */
  private static byte[] toUInt8(Voxels voxels) {
    int n = voxels.voxelCount();
    byte[] out = new byte[n];
    switch (voxels.dtype()) {
      case BOOL, UINT8, INT8 -> voxels.buffer().get(0, out);
      default -> {
        for (int i = 0; i < n; i++) {
          out[i] = (byte) PixelCast.stored(DType.UINT8, voxels.get(i));
        }
      }
    }
    return out;
  }

  private static byte[] equalToOne(byte[] values) {
    byte[] set = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      set[i] = values[i] == 1 ? (byte) 1 : 0;
    }
    return set;
  }
}
