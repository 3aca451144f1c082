package org.voxbeam.storage.segment;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.apache.parquet.example.data.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultStatus;
import org.voxbeam.storage.StoreLayout;

/**
 * What the store's in-memory index needs of one segment, kept beside its manifest entry as {@code
 * manifest/<segment name>.index}: each row's id, status, whether it references a blob and when it
 * was stored, and the segment's {@link PageMap}. Opening a store reads these small files instead of
 * every segment's footer, offset indexes and index columns through Parquet: that was most of a warm
 * run (1.7 s of a 4 s process over a 10,000-item store under load), and it loaded a few hundred of
 * Parquet's classes before the first lookup.
 *
 * <p>The rows are kept column by column: ids (32 bytes each), flags, creation times; then the page
 * map, with the pages a one-row read skips ({@link PageMap#absent}).
 *
 * <p>The file is a cache, never the truth: it records the segment's size and modification time and
 * is used only while both match, and its CRC-32C covers every byte, so a segment rewritten, copied
 * without its times or damaged in place, or an index file cut short, is indexed from the segment
 * itself as before. A missing file (a segment written by an earlier version, or a crash between the
 * segment's rename and this file's) costs only that. It is written after the manifest entry,
 * without a sync of its own, and removed with the entry ({@link SegmentManifest#remove}).
 */
