package org.voxbeam.operators.simpleitk;

/**
 * The C++ type of a procedure parameter, reduced to what binding an ImgQL value to it needs: an
 * element kind and whether it is a single value, a {@code std::vector} of them, or a vector of
 * vectors.
 */
record ParameterType(Kind kind, int depth) {

  /** The element kinds SimpleITK's procedures take. */
  enum Kind {
    IMAGE("Image"),
    DOUBLE("double"),
    FLOAT("float"),
    BOOL("bool"),
    INT32("int32"),
    UINT8("uint8"),
    UINT32("uint32"),
    INT64("int64"),
    UINT64("uint64"),
    STRING("string"),
    KERNEL("KernelEnum"),
    PIXEL_ID("PixelIDValueEnum"),
    INTERPOLATOR("InterpolatorEnum"),
    ENUM("enum"),
    TRANSFORM("Transform"),
    NDARRAY("ndarray"),
    MAP("map<double,double>");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    static Kind of(String spelling) {
      for (Kind kind : values()) {
        if (kind.spelling.equals(spelling)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown SimpleITK parameter type " + spelling);
    }

    boolean isInteger() {
      return switch (this) {
        case INT32, UINT8, UINT32, INT64, UINT64 -> true;
        default -> false;
      };
    }

    /** The smallest and largest value of an integer kind. */
    double[] range() {
      return switch (this) {
        case UINT8 -> new double[] {0, 255};
        case INT32 -> new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        case UINT32 -> new double[] {0, 4294967295.0};
        case INT64 -> new double[] {-0x1p63, 0x1p63};
        case UINT64 -> new double[] {0, 0x1p64};
        default -> throw new IllegalStateException(this + " is not an integer kind");
      };
    }
  }

  /** Reads {@code double}, {@code vector<uint32>}, {@code vector<vector<double>>}. */
  static ParameterType parse(String text) {
    int depth = 0;
    String element = text;
    while (element.startsWith("vector<") && element.endsWith(">")) {
      element = element.substring("vector<".length(), element.length() - 1);
      depth++;
    }
    return new ParameterType(Kind.of(element), depth);
  }

  boolean isImage() {
    return kind == Kind.IMAGE && depth == 0;
  }

  @Override
  public String toString() {
    String out = kind.spelling;
    for (int i = 0; i < depth; i++) {
      out = "vector<" + out + ">";
    }
    return out;
  }
}
