package org.voxbeam.operators.simpleitk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ImageOutput;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.image.ops.ConnectedComponents;

/**
 * Label images: {@code ConnectedComponent}, {@code ScalarConnectedComponent}, {@code
 * RelabelComponent}, {@code LabelContour} and {@code BinaryContour}, with ITK's defaults (face
 * connectivity unless {@code fullyConnected}), label order and output pixel types (the components
 * are {@code uint32}; relabelling and contours keep the input's type).
 */
final class Labels implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "ConnectedComponent", Labels::connectedComponent,
        "ScalarConnectedComponent", Labels::scalarConnectedComponent,
        "RelabelComponent", Labels::relabelComponent,
        "LabelContour",
            call ->
                Contours.label(
                    Voxels.of(call.image("image1")),
                    call.real("backgroundValue"),
                    call.flag("fullyConnected")),
        "BinaryContour",
            call ->
                Contours.binary(
                    Voxels.of(call.image("image1")),
                    call.real("foregroundValue"),
                    call.real("backgroundValue"),
                    call.flag("fullyConnected")));
  }

  private static Value connectedComponent(Call call) {
    ImageValue image = call.image("image");
    Voxels voxels = Voxels.of(image);
    byte[] foreground = voxels.toMask();
    byte[] mask = mask(call, image);
    if (mask != null) {
      for (int i = 0; i < foreground.length; i++) {
        foreground[i] &= mask[i];
      }
    }
    ConnectedComponents components =
        ConnectedComponents.label(voxels.grid(), foreground, call.flag("fullyConnected"));
    return uint32(image.geometry(), components.labels());
  }

  private static Value scalarConnectedComponent(Call call) {
    ImageValue image = call.image("image");
    ConnectedComponents components =
        ConnectedComponents.labelSimilar(
            Voxels.of(image),
            mask(call, image),
            call.real("distanceThreshold"),
            call.flag("fullyConnected"));
    return uint32(image.geometry(), components.labels());
  }

  /**
   * The optional {@code maskImage}, which SimpleITK passes to ITK as a {@code uint8} image of the
   * primary input's size; ITK then requires the two to occupy the same physical space.
   */
  private static byte[] mask(Call call, ImageValue image) {
    if (!call.has("maskImage")) {
      return null;
    }
    ImageValue mask = call.image("maskImage");
    if (PixelId.of(mask.dtype()) != PixelId.UINT8) {
      throw call.failure(
          "the maskImage must have pixel type "
              + PixelId.UINT8.description()
              + ", got "
              + PixelId.of(mask.dtype()).description());
    }
    PhysicalSpace.requireSameSpace(
        image.geometry(), mask.geometry(), "maskImage", call.procedure().name());
    return Voxels.of(mask).toMask();
  }

  /**
   * ITK's {@code RelabelComponentImageFilter}: the non-zero labels numbered 1, 2, … by decreasing
   * voxel count, ties by increasing original label (or by label alone without sorting); objects
   * smaller than {@code minimumObjectSize} become background.
   */
  private static Value relabelComponent(Call call) {
    ImageValue image = call.image("image1");
    Voxels voxels = Voxels.of(image);
    long minimum = call.integer("minimumObjectSize");
    boolean sort = call.flag("sortByObjectSize");
    int n = voxels.voxelCount();
    long[] keys = new long[n];
    int objects = 0;
    long background = backgroundKey(image.dtype());
    for (int i = 0; i < n; i++) {
      long key = LabelKeys.of(voxels, i);
      if (key != background) {
        keys[objects++] = key;
      }
    }
    long[] present = Arrays.copyOf(keys, objects);
    Arrays.sort(present);
    long[] labels = new long[objects];
    long[] sizes = new long[objects];
    int distinct = 0;
    for (int i = 0; i < objects; i++) {
      if (distinct > 0 && labels[distinct - 1] == present[i]) {
        sizes[distinct - 1]++;
      } else {
        labels[distinct] = present[i];
        sizes[distinct++] = 1;
      }
    }
    Integer[] order = new Integer[distinct];
    for (int i = 0; i < distinct; i++) {
      order[i] = i;
    }
    if (sort) {
      Arrays.sort(
          order,
          (a, b) ->
              sizes[a] != sizes[b]
                  ? Long.compare(sizes[b], sizes[a])
                  : Long.compare(labels[a], labels[b]));
    }
    long[] relabelled = new long[distinct];
    long next = 0;
    double largest = maximum(image.dtype());
    for (int rank = 0; rank < distinct; rank++) {
      int object = order[rank];
      if (minimum > 0 && sizes[object] < minimum) {
        continue;
      }
      if (next == largest) {
        throw call.failure(
            "output voxel range exceeded for relabeling: too many objects of"
                + " sufficient size for pixel type "
                + PixelId.of(image.dtype()).description());
      }
      relabelled[object] = ++next;
    }
    ImageOutput out = new ImageOutput(image.geometry(), image.dtype());
    for (int i = 0; i < n; i++) {
      long key = LabelKeys.of(voxels, i);
      out.set(i, key == background ? 0 : relabelled[Arrays.binarySearch(labels, 0, distinct, key)]);
    }
    return out.toValue();
  }

  /** The order key of label 0, the background. */
  private static long backgroundKey(DType dtype) {
    return dtype == DType.UINT64 ? Long.MIN_VALUE : 0;
  }

  /** The largest value of an integer pixel type, as ITK's {@code NumericTraits::max}. */
  private static double maximum(DType dtype) {
    return switch (dtype) {
      case BOOL, UINT8 -> 255;
      case INT8 -> 127;
      case UINT16 -> 65535;
      case INT16 -> 32767;
      case UINT32 -> 4294967295.0;
      case INT32 -> Integer.MAX_VALUE;
      case INT64 -> 0x1p63;
      case UINT64 -> 0x1p64;
      case FLOAT32, FLOAT64 -> throw new IllegalStateException("labels are integers");
    };
  }

  /** A {@code uint32} image of labels, written as one block. */
  static ImageValue uint32(ImageGeometry geometry, int[] labels) {
    byte[] bytes = new byte[labels.length * 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(labels);
    return new ImageValue(geometry, DType.UINT32, InMemoryBlob.adopt(bytes));
  }
}
