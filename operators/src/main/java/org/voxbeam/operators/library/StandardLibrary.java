package org.voxbeam.operators.library;

import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.operators.arrays.ArraysOperators;
import org.voxbeam.operators.defaults.HigherOrderOperators;
import org.voxbeam.operators.defaults.ScalarOperators;
import org.voxbeam.operators.defaults.SequenceOperators;
import org.voxbeam.operators.files.FileSystemOperators;
import org.voxbeam.operators.geom.GeomOperators;
import org.voxbeam.operators.image.ImageFileOperators;
import org.voxbeam.operators.image.OverlayOperator;
import org.voxbeam.operators.image.Vox1ImageOperators;
import org.voxbeam.operators.image.io.ImageLimits;
import org.voxbeam.operators.simpleitk.SimpleItkLibrary;
import org.voxbeam.operators.strings.StringsOperators;
import org.voxbeam.operators.vox1.Vox1ScalarOperators;

/** Every operator VoxBeam ships, assembled into one registry. */
public final class StandardLibrary {
  private StandardLibrary() {}

  /**
   * The libraries VoxBeam ships, for callers that add their own operators. They hold no state
   * between calls, so one registry serves any number of concurrent runs.
   */
  public static List<OperatorLibrary> libraries() {
    return libraries(FileAccess.UNRESTRICTED);
  }

  /** The shipped libraries, with file operators confined by {@code access}. */
  public static List<OperatorLibrary> libraries(FileAccess access) {
    return libraries(access, ImageLimits.DEFAULTS);
  }

  /**
   * The shipped libraries, with file operators confined by {@code access} and image files read
   * within {@code limits}.
   */
  public static List<OperatorLibrary> libraries(FileAccess access, ImageLimits limits) {
    return List.of(
        new ScalarOperators(),
        new SequenceOperators(),
        new HigherOrderOperators(),
        new StringsOperators(),
        new Vox1ScalarOperators(),
        new Vox1ImageOperators(),
        new OverlayOperator(),
        new FileSystemOperators(access),
        new ImageFileOperators(access, limits),
        new SimpleItkLibrary(access, limits),
        new ArraysOperators(),
        new GeomOperators(),
        new PeerRuntimeOperators());
  }

  /** A registry of the shipped operators. */
  public static OperatorRegistry registry() {
    return registry(List.of());
  }

  /** A registry of the shipped operators whose file operators are confined by {@code access}. */
  public static OperatorRegistry registry(FileAccess access) {
    return OperatorRegistry.of(libraries(access).toArray(new OperatorLibrary[0]));
  }

  /** A registry of the shipped operators, file operators confined and images limited. */
  public static OperatorRegistry registry(FileAccess access, ImageLimits limits) {
    return OperatorRegistry.of(libraries(access, limits).toArray(new OperatorLibrary[0]));
  }

  /** A registry of the shipped operators plus {@code extra}. */
  public static OperatorRegistry registry(List<OperatorLibrary> extra) {
    List<OperatorLibrary> all = new ArrayList<>(libraries());
    all.addAll(extra);
    return OperatorRegistry.of(all.toArray(new OperatorLibrary[0]));
  }
}
