package org.voxbeam.storage.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.storage.RandomValues;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoredValues;
import org.voxbeam.storage.blob.BlobStore;

/**
 * A committed segment's page map flags a page absent exactly when none of the rows it holds has a
 * value in the page's field, and its index file gives back the same flags.
 */
class PageMapTest {
  @TempDir Path dir;

  @Test
  void aPageIsAbsentExactlyWhenNoneOfItsRowsHasItsField() {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    RandomValues values = new RandomValues(5);
    List<Group> rows = new ArrayList<>();
    for (int i = 0; rows.size() < 700; i++) {
      // Runs of numbers between runs of random values, so that some pages of a sparse column hold
      // values and others none.
      boolean numbers = (i / 150) % 2 == 0;
      rows.addAll(
          codec.encode(
              StoredValues.result("page-" + i, numbers ? new NumberValue(i) : values.next(2))));
    }
    SegmentFiles.Written written = SegmentFiles.commit(layout, rows);
    PageMap pages = written.pages().orElseThrow();
    PageMap indexed = SegmentIndexFile.read(layout, written.path()).orElseThrow().pages();
    List<ColumnDescriptor> columns = SegmentSchema.RESULT.getColumns();
    int absentPages = 0;
    int presentPages = 0;
    for (int c = 0; c < columns.size(); c++) {
      int field = SegmentSchema.RESULT.getFieldIndex(columns.get(c).getPath()[0]);
      Map<Integer, Boolean> anyValue = new HashMap<>();
      for (int r = 0; r < rows.size(); r++) {
        anyValue.merge(
            pages.page(c, r), rows.get(r).getFieldRepetitionCount(field) > 0, Boolean::logicalOr);
      }
      for (Map.Entry<Integer, Boolean> page : anyValue.entrySet()) {
        String where = columns.get(c) + ", page " + page.getKey();
        assertEquals(!page.getValue(), pages.absent(page.getKey()), where);
        assertEquals(pages.absent(page.getKey()), indexed.absent(page.getKey()), where);
        if (page.getValue()) {
          presentPages++;
        } else {
          absentPages++;
        }
      }
    }
    assertTrue(absentPages > 0 && presentPages > 0, absentPages + " absent, " + presentPages);
  }

  @Test
  void aRowWithManyItemsEndsItsPageInTheColumnsItsItemsFill() throws IOException {
    StoreLayout layout = new StoreLayout(dir);
    RowCodec codec = new RowCodec(new BlobStore(layout));
    List<Value> items = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      items.add(new IntegerValue(i));
    }
    List<Group> rows = new ArrayList<>();
    rows.addAll(codec.encode(StoredValues.result("range", new SequenceValue(items))));
    rows.addAll(codec.encode(StoredValues.result("sum", new NumberValue(12_497_500))));
    SegmentFiles.Written written = SegmentFiles.commit(layout, rows);
    PageMap pages = written.pages().orElseThrow();
    assertEquals(SegmentSchema.NARROW_ITEMS, SegmentFiles.schemaOf(written.path()));
    List<String> filled = new ArrayList<>();
    for (int c = 0; c < pages.columns().count(); c++) {
      String path = String.join(".", pages.columns().descriptor(c).getPath());
      if (path.equals("item_integers.list.element")) {
        filled.add(path);
        assertNotEquals(pages.page(c, 0), pages.page(c, 1), path);
        assertTrue(pages.absent(pages.page(c, 1)), path);
      }
    }
    assertEquals(1, filled.size(), "the item column of integers: " + filled);
  }
}
