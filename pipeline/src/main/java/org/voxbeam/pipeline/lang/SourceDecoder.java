package org.voxbeam.pipeline.lang;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one place where a program's bytes become text. Programs are UTF-8, with or without a
 * byte-order mark (editors on Windows write one; VoxLogicA-2 refuses it as an unexpected character,
 * which helps nobody). Anything else is refused naming the byte offset: UTF-16 (told by its
 * byte-order mark or by a NUL byte, which UTF-16 text of ASCII is full of), Latin-1 and other 8-bit
 * encodings, binary files.
 */
public final class SourceDecoder {
  private static final String EXPECTED =
      "programs must be UTF-8 text (a UTF-8 byte-order mark is allowed)";
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private SourceDecoder() {}

  /**
   * The text of a program file.
   *
   * @param source the name used in the message, usually the file name as given
   * @throws SourceEncodingException if the bytes are not UTF-8 text
   */
  public static String decode(byte[] bytes, String source) throws SourceEncodingException {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw error(
          bytes,
          0,
          source,
          String.format(
              "the file starts with a UTF-16 byte-order mark (0x%02X 0x%02X at byte offset 0)",
              bytes[0] & 0xFF, bytes[1] & 0xFF));
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      throw error(
          bytes,
          offset,
          source,
          String.format(
              "byte 0x%02X at byte offset %d is not UTF-8", bytes[offset] & 0xFF, offset));
    }
    decoder.flush(out);
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int offset = text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
      throw error(
          bytes,
          offset,
          source,
          "a NUL byte at byte offset " + offset + " (UTF-16 text, or not text at all)");
    }
    return withoutByteOrderMark(text);
  }

  /** {@code text} without a leading byte-order mark, for text that arrives already decoded. */
  public static String withoutByteOrderMark(String text) {
    return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
  }

  private static SourceEncodingException error(
      byte[] bytes, int offset, String source, String problem) {
    String before = validPrefix(bytes, offset);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
    return new SourceEncodingException(
        new SourcePosition(source, line, column) + ": error: " + problem + "; " + EXPECTED, offset);
  }

  private static String validPrefix(byte[] bytes, int offset) {
    try {
      return withoutByteOrderMark(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, offset)).toString());
    } catch (CharacterCodingException e) {
      return "";
    }
  }
}
