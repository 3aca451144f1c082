package org.voxbeam.benchmarks.frontend;

import java.util.Locale;

/**
 * A program shape of the front end benchmark and how it is written for a size. The same shapes as
 * the test kit's, written here again because the benchmark jar must not depend on test code.
 */
enum ProgramShape {
  /** {@code x0 = 1}, {@code xi = x(i-1) + 1}: one declaration per line. */
  DECLARATIONS("declarations chain") {
    @Override
    String program(int size) {
      StringBuilder program = new StringBuilder("x0 = 1\n");
      for (int i = 1; i < size; i++) {
        program.append('x').append(i).append(" = x").append(i - 1).append(" + 1\n");
      }
      return program.append("print \"r\" x").append(size - 1).append('\n').toString();
    }
  },
  /** {@code fi(x) = f(i-1)(x) + f(i-1)(x)}: 2^size calls when inlined without sharing. */
  DOUBLING("doubling chain (depth)") {
    @Override
    String program(int size) {
      StringBuilder program = new StringBuilder("f0(x) = x + 1\n");
      for (int i = 1; i <= size; i++) {
        program.append("f" + i + "(x) = f" + (i - 1) + "(x) + f" + (i - 1) + "(x)\n");
      }
      return program.append("print \"r\" f").append(size).append("(1)\n").toString();
    }
  },
  /** {@code fi(x) = f(i-1)(x) + 1}: calls nested {@code size} deep. */
  DEFINITIONS("definition chain") {
    @Override
    String program(int size) {
      StringBuilder program = new StringBuilder("f0(x) = x + 1\n");
      for (int i = 1; i < size; i++) {
        program.append('f').append(i).append("(x) = f").append(i - 1).append("(x) + 1\n");
      }
      return program.append("print \"r\" f").append(size - 1).append("(0)\n").toString();
    }
  },
  /** {@code size} comment lines and one print. */
  COMMENTS("comment lines") {
    @Override
    String program(int size) {
      String line = "// a comment line of some length, as programs have them\n";
      return line.repeat(size) + "print \"x\" 1\n";
    }
  },
  /** {@code size} prints of distinct sums. */
  PRINTS("prints") {
    @Override
    String program(int size) {
      StringBuilder program = new StringBuilder();
      for (int i = 0; i < size; i++) {
        program.append("print \"p").append(i).append("\" ").append(i).append(" + 1\n");
      }
      return program.toString();
    }
  };

  private final String label;

  ProgramShape(String label) {
    this.label = label;
  }

  abstract String program(int size);

  String label(int size) {
    return String.format(Locale.ROOT, "%s, %,d", label, size);
  }

  /** Parses {@code declarations:1000}. */
  static ProgramShape named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