public final class SegmentIndexFile {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentIndexFile.class);
  private static final String SUFFIX = ".index";

  /** Index files whose page maps name their segment's columns ({@link SegmentColumns}). */
  private static final int MAGIC = 0x56584933; // "VXI3"

  /** Index files whose page maps record their absent pages, all columns mapped: still read. */
  private static final int MAGIC_2 = 0x56584932; // "VXI2"

  /** Index files written before page maps recorded absent pages: still read. */
  private static final int MAGIC_1 = 0x56584931; // "VXI1"

  private static final int ID_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();
  private static final byte FAILED = 1;
  private static final byte BLOB = 2;

  /**
   * A segment's rows as the index sees them, in row order.
   *
   * @param ids each row's node id, 32 bytes per row
   */
  public record Rows(byte[] ids, byte[] flags, long[] createdAt, PageMap pages) {
    public int size() {
      return flags.length;
    }

    /** The first 64 bits of row {@code row}'s id, as {@link #high} of the index reads them. */
    public long high(int row) {
      return longAt(row * ID_BYTES);
    }

    public long low(int row) {
      return longAt(row * ID_BYTES + 8);
    }

    public boolean failed(int row) {
      return (flags[row] & FAILED) != 0;
    }

    public boolean hasBlob(int row) {
      return (flags[row] & BLOB) != 0;
    }

    public NodeId id(int row) {
      return new NodeId(HEX.formatHex(ids, row * ID_BYTES, (row + 1) * ID_BYTES));
    }

    private long longAt(int offset) {
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (ids[offset + i] & 0xff);
      }
      return value;
    }
  }

  private SegmentIndexFile() {}

  /**
   * Writes the index file of {@code segment}, just committed with {@code rows}. A failure is
   * logged, not thrown: the segment is committed either way, and is indexed from itself without the
   * file.
   */
  static void record(StoreLayout layout, Path segment, List<Group> rows, PageMap pages) {
    Path temporary = null;
    try {
      BasicFileAttributes attributes = Files.readAttributes(segment, BasicFileAttributes.class);
      try {
        temporary = NewFiles.createUnique(layout.tmp(), "index-", ".tmp");
      } catch (NoSuchFileException e) {
        Files.createDirectories(layout.tmp());
        temporary = NewFiles.createUnique(layout.tmp(), "index-", ".tmp");
      }
      try (OutputStream file = Files.newOutputStream(temporary);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
        CRC32C crc = new CRC32C();
        byte[] body = body(attributes, rows, pages);
        crc.update(body);
        out.write(body);
        out.writeLong(crc.getValue());
      }
      Path target = file(layout, segment.getFileName().toString());
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        Files.createDirectories(layout.manifest());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      }
      temporary = null;
    } catch (IOException | RuntimeException e) {
      LOG.debug("segment {} has no index file: {}", segment.getFileName(), e.toString());
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // gc removes leftover temporary files.
        }
      }
    }
  }

  private static byte[] body(BasicFileAttributes attributes, List<Group> rows, PageMap pages)
      throws IOException {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(64 + rows.size() * (ID_BYTES + 9) + 4096);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeLong(attributes.size());
    out.writeLong(attributes.lastModifiedTime().toMillis());
    out.writeInt(rows.size());
    byte[] flags = new byte[rows.size()];
    long[] createdAt = new long[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      Group row = rows.get(r);
      String hex = row.getString(SegmentSchema.NODE_ID, 0);
      if (!NodeId.isValid(hex)) {
        throw new IOException("a row's node id is not valid");
      }
      out.write(HEX.parseHex(hex));
      flags[r] = (byte) (RowCodec.status(row) == ResultStatus.FAILED ? FAILED : 0);
      flags[r] |= RowCodec.hasBlob(row) ? BLOB : 0;
      createdAt[r] = row.getLong(SegmentSchema.CREATED_AT, 0);
    }
    out.write(flags);
    for (long time : createdAt) {
      out.writeLong(time);
    }
    pages.writeTo(out);
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * The rows of {@code segment} as its index file records them, if it has one that matches the
   * segment as it is now; empty otherwise (the segment is then indexed from itself).
   */
  public static Optional<Rows> read(StoreLayout layout, Path segment) {
    Path file = file(layout, segment.getFileName().toString());
    byte[] content;
    BasicFileAttributes attributes;
    try {
      content = Files.readAllBytes(file);
      attributes = Files.readAttributes(segment, BasicFileAttributes.class);
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(parse(content, attributes));
    } catch (IOException | RuntimeException e) {
      LOG.debug("index file {} is unusable: {}", file.getFileName(), e.toString());
      return Optional.empty();
    }
  }

  /** The rows {@code content} records, or null if it is not for the segment as it is now. */
  private static Rows parse(byte[] content, BasicFileAttributes segment) throws IOException {
    if (content.length < Long.BYTES + 24) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(content, 0, content.length - Long.BYTES);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(content));
    int magic = in.readInt();
    int version = magic == MAGIC ? 3 : magic == MAGIC_2 ? 2 : magic == MAGIC_1 ? 1 : 0;
    if (version == 0
        || in.readLong() != segment.size()
        || in.readLong() != segment.lastModifiedTime().toMillis()) {
      return null;
    }
    long recorded =
        new DataInputStream(
                new ByteArrayInputStream(content, content.length - Long.BYTES, Long.BYTES))
            .readLong();
    if (recorded != crc.getValue()) {
      return null;
    }
    int count = in.readInt();
    if (count < 0 || (long) count * (ID_BYTES + 9) > content.length) {
      return null;
    }
    // Column by column, so that each is one bulk copy: a store opens in a JVM just started, whose
    // interpreter made a loop over the rows cost more than reading the file.
    byte[] ids = new byte[count * ID_BYTES];
    in.readFully(ids);
    byte[] flags = new byte[count];
    in.readFully(flags);
    long[] createdAt = new long[count];
    int timesAt = content.length - in.available();
    ByteBuffer.wrap(content, timesAt, count * Long.BYTES).asLongBuffer().get(createdAt);
    in.skipNBytes((long) count * Long.BYTES);
    PageMap pages = PageMap.readFrom(in, version);
    if (pages.rowCount() != count || in.available() != Long.BYTES) {
      return null;
    }
    return new Rows(ids, flags, createdAt, pages);
  }

  /** Removes the index file of the segment named {@code segmentName}, if it has one. */
  static void remove(StoreLayout layout, String segmentName) throws IOException {
    Files.deleteIfExists(file(layout, segmentName));
  }

  private static Path file(StoreLayout layout, String segmentName) {
    return layout.manifest().resolve(segmentName + SUFFIX);
  }
}
