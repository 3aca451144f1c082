package org.voxbeam.operators.simpleitk;

import java.util.Map;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.operators.image.PixelCast;

/**
 * Binary and greyscale mathematical morphology with ITK's flat structuring elements: the {@code
 * Binary*} filters (dilate, erode, opening, closing) and the {@code Grayscale*} ones (dilate,
 * erode, opening, closing, morphological gradient, white and black top-hat).
 *
 * <p>The binary filters follow ITK's value rules, not only the set operation: the foreground value
 * marks the set; a dilation writes the foreground where the dilated set is and leaves every other
 * voxel as it was, except input foreground voxels the dilation does not cover, which get the
 * background value; an erosion writes the background where the foreground is eroded away and keeps
 * non-foreground voxels. Outside the image, dilation sees background unless {@code
 * boundaryToForeground}; erosion sees foreground unless {@code boundaryToForeground} is false.
 * Outputs keep the input's pixel type. The fill-hole and by-reconstruction filters add connectivity
 * ({@link Reconstruction}).
 */
final class Morphology implements FilterFamily {

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.ofEntries(
        Map.entry(
            "BinaryDilate",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  binaryDilate(
                      in,
                      element(call, in),
                      call.real("backgroundValue"),
                      call.real("foregroundValue"),
                      call.flag("boundaryToForeground")));
            }),
        Map.entry(
            "BinaryErode",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  binaryErode(
                      in,
                      element(call, in),
                      call.real("backgroundValue"),
                      call.real("foregroundValue"),
                      call.flag("boundaryToForeground")));
            }),
        Map.entry(
            "BinaryMorphologicalOpening",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  binaryOpening(
                      in,
                      element(call, in),
                      call.real("backgroundValue"),
                      call.real("foregroundValue")));
            }),
        Map.entry(
            "BinaryMorphologicalClosing",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  binaryClosing(
                      in,
                      element(call, in),
                      call.real("foregroundValue"),
                      call.flag("safeBorder")));
            }),
        Map.entry(
            "BinaryFillhole",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  binaryFillhole(in, call.flag("fullyConnected"), call.real("foregroundValue")));
            }),
        Map.entry(
            "BinaryOpeningByReconstruction",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  openingByReconstruction(
                      in,
                      element(call, in),
                      call.real("foregroundValue"),
                      call.real("backgroundValue"),
                      call.flag("fullyConnected")));
            }),
        Map.entry(
            "BinaryClosingByReconstruction",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  closingByReconstruction(
                      in,
                      element(call, in),
                      call.real("foregroundValue"),
                      call.flag("fullyConnected")));
            }),
        Map.entry(
            "GrayscaleFillhole",
            call -> {
              Volume in = Volume.of(call.image("image1"));
              return in.toImage(
                  in.dtype(),
                  Reconstruction.fillHoles(in.grid(), in.values(), call.flag("fullyConnected")));
            }),
        Map.entry("GrayscaleDilate", call -> grey(call, Operation.DILATE)),
        Map.entry("GrayscaleErode", call -> grey(call, Operation.ERODE)),
        Map.entry("GrayscaleMorphologicalOpening", call -> grey(call, Operation.OPENING)),
        Map.entry("GrayscaleMorphologicalClosing", call -> grey(call, Operation.CLOSING)),
        Map.entry("MorphologicalGradient", call -> grey(call, Operation.GRADIENT)),
        Map.entry("WhiteTopHat", call -> grey(call, Operation.WHITE_TOP_HAT)),
        Map.entry("BlackTopHat", call -> grey(call, Operation.BLACK_TOP_HAT)));
  }

  private enum Operation {
    DILATE,
    ERODE,
    OPENING,
    CLOSING,
    GRADIENT,
    WHITE_TOP_HAT,
    BLACK_TOP_HAT
  }

  static StructuringElement element(Call call, Volume in) {
    int dimension = in.dimension();
    return StructuringElement.create(
        call, dimension, call.integer("kernelType"), call.integers("kernelRadius", dimension));
  }

  // Binary morphology -------------------------------------------------------------------------

  /** ITK's {@code BinaryDilateImageFilter}; the values are stored as the input type holds them. */
  static double[] binaryDilate(
      Volume in,
      StructuringElement element,
      double background,
      double foreground,
      boolean boundaryToForeground) {
    double fg = PixelCast.stored(in.dtype(), foreground);
    double bg = PixelCast.stored(in.dtype(), background);
    double[] v = in.values();
    byte[] dilated =
        FlatMorphology.dilate(equalTo(v, fg), in.grid(), element, boundaryToForeground);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = dilated[i] != 0 ? fg : v[i] == fg ? bg : v[i];
    }
    return out;
  }

  /** ITK's {@code BinaryErodeImageFilter}. */
  static double[] binaryErode(
      Volume in,
      StructuringElement element,
      double background,
      double foreground,
      boolean boundaryToForeground) {
    double fg = PixelCast.stored(in.dtype(), foreground);
    double bg = PixelCast.stored(in.dtype(), background);
    double[] v = in.values();
    byte[] notForeground = equalTo(v, fg);
    for (int i = 0; i < notForeground.length; i++) {
      notForeground[i] ^= 1;
    }
    byte[] erodedAway =
        FlatMorphology.dilate(notForeground, in.grid(), element, !boundaryToForeground);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double initial = erodedAway[i] != 0 ? bg : fg;
      out[i] = initial == bg && v[i] != fg ? v[i] : initial;
    }
    return out;
  }

  /**
   * ITK's {@code BinaryMorphologicalOpeningImageFilter}: an erosion with the given values, then a
   * dilation whose background is the type's lowest value (ITK's default, which only shows where the
   * element leaves out its centre).
   */
  static double[] binaryOpening(
      Volume in, StructuringElement element, double background, double foreground) {
    double[] eroded = binaryErode(in, element, background, foreground, true);
    return binaryDilate(
        in.with(in.dtype(), eroded), element, Volume.lowest(in.dtype()), foreground, false);
  }

  /**
   * ITK's {@code BinaryMorphologicalClosingImageFilter}: dilation then erosion, with the image
   * padded by the radius with background when {@code safeBorder}, then every voxel that is not
   * foreground restored from the input. The background is 0, or the type's highest value when the
   * foreground is 0.
   */
  static double[] binaryClosing(
      Volume in, StructuringElement element, double foreground, boolean safeBorder) {
    double fg = PixelCast.stored(in.dtype(), foreground);
    double bg = fg == 0 ? Volume.highest(in.dtype()) : 0;
    Volume work = safeBorder ? in.padded(pad(element), bg) : in;
    double[] dilated = binaryDilate(work, element, Volume.lowest(in.dtype()), fg, false);
    double[] closed = binaryErode(work.with(in.dtype(), dilated), element, bg, fg, true);
    double[] out = safeBorder ? in.cropped(work.grid(), closed, pad(element)) : closed;
    double[] v = in.values();
    for (int i = 0; i < out.length; i++) {
      if (out[i] != fg) {
        out[i] = v[i];
      }
    }
    return out;
  }

  /**
   * ITK's {@code BinaryFillholeImageFilter}: the components of the non-foreground voxels that do
   * not touch the image border become foreground; every other voxel keeps its value.
   */
  static double[] binaryFillhole(Volume in, boolean fullyConnected, double foreground) {
    double fg = PixelCast.stored(in.dtype(), foreground);
    double[] v = in.values();
    boolean[] notForeground = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      notForeground[i] = v[i] != fg;
    }
    boolean[] outside =
        Reconstruction.keptComponents(
            in.grid(), notForeground, null, Reconstruction.Verdict.TOUCHES_BORDER, fullyConnected);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = outside[i] ? v[i] : fg;
    }
    return out;
  }

  /**
   * ITK's {@code BinaryOpeningByReconstructionImageFilter}: a binary erosion marks the foreground
   * components to keep (those it leaves a voxel of); kept components are foreground, removed ones
   * background, and non-foreground voxels keep their value.
   */
  static double[] openingByReconstruction(
      Volume in,
      StructuringElement element,
      double foreground,
      double background,
      boolean fullyConnected) {
    double fg = PixelCast.stored(in.dtype(), foreground);
    double bg = PixelCast.stored(in.dtype(), background);
    double[] eroded = binaryErode(in, element, background, foreground, true);
    double[] v = in.values();
    boolean[] mask = new boolean[v.length];
    boolean[] marker = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      mask[i] = v[i] == fg;
      marker[i] = eroded[i] == fg;
    }
    boolean[] kept =
        Reconstruction.keptComponents(
            in.grid(), mask, marker, Reconstruction.Verdict.MEETS_MARKER, fullyConnected);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = kept[i] ? fg : v[i] != fg ? v[i] : bg;
    }
    return out;
  }

  /**
   * ITK's {@code BinaryClosingByReconstructionImageFilter}: a binary dilation marks the
   * non-foreground components that survive (those where it leaves a non-foreground voxel); they
   * keep their values and every other voxel becomes foreground. The background is 0, or the type's
   * highest value when the foreground is 0.
   */
  static double[] closingByReconstruction(
      Volume in, StructuringElement element, double foreground, boolean fullyConnected) {
    double fg = PixelCast.stored(in.dtype(), foreground);
    double bg = fg == 0 ? Volume.highest(in.dtype()) : 0;
    double[] dilated = binaryDilate(in, element, bg, fg, false);
    double[] v = in.values();
    boolean[] mask = new boolean[v.length];
    boolean[] marker = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      mask[i] = v[i] != fg;
      marker[i] = dilated[i] != fg;
    }
    boolean[] kept =
        Reconstruction.keptComponents(
            in.grid(), mask, marker, Reconstruction.Verdict.MEETS_MARKER, fullyConnected);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = kept[i] ? v[i] : fg;
    }
    return out;
  }

  private static int[] pad(StructuringElement element) {
    return new int[] {element.radius(0), element.radius(1), element.radius(2)};
  }

  private static byte[] equalTo(double[] values, double value) {
    byte[] set = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      set[i] = values[i] == value ? (byte) 1 : 0;
    }
    return set;
  }

  // Greyscale morphology ----------------------------------------------------------------------

  private static ImageValue grey(Call call, Operation operation) {
    Volume in = Volume.of(call.image("image1"));
    StructuringElement element = element(call, in);
    boolean safeBorder = call.has("safeBorder") && call.flag("safeBorder");
    DType type = in.dtype();
    double[] out =
        switch (operation) {
          case DILATE -> greyDilate(in, element);
          case ERODE -> greyErode(in, element);
          case OPENING -> greyOpening(in, element, safeBorder);
          case CLOSING -> greyClosing(in, element, safeBorder);
          case GRADIENT -> difference(type, greyDilate(in, element), greyErode(in, element));
          case WHITE_TOP_HAT -> difference(type, in.values(), greyOpening(in, element, safeBorder));
          case BLACK_TOP_HAT -> difference(type, greyClosing(in, element, safeBorder), in.values());
        };
    return in.toImage(type, out);
  }

  /** ITK's {@code GrayscaleDilateImageFilter}: outside voxels are the type's lowest value. */
  static double[] greyDilate(Volume in, StructuringElement element) {
    return FlatMorphology.extreme(in.values(), in.grid(), element, true, Volume.lowest(in.dtype()));
  }

  /** ITK's {@code GrayscaleErodeImageFilter}: outside voxels are the type's highest value. */
  static double[] greyErode(Volume in, StructuringElement element) {
    return FlatMorphology.extreme(
        in.values(), in.grid(), element, false, Volume.highest(in.dtype()));
  }

  /** Erosion then dilation; a safe border pads with the highest value first and crops after. */
  static double[] greyOpening(Volume in, StructuringElement element, boolean safeBorder) {
    Volume work = safeBorder ? in.padded(pad(element), Volume.highest(in.dtype())) : in;
    double[] opened = greyDilate(work.with(in.dtype(), greyErode(work, element)), element);
    return safeBorder ? in.cropped(work.grid(), opened, pad(element)) : opened;
  }

  /** Dilation then erosion; a safe border pads with the lowest value first and crops after. */
  static double[] greyClosing(Volume in, StructuringElement element, boolean safeBorder) {
    Volume work = safeBorder ? in.padded(pad(element), Volume.lowest(in.dtype())) : in;
    double[] closed = greyErode(work.with(in.dtype(), greyDilate(work, element)), element);
    return safeBorder ? in.cropped(work.grid(), closed, pad(element)) : closed;
  }

  /**
   * {@code a - b} as ITK's subtraction functor gives it in the pixel type: computed in the type
   * ({@code float} arithmetic for {@code float32}), then stored.
   */
  private static double[] difference(DType type, double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = type == DType.FLOAT32 ? (float) a[i] - (float) b[i] : a[i] - b[i];
    }
    return out;
  }
}
