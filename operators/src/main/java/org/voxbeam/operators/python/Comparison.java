package org.voxbeam.operators.python;

/**
 * The six comparisons on Python floats. Java's primitive double comparisons already follow IEEE 754
 * as Python does ({@code -0.0 == 0.0}; every comparison with NaN is false except {@code !=}), so
 * each constant is the primitive operator.
 */
public enum Comparison {
  EQ("==") {
    @Override
    public boolean test(double left, double right) {
      return left == right;
    }
  },
  NE("!=") {
    @Override
    public boolean test(double left, double right) {
      return left != right;
    }
  },
  LT("<") {
    @Override
    public boolean test(double left, double right) {
      return left < right;
    }
  },
  LE("<=") {
    @Override
    public boolean test(double left, double right) {
      return left <= right;
    }
  },
  GT(">") {
    @Override
    public boolean test(double left, double right) {
      return left > right;
    }
  },
  GE(">=") {
    @Override
    public boolean test(double left, double right) {
      return left >= right;
    }
  };

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public abstract boolean test(double left, double right);
}
