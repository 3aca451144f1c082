package org.voxbeam.pipeline.lang;

import java.io.IOException;

/**
 * A program file whose bytes are not UTF-8 text. The message is one line, {@code file:line:column:
 * error: ...}, naming the byte offset, the byte and the encoding expected, because "Input length =
 * 1" (the JDK's own text) tells nobody what to fix.
 */
public final class SourceEncodingException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long byteOffset;

  SourceEncodingException(String message, long byteOffset) {
    super(message);
    this.byteOffset = byteOffset;
  }

  /** Where in the file the offending byte is, counted from 0. */
  public long byteOffset() {
    return byteOffset;
  }
}
