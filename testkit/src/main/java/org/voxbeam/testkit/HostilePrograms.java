package org.voxbeam.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Generators of ImgQL programs that stress a front end by their size or shape rather than by being
 * wrong: many comments, deep nesting, wide and deep function chains, huge literals. Each is a plain
 * function of its size, so a fast test and a long campaign use the same shapes, and each says what
 * a correct front end must make of it.
 */
public final class HostilePrograms {
  private HostilePrograms() {}

  /** {@code lines} comment lines around one print of 1: must print {@code x=1.0}. */
  public static String commentLines(int lines) {
    return IntStream.range(0, lines)
            .mapToObj(i -> "// comment line " + i + " with some words in it\n")
            .collect(Collectors.joining())
        + "print \"x\" 1\n";
  }

  /** One comment of {@code bytes} characters on a single line, then a print of 1. */
  public static String hugeComment(int bytes) {
    return "//" + "c".repeat(Math.max(0, bytes - 2)) + "\nprint \"x\" 1\n";
  }

  /**
   * {@code f0(x) = x + 1} and {@code fi(x) = f(i-1)(x) + f(i-1)(x)}, printing {@code fdepth(1)}:
   * inlined naively it costs 2^depth calls; its value is 2^(depth+1).
   */
  public static String doublingChain(int depth) {
    StringBuilder program = new StringBuilder("f0(x) = x + 1\n");
    for (int i = 1; i <= depth; i++) {
      program
          .append('f')
          .append(i)
          .append("(x) = f")
          .append(i - 1)
          .append("(x) + f")
          .append(i - 1)
          .append("(x)\n");
    }
    return program.append("print \"r\" f").append(depth).append("(1)\n").toString();
  }

  /**
   * {@code count} function definitions, each calling the one before once, printing the last applied
   * to 0: calls nest {@code count} deep; its value is {@code count}.
   */
  public static String definitionChain(int count) {
    StringBuilder program = new StringBuilder("f0(x) = x + 1\n");
    for (int i = 1; i < count; i++) {
      program.append('f').append(i).append("(x) = f").append(i - 1).append("(x) + 1\n");
    }
    return program.append("print \"r\" f").append(count - 1).append("(0)\n").toString();
  }

  /**
   * {@code count} top-level value declarations, each the previous plus one, printing the last: the
   * shape that made environments quadratic; its value is {@code count}.
   */
  public static String declarationChain(int count) {
    StringBuilder program = new StringBuilder("x0 = 1\n");
    for (int i = 1; i < count; i++) {
      program.append('x').append(i).append(" = x").append(i - 1).append(" + 1\n");
    }
    return program.append("print \"r\" x").append(count - 1).append('\n').toString();
  }

  /** {@code count} print commands of distinct small sums: as many goals as prints. */
  public static String prints(int count) {
    StringBuilder program = new StringBuilder();
    for (int i = 0; i < count; i++) {
      program.append("print \"p").append(i).append("\" ").append(i).append(" + 1\n");
    }
    return program.toString();
  }

  /** An expression of {@code depth} nested parentheses around 1. */
  public static String nestedParentheses(int depth) {
    return "x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "\nprint \"x\" x\n";
  }

  /** {@code 1 + 1 + … + 1} with {@code operators} operators: a tree as deep as it is long. */
  public static String operatorChain(int operators) {
    return "x = 1" + " + 1".repeat(operators) + "\nprint \"x\" x\n";
  }

  /** {@code let} expressions nested {@code depth} deep. */
  public static String nestedLets(int depth) {
    StringBuilder program = new StringBuilder("x = ");
    for (int i = 0; i < depth; i++) {
      program.append("let v").append(i).append(" = ").append(i).append(" in ");
    }
    return program.append("1\nprint \"x\" x\n").toString();
  }

  /** A string literal of {@code length} characters, with escaped quotes and backslashes in it. */
  public static String hugeString(int length) {
    String unit = "ab\\\\\\\"cd";
    return "x = \"" + unit.repeat(Math.max(1, length / unit.length())) + "\"\nprint \"n\" 1\n";
  }

  /** An array literal of {@code items} numbers. */
  public static String wideArray(int items) {
    return "x = ["
        + IntStream.range(0, items).mapToObj(Integer::toString).collect(Collectors.joining(", "))
        + "]\nprint \"x\" 1\n";
  }

  /**
   * A random program of mixed shapes (declarations, functions calling functions, lets, loops,
   * nesting, comments), for long campaigns: every name it uses is declared before, so a correct
   * front end reduces it.
   */
  public static String random(Random random, int commands) {
    StringBuilder program = new StringBuilder("v0 = 1\nf0(x) = x + 1\n");
    List<String> values = new ArrayList<>(List.of("v0"));
    List<String> functions = new ArrayList<>(List.of("f0"));
    for (int i = 1; i <= commands; i++) {
      String value = values.get(random.nextInt(values.size()));
      String function = functions.get(random.nextInt(functions.size()));
      String other = functions.get(random.nextInt(functions.size()));
      switch (random.nextInt(6)) {
        case 0 -> program.append("// note ").append(i).append('\n');
        case 1 -> program.append(declare(values, i)).append(function + "(" + value + ")\n");
        case 2 -> {
          program.append("f" + i + "(x) = " + function + "(x) + " + other + "(x)\n");
          functions.add("f" + i);
        }
        case 3 -> program.append(declare(values, i)).append("let y = " + value + " in y * 2\n");
        case 4 ->
            program
                .append(declare(values, i))
                .append("for k in range(0, 3) do k + " + value)
                .append('\n');
        default -> {
          int depth = random.nextInt(40);
          program
              .append(declare(values, i))
              .append("(".repeat(depth))
              .append(value)
              .append(")".repeat(depth))
              .append('\n');
        }
      }
    }
    return program.append("print \"r\" " + values.get(values.size() - 1) + "\n").toString();
  }

  private static String declare(List<String> values, int index) {
    values.add("v" + index);
    return "v" + index + " = ";
  }
}
