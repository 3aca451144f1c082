package org.voxbeam.storage.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * One column's data page (format version 1), read forward a level at a time from a row on: the
 * repetition and definition level of the current entry, its value when it has one. This is all
 * {@link RowAssembly} asks of a column. Parquet's own values readers decode the levels and values,
 * whatever the page's encodings; this class only walks them. It replaces Parquet's column readers
 * for one-row reads, whose setup for a page (a reader per column, the row-index iterator, the
 * writer's version parsed again) cost more than decoding the row.
 */
final class PageCursor {
  private final int maxDefinition;
  private final ValuesReader repetitions;
  private final ValuesReader definitions;
  private final ValuesReader values;
  private int remaining;
  private int repetition;
  private int definition;
  private boolean exhausted;
  private boolean valueTaken;

  /** The segment's row that the current entry belongs to. */
  private long row;

  /**
   * @param page the page's bytes after its header: levels, then values
   * @param valueCount the number of entries (levels) in the page
   * @param firstRow the segment's row that the page starts with
   * @param dictionary the column's dictionary, or null if it has none
   * @throws IOException if the page's levels or values cannot be read
   */
  PageCursor(
      ColumnDescriptor column,
      ByteBuffer page,
      int valueCount,
      Encodings encodings,
      long firstRow,
      Dictionary dictionary)
      throws IOException {
    this.maxDefinition = column.getMaxDefinitionLevel();
    this.repetitions = encodings.repetition().getValuesReader(column, ValuesType.REPETITION_LEVEL);
    this.definitions = encodings.definition().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
    if (encodings.values().usesDictionary()) {
      if (dictionary == null) {
        throw new IOException("a page of " + column + " uses a dictionary the column lacks");
      }
      this.values =
          encodings.values().getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary);
    } else {
      this.values = encodings.values().getValuesReader(column, ValuesType.VALUES);
    }
    ByteBufferInputStream in = ByteBufferInputStream.wrap(page);
    repetitions.initFromPage(valueCount, in);
    definitions.initFromPage(valueCount, in);
    values.initFromPage(valueCount, in);
    this.remaining = valueCount;
    this.row = firstRow - 1;
    next();
  }

  /** A page's encodings of its repetition levels, definition levels and values. */
  record Encodings(Encoding repetition, Encoding definition, Encoding values) {}

  /**
   * Moves on to the first entry of row {@code target}, skipping the rows before it.
   *
   * @throws IllegalStateException if the page ends before that row, or the cursor is past it
   */
  void skipTo(long target) {
    while (row < target && !exhausted) {
      consume();
    }
    if (row != target || exhausted) {
      throw new IllegalStateException("row " + target + " is not in the page");
    }
  }

  /**
   * The current entry's repetition level; 0 past the page's end, where the next row would start.
   */
  int repetitionLevel() {
    return exhausted ? 0 : repetition;
  }

  /**
   * The current entry's definition level.
   *
   * @throws IllegalStateException past the page's end: the row read does not end in the page
   */
  int definitionLevel() {
    requireEntry();
    return definition;
  }

  /** Moves on to the next entry, skipping the current one's value if it has one not read. */
  void consume() {
    if (exhausted) {
      return;
    }
    if (definition == maxDefinition && !valueTaken) {
      values.skip();
    }
    next();
  }

  boolean getBoolean() {
    takeValue();
    return values.readBoolean();
  }

  int getInteger() {
    takeValue();
    return values.readInteger();
  }

  long getLong() {
    takeValue();
    return values.readLong();
  }

  double getDouble() {
    takeValue();
    return values.readDouble();
  }

  Binary getBinary() {
    takeValue();
    return values.readBytes();
  }

  private void next() {
    if (remaining == 0) {
      exhausted = true;
      return;
    }
    remaining--;
    repetition = repetitions.readInteger();
    definition = definitions.readInteger();
    valueTaken = false;
    if (repetition == 0) {
      row++;
    }
  }

  private void takeValue() {
    requireEntry();
    if (definition != maxDefinition || valueTaken) {
      throw new IllegalStateException("the current entry has no value to read");
    }
    valueTaken = true;
  }

  private void requireEntry() {
    if (exhausted) {
      throw new IllegalStateException("the page ends inside the row");
    }
  }
}
