package org.voxbeam.kernel.operator;

/**
 * How many positional arguments an operator accepts: between {@code min} and {@code max}, or {@code
 * min} or more when {@code max} is {@link #UNBOUNDED}.
 */
public record Arity(int min, int max) {
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public Arity {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("bad arity " + min + ".." + max);
    }
  }

  public static Arity exactly(int count) {
    return new Arity(count, count);
  }

  public static Arity between(int min, int max) {
    return new Arity(min, max);
  }

  public static Arity atLeast(int min) {
    return new Arity(min, UNBOUNDED);
  }

  public boolean accepts(int count) {
    return count >= min && count <= max;
  }

  @Override
  public String toString() {
    if (min == max) {
      return Integer.toString(min);
    }
    return max == UNBOUNDED ? min + "+" : min + ".." + max;
  }
}
