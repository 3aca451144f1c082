package org.voxbeam.benchmarks.store;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;

/**
 * A second row-commit reference, below Parquet: the same columns as {@link PlainParquetRows}
 * written with a {@link DataOutputStream} to one file per batch. It shows what the file system
 * alone costs per batch, so that the Parquet writer's own share can be told apart.
 */
final class PlainBinaryRows {
  private PlainBinaryRows() {}

  static void write(Path target, List<StoredResult> batch) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16))) {
      for (StoredResult result : batch) {
        NumberValue number = (NumberValue) result.value();
        out.writeUTF(result.id().hex());
        out.writeUTF("succeeded");
        out.writeUTF(number.voxType());
        out.writeDouble(number.value());
        out.writeUTF(result.metadata().operator());
        out.writeLong(result.metadata().computeTime().toNanos());
        out.writeLong(result.metadata().createdAt().toEpochMilli());
        out.writeUTF(result.metadata().engineVersion());
      }
    }
  }
}
