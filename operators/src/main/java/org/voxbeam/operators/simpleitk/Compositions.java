package org.voxbeam.operators.simpleitk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Grid;
import org.voxbeam.operators.image.PhysicalSpace;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;

/**
 * Images made of several images: {@code Paste} (of an image or a constant), {@code CheckerBoard}
 * and {@code JoinSeries}. Inputs must have the primary input's pixel type, as SimpleITK requires;
 * {@code CheckerBoard} and {@code JoinSeries} also need them to occupy the same physical space, as
 * ITK requires, while {@code Paste} places the source by index alone.
 */
final class Compositions implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of(
        "Paste", Compositions::paste,
        "CheckerBoard", Compositions::checkerBoard,
        "JoinSeries", Compositions::joinSeries);
  }

  private static void requireSamePixelType(
      Call call, ImageValue primary, ImageValue other, String otherName) {
    if (PixelId.of(primary.dtype()) != PixelId.of(other.dtype())) {
      throw call.failure(
          "input \""
              + otherName
              + "\" has pixel type "
              + PixelId.of(other.dtype()).description()
              + ", which does not match the primary"
              + " input's pixel type "
              + PixelId.of(primary.dtype()).description());
    }
  }

  /**
   * ITK's {@code PasteImageFilter}: the destination with the source region (or a constant) written
   * at {@code destinationIndex}; the part falling outside the destination is dropped. With {@code
   * DestinationSkipAxes} a 2D source goes into a 3D destination, its axes filling the destination
   * axes that are not skipped.
   */
  private static Value paste(Call call) {
    ImageValue destination = call.image("destinationImage");
    ImageGeometry g = destination.geometry();
    int dims = g.dimension();
    ImageValue source = call.has("sourceImage") ? call.image("sourceImage") : null;
    if (source != null) {
      requireSamePixelType(call, destination, source, "sourceImage");
    }
    int sourceDims = source != null ? source.geometry().dimension() : dims;
    boolean[] skip = call.flags("DestinationSkipAxes");
    if (skip.length == 0) {
      skip = new boolean[dims];
    } else if (skip.length < dims) {
      throw call.failure("DestinationSkipAxes needs " + dims + " values, got " + skip.length);
    }
    int skipped = 0;
    for (int d = 0; d < dims; d++) {
      skipped += skip[d] ? 1 : 0;
    }
    if (sourceDims > dims || skipped != dims - sourceDims) {
      throw call.failure(
          "the number of skipped axes "
              + Arrays.toString(Arrays.copyOf(skip, dims))
              + " does not match the difference in destination and source image dimensions");
    }
    long[] sourceSize = call.integers("sourceSize", sourceDims);
    long[] sourceIndex = call.integers("sourceIndex", sourceDims);
    long[] destinationIndex = call.integers("destinationIndex", dims);
    if (source != null) {
      for (int s = 0; s < sourceDims; s++) {
        long extent = source.geometry().size().get(s);
        if (sourceIndex[s] < 0 || sourceIndex[s] + sourceSize[s] > extent) {
          throw call.failure(
              "the source region at "
                  + Arrays.toString(sourceIndex)
                  + " of size "
                  + Arrays.toString(sourceSize)
                  + " is outside the source image of size "
                  + source.geometry().size());
        }
      }
    }
    long[] lo = new long[3];
    long[] hi = {1, 1, 1};
    int[] sourceAxis = {-1, -1, -1};
    for (int d = 0, s = 0; d < dims; d++) {
      long extent = skip[d] ? 1 : sourceSize[s];
      if (!skip[d]) {
        sourceAxis[d] = s++;
      }
      lo[d] = Math.max(0, destinationIndex[d]);
      hi[d] = Math.min(g.size().get(d), destinationIndex[d] + extent);
    }
    Voxels out = Voxels.of(destination);
    int width = destination.dtype().byteSize();
    byte[] bytes = AxisMaps.bytes(out).clone();
    if (lo[0] < hi[0] && lo[1] < hi[1] && lo[2] < hi[2]) {
      Grid target = out.grid();
      byte[] fill = new byte[width];
      byte[] from = null;
      Grid sourceGrid = null;
      if (source != null) {
        Voxels sourceVoxels = Voxels.of(source);
        from = AxisMaps.bytes(sourceVoxels);
        sourceGrid = sourceVoxels.grid();
      } else {
        PixelCast.put(
            ByteBuffer.wrap(fill).order(ByteOrder.LITTLE_ENDIAN),
            destination.dtype(),
            0,
            call.real("constant"));
      }
      long[] shift = new long[3];
      for (int d = 0; d < dims; d++) {
        if (sourceAxis[d] >= 0) {
          shift[d] = sourceIndex[sourceAxis[d]] - destinationIndex[d];
        }
      }
      int[] position = new int[3];
      int[] inSource = new int[3];
      for (position[2] = (int) lo[2]; position[2] < hi[2]; position[2]++) {
        for (position[1] = (int) lo[1]; position[1] < hi[1]; position[1]++) {
          for (position[0] = (int) lo[0]; position[0] < hi[0]; position[0]++) {
            int at = target.index(position[0], position[1], position[2]) * width;
            if (from == null) {
              System.arraycopy(fill, 0, bytes, at, width);
              continue;
            }
            for (int d = 0; d < 3; d++) {
              if (sourceAxis[d] >= 0) {
                inSource[sourceAxis[d]] = (int) (position[d] + shift[d]);
              }
            }
            int in = sourceGrid.index(inSource[0], inSource[1], inSource[2]);
            System.arraycopy(from, in * width, bytes, at, width);
          }
        }
      }
    }
    return new ImageValue(g, destination.dtype(), InMemoryBlob.adopt(bytes));
  }

  /**
   * ITK's {@code CheckerBoardImageFilter}: voxel i comes from the second image when the sum over
   * the axes of i / (size / pattern) is odd, from the first otherwise.
   */
  private static Value checkerBoard(Call call) {
    ImageValue first = call.image("image1");
    ImageValue second = call.image("image2");
    requireSamePixelType(call, first, second, "image2");
    PhysicalSpace.requireSameSpace(first.geometry(), second.geometry(), "image2", "CheckerBoard");
    ImageGeometry g = first.geometry();
    int dims = g.dimension();
    long[] pattern = call.integers("checkerPattern", dims);
    long[] factor = {1, 1, 1};
    for (int d = 0; d < dims; d++) {
      factor[d] = pattern[d] == 0 ? 0 : g.size().get(d) / pattern[d];
      if (factor[d] == 0) {
        throw call.failure(
            "the checker pattern "
                + Arrays.toString(pattern)
                + " must have between 1 and as many squares as the image has voxels along each axis "
                + g.size());
      }
    }
    Voxels a = Voxels.of(first);
    Grid grid = a.grid();
    byte[] one = AxisMaps.bytes(a);
    byte[] two = AxisMaps.bytes(Voxels.of(second));
    int width = first.dtype().byteSize();
    byte[] out = new byte[one.length];
    for (int z = 0; z < grid.nz(); z++) {
      for (int y = 0; y < grid.ny(); y++) {
        for (int x = 0; x < grid.nx(); x++) {
          long sum = x / factor[0] + y / factor[1] + z / factor[2];
          int at = grid.index(x, y, z) * width;
          System.arraycopy((sum & 1) == 1 ? two : one, at, out, at, width);
        }
      }
    }
    return new ImageValue(g, first.dtype(), InMemoryBlob.adopt(out));
  }

  /**
   * ITK's {@code JoinSeriesImageFilter}: 2D images stacked into a 3D one; the new axis has the
   * given spacing and origin, and the direction keeps the inputs' in its first two axes.
   */
  private static Value joinSeries(Call call) {
    List<ImageValue> images = new ArrayList<>();
    if (call.has("images")) {
      images.addAll(call.images("images"));
    } else {
      for (int i = 1; call.has("image" + i); i++) {
        images.add(call.image("image" + i));
      }
    }
    if (images.isEmpty()) {
      throw call.failure("at least one image is needed");
    }
    ImageValue primary = images.get(0);
    ImageGeometry g = primary.geometry();
    if (g.dimension() != 2) {
      throw call.failure(
          "joining "
              + g.dimension()
              + "D images would make a "
              + (g.dimension() + 1)
              + "D image; VoxBeam images have 2 or 3 dimensions");
    }
    for (int i = 1; i < images.size(); i++) {
      requireSamePixelType(call, primary, images.get(i), "image" + (i + 1));
      PhysicalSpace.requireSameSpace(g, images.get(i).geometry(), "image" + (i + 1), "JoinSeries");
    }
    long[] size = {g.size().get(0), g.size().get(1), images.size()};
    double[] spacing = {g.spacing().get(0), g.spacing().get(1), call.real("spacing")};
    double[] origin = {g.origin().get(0), g.origin().get(1), call.real("origin")};
    List<Double> d = g.direction();
    double[] direction = {d.get(0), d.get(1), 0, d.get(2), d.get(3), 0, 0, 0, 1};
    int slice = Math.toIntExact(g.voxelCount() * primary.dtype().byteSize());
    byte[] out = new byte[slice * images.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(AxisMaps.bytes(Voxels.of(images.get(i))), 0, out, i * slice, slice);
    }
    return new ImageValue(
        AxisMaps.geometry(size, spacing, origin, direction),
        primary.dtype(),
        InMemoryBlob.adopt(out));
  }
}
