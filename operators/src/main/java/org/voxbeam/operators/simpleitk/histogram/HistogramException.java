package org.voxbeam.operators.simpleitk.histogram;

/**
 * A threshold calculator cannot give a threshold for a histogram: ITK raises an exception there
 * (the message is ITK's), or would read outside its tables or never finish, where VoxBeam refuses
 * instead.
 */
public final class HistogramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HistogramException(String message) {
    super(message);
  }
}
