package org.voxbeam.operators.image.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;

/**
 * VoxLogicA's "model": the image whose geometry the nullary image makers ({@code tt}, {@code ff},
 * {@code constant}, {@code bconstant}, {@code border}, {@code x}, {@code y}, {@code z}) take. In
 * VoxLogicA-1 the model is the image the program loads; VoxLogicA-2 remembers the last image any
 * kernel saw, in a process-wide variable. VoxBeam passes the model as data instead: the engine
 * hands each maker the images the program loads (as the named argument {@link #ARGUMENT}, which is
 * not an ImgQL name and so never collides with a program's argument), and the maker fails with a
 * message saying what to do when none reached it. So a maker never runs before the loads, two runs
 * in one process never see each other's images, and a Beam worker needs no memory of earlier work.
 *
 * @param image an image of the model's geometry; only its geometry is used
 */
public record ImageModel(ImageValue image) {
  /** The named argument that carries the model to a maker. */
  public static final String ARGUMENT = "$model";

  private static final Set<String> MAKERS =
      Set.of(
          "vox1.tt",
          "vox1.ff",
          "vox1.constant",
          "vox1.bconstant",
          "vox1.border",
          "vox1.x",
          "vox1.y",
          "vox1.z");
  private static final Set<String> LOADERS = Set.of("simpleitk.ReadImage", "default.load");

  public ImageGeometry geometry() {
    return image.geometry();
  }

  /** Whether the qualified operator builds an image from the model alone. */
  public static boolean isMaker(String qualifiedOperator) {
    return MAKERS.contains(qualifiedOperator);
  }

  /** Whether the qualified operator loads images from files, and so defines the model. */
  public static boolean isLoader(String qualifiedOperator) {
    return LOADERS.contains(qualifiedOperator);
  }

  /**
   * The model defined by {@code loaded}, the values of a program's loads in a fixed order: the
   * first image, provided every image has its size. Values that are not images (a loaded text file)
   * are ignored.
   *
   * @return empty when no value is an image
   * @throws OperatorException when the images differ in size, since which one a maker should follow
   *     is then a guess
   */
  public static Optional<ImageModel> of(List<Value> loaded) {
    ImageValue first = null;
    for (Value value : loaded) {
      if (value instanceof ImageValue image) {
        if (first == null) {
          first = image;
        } else if (!first.geometry().size().equals(image.geometry().size())) {
          throw new OperatorException(
              "the images this program loads differ in size ("
                  + sizeText(first.geometry())
                  + " and "
                  + sizeText(image.geometry())
                  + "), so the image tt, constant, x … should take is ambiguous; build it from one image"
                  + " instead, e.g. img >= min(img) for tt");
        }
      }
    }
    return Optional.ofNullable(first).map(ImageModel::new);
  }

  /** {@code arguments} plus the model, for a maker. */
  public Arguments attachTo(Arguments arguments) {
    Map<String, Value> named = new HashMap<>(arguments.named());
    named.put(ARGUMENT, image);
    return new Arguments(arguments.positional(), named, arguments.attrs(), arguments.reads());
  }

  /**
   * The model the engine passed to the maker {@code operator}.
   *
   * @throws OperatorException naming the fix when there is none
   */
  public static ImageGeometry require(Arguments arguments, String operator) {
    Optional<Value> model = arguments.named(ARGUMENT);
    if (model.isPresent() && model.get() instanceof ImageValue image) {
      return image.geometry();
    }
    throw new OperatorException(
        "No model loaded: "
            + operator
            + " builds an image the size of the"
            + " program's loaded image, and this program loads none where "
            + operator
            + " is used;"
            + " load an image (ReadImage or load) in the program, or in the same function body when "
            + operator
            + " is used inside map/for");
  }

  private static String sizeText(ImageGeometry geometry) {
    StringBuilder text = new StringBuilder();
    for (Long extent : geometry.size()) {
      text.append(text.length() == 0 ? "" : "×").append(extent);
    }
    return text.toString();
  }
}
