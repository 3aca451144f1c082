package org.voxbeam.pipeline.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Programs' bytes to text: UTF-8 with or without a byte-order mark, everything else refused. */
class SourceDecoderTest {

  private static SourceEncodingException refused(byte[] bytes, String source) {
    return assertThrows(SourceEncodingException.class, () -> SourceDecoder.decode(bytes, source));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void utf8IsReadWithOrWithoutAByteOrderMark() throws SourceEncodingException {
    assertEquals("x = \"é\"\n", SourceDecoder.decode(utf8("x = \"é\"\n"), "a.imgql"));
    assertEquals("x = 1\n", SourceDecoder.decode(utf8("\uFEFFx = 1\n"), "a.imgql"));
    assertEquals("", SourceDecoder.decode(new byte[0], "a.imgql"));
    assertEquals("x", SourceDecoder.withoutByteOrderMark("\uFEFFx"));
  }

  @Test
  void utf16IsRefusedByItsMarkOrItsNulBytes() {
    SourceEncodingException marked = refused("x = 1".getBytes(StandardCharsets.UTF_16), "a.imgql");
    assertEquals(0, marked.byteOffset());
    String expected = "a.imgql:1:1: error: the file starts with a UTF-16 byte-order mark (0xFE";
    assertTrue(marked.getMessage().startsWith(expected), marked.getMessage());
    SourceEncodingException unmarked =
        refused("x = 1".getBytes(StandardCharsets.UTF_16BE), "a.imgql");
    assertEquals(0, unmarked.byteOffset());
    assertTrue(unmarked.getMessage().contains("NUL byte at byte offset 0"), unmarked.getMessage());
  }

  @Test
  void anInvalidByteIsNamedWithItsOffsetLineAndColumn() {
    byte[] text = utf8("x = 1\ny = \"é\" + \"?\"\n");
    text[text.length - 4] = (byte) 0xE9;
    SourceEncodingException error = refused(text, "b.imgql");
    assertEquals(text.length - 4, error.byteOffset());
    assertEquals(
        "b.imgql:2:11: error: byte 0xE9 at byte offset "
            + (text.length - 4)
            + " is not UTF-8; programs must be UTF-8 text (a UTF-8 byte-order mark is allowed)",
        error.getMessage());
  }
}
