package org.voxbeam.transforms.image.ops;

import java.util.concurrent.atomic.AtomicReference;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageGeometry;

/**
 * The "model" of a VoxLogicA run: the geometry of the most recent image an image operator saw.
 * Nullary operators ({@code tt}, {@code ff}, {@code constant}, {@code border}, {@code x} …)
 * build images of this geometry, as in VoxLogicA-2 where they use the last image remembered.
 * Only the geometry is kept, never the voxels, so remembering costs nothing.
 */
public final class BaseImage {
  private final AtomicReference<ImageGeometry> geometry = new AtomicReference<>();

  public void remember(ImageGeometry seen) {
    geometry.set(seen);
  }

  public ImageGeometry require() {
    ImageGeometry current = geometry.get();
    if (current == null) {
      throw new OperatorException("No model loaded (base image is undefined)");
    }
    return current;
  }
}
