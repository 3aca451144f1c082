package org.voxbeam.operators.image.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ColourImage;
import org.voxbeam.operators.image.Voxels;

/**
 * Reads and writes PNG pictures (8 and 16-bit grey, RGB, RGBA) through {@code javax.imageio}. Grey
 * pictures become one 2D image ({@code uint8} or {@code uint16}); colour pictures become a {@link
 * ColourImage}. PNG has no geometry: spacing 1, origin 0, identity direction, as ITK reads it.
 */
final class PngCodec {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int IHDR_END = 26;

  private final ImageLimits limits;

  /** A codec with the default limits. */
  public PngCodec() {
    this(ImageLimits.DEFAULTS);
  }

  public PngCodec(ImageLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads {@code file}: an {@link ImageValue} for grey pictures, a colour mapping otherwise. The
   * size in the {@code IHDR} chunk is checked against the limits before anything is decoded.
   */
  public Value read(Path file) throws IOException {
    return read(file.toString(), Files.newInputStream(file));
  }

  /**
   * Reads the picture {@code content} holds, as {@link #read(Path)} reads a file, and closes it.
   *
   * @param file the file's name (a path or a URI), for messages
   */
  public Value read(String file, InputStream content) throws IOException {
    BufferedImage picture;
    try (InputStream in = new BufferedInputStream(content)) {
      in.mark(IHDR_END);
      checkHeader(file, in.readNBytes(IHDR_END));
      in.reset();
      picture = ImageIO.read(in);
    } catch (IIOException e) {
      throw new ImageFormatException(file, "PNG stream", String.valueOf(e.getMessage()), e);
    }
    if (picture == null) {
      throw new ImageFormatException(
          file, "signature", "not a PNG (or any picture format the runtime reads)");
    }
    Raster raster = picture.getRaster();
    ColorModel model = picture.getColorModel();
    int bits = model.getComponentSize(0);
    DType type = bits > 8 ? DType.UINT16 : DType.UINT8;
    int bands = raster.getNumBands();
    ImageGeometry geometry = planeGeometry(picture.getWidth(), picture.getHeight());
    if (bands == 1 && model.getNumComponents() == 1) {
      return channel(raster, 0, type, geometry);
    }
    if (bands == 1) {
      picture = expandPalette(picture);
      raster = picture.getRaster();
      bands = raster.getNumBands();
    }
    if (bands < 3) {
      throw new ImageFormatException(file, "colour type", "grey with alpha is not supported");
    }
    List<ImageValue> channels = new ArrayList<>();
    for (int band = 0; band < bands; band++) {
      channels.add(channel(raster, band, type, geometry));
    }
    return new ColourImage(
            channels.get(0),
            channels.get(1),
            channels.get(2),
            bands > 3 ? Optional.of(channels.get(3)) : Optional.empty())
        .toValue();
  }

  /**
   * Refuses a picture whose {@code IHDR} promises more pixels, or more raw sample bytes, than the
   * limits allow. A file that is not a PNG passes here and is refused by the decoder.
   */
  private void checkHeader(String file, byte[] head) throws ImageFormatException {
    if (head.length < IHDR_END
        || !Arrays.equals(head, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)
        || head[12] != 'I'
        || head[13] != 'H'
        || head[14] != 'D'
        || head[15] != 'R') {
      return;
    }
    ByteBuffer ihdr = ByteBuffer.wrap(head);
    long width = Integer.toUnsignedLong(ihdr.getInt(16));
    long height = Integer.toUnsignedLong(ihdr.getInt(20));
    long pixels = width * height;
    if (pixels > limits.maxVoxels()) {
      throw limits.tooManyVoxels(file, "IHDR", pixels);
    }
    int bitDepth = head[24];
    int samples =
        switch (head[25]) {
          case 2 -> 3;
          case 4 -> 2;
          case 6 -> 4;
          default -> 1;
        };
    long bytes = pixels * samples * Math.max(1, bitDepth / 8);
    if (bytes > limits.maxDecompressedBytes()) {
      throw limits.tooManyBytes(file, "IHDR", bytes);
    }
  }

  private static BufferedImage expandPalette(BufferedImage indexed) {
    boolean alpha = indexed.getColorModel().hasAlpha();
    BufferedImage rgb =
        new BufferedImage(
            indexed.getWidth(),
            indexed.getHeight(),
            alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
    rgb.createGraphics().drawImage(indexed, 0, 0, null);
    return rgb;
  }

  private static ImageValue channel(Raster raster, int band, DType type, ImageGeometry geometry) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    byte[] out = new byte[width * height * type.byteSize()];
    ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      raster.getSamples(0, y, width, 1, band, row);
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        if (type == DType.UINT8) {
          out[i] = (byte) row[x];
        } else {
          o.putShort(i * 2, (short) row[x]);
        }
      }
    }
    return new ImageValue(geometry, type, InMemoryBlob.adopt(out));
  }

  static ImageGeometry planeGeometry(long width, long height) {
    return new ImageGeometry(
        List.of(width, height), List.of(1.0, 1.0), List.of(0.0, 0.0), List.of(1.0, 0.0, 0.0, 1.0));
  }

  /**
   * Writes a 2D grey image ({@code uint8}/{@code bool} as 8-bit, {@code uint16} as 16-bit) or a
   * colour mapping. Other voxel types have no lossless PNG form and are refused.
   */
  public void write(Path file, Value value) throws IOException {
    BufferedImage picture;
    Optional<ColourImage> colour = ColourImage.from(value);
    if (colour.isPresent()) {
      picture = colourPicture(file, colour.get());
    } else if (value instanceof ImageValue image) {
      requirePlane(file, image);
      picture = greyPicture(file, image);
    } else {
      throw new ImageFormatException(
          file, "value", "a " + value.voxType() + " cannot be written as PNG");
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".voxbeam-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        ImageIO.write(picture, "png", out);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * PNG holds one plane: a 2D image, or a volume one slice thick, whose slice ITK's PNG writer
   * writes as the picture. ITK writes the first slice of a thicker volume and drops the rest;
   * VoxBeam refuses it instead of losing voxels silently.
   */
  private static void requirePlane(Path file, ImageValue image) throws ImageFormatException {
    List<Long> size = image.geometry().size();
    if (size.size() == 3 && size.get(2) != 1) {
      throw new ImageFormatException(
          file,
          "dimension",
          "PNG holds one plane: a 2D image or a volume one slice thick, got a volume of size "
              + size);
    }
  }

  private static int pictureType(Path file, DType type) throws ImageFormatException {
    return switch (type) {
      case BOOL, UINT8 -> BufferedImage.TYPE_BYTE_GRAY;
      case UINT16 -> BufferedImage.TYPE_USHORT_GRAY;
      default ->
          throw new ImageFormatException(
              file,
              "voxel type",
              type.numpyName() + " has no PNG form; PNG stores uint8 or uint16");
    };
  }

  private static BufferedImage greyPicture(Path file, ImageValue image)
      throws ImageFormatException {
    Voxels voxels = Voxels.of(image);
    int width = voxels.grid().nx();
    int height = voxels.grid().ny();
    BufferedImage picture = new BufferedImage(width, height, pictureType(file, image.dtype()));
    fill(picture.getRaster(), 0, voxels);
    return picture;
  }

  private static BufferedImage colourPicture(Path file, ColourImage colour)
      throws ImageFormatException {
    List<ImageValue> channels = colour.channels();
    ImageValue first = channels.get(0);
    requirePlane(file, first);
    int bits = pictureType(file, first.dtype()) == BufferedImage.TYPE_USHORT_GRAY ? 16 : 8;
    for (ImageValue channel : channels) {
      if (channel.dtype() != first.dtype()) {
        throw new ImageFormatException(
            file,
            "voxel type",
            "colour channels mix "
                + first.dtype().numpyName()
                + " and "
                + channel.dtype().numpyName());
      }
    }
    int width = Math.toIntExact(first.geometry().size().get(0));
    int height = Math.toIntExact(first.geometry().size().get(1));
    boolean alpha = channels.size() == 4;
    java.awt.color.ColorSpace srgb =
        java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB);
    int[] sizes = alpha ? new int[] {bits, bits, bits, bits} : new int[] {bits, bits, bits};
    ColorModel model =
        new java.awt.image.ComponentColorModel(
            srgb,
            sizes,
            alpha,
            false,
            alpha ? java.awt.Transparency.TRANSLUCENT : java.awt.Transparency.OPAQUE,
            bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
    WritableRaster raster = model.createCompatibleWritableRaster(width, height);
    for (int band = 0; band < channels.size(); band++) {
      fill(raster, band, Voxels.of(channels.get(band)));
    }
    return new BufferedImage(model, raster, false, null);
  }

  private static void fill(WritableRaster raster, int band, Voxels voxels) {
    int width = voxels.grid().nx();
    int height = voxels.grid().ny();
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        row[x] = (int) voxels.get(y * width + x);
      }
      raster.setSamples(0, y, width, 1, band, row);
    }
  }
}
