/**
 * Segments, the Parquet files that hold result rows. {@link
 * org.voxbeam.storage.segment.SegmentSchema} is the row schema that docs/store-format.md specifies
 * (start there); {@link org.voxbeam.storage.segment.RowCodec} turns results into rows and back
 * (scalars in typed columns, payloads as blob references, sequence items and mapping entries as
 * child rows); {@link org.voxbeam.storage.segment.SegmentFiles} writes and reads whole files
 * through Parquet's plain-Java file API, in the full schema or, for rows of scalars and sequences,
 * the narrow one ({@code SegmentColumns}), and {@code RowWriter} writes rows into either by name;
 * {@link org.voxbeam.storage.segment.PageMap} and {@link org.voxbeam.storage.segment.RowReader}
 * read a single row without parsing the footer, only the pages that hold its fields, a {@code
 * PageCursor} walks each page with Parquet's values readers, and {@code RowAssembly} puts the row
 * together. Rows are built as {@code CompactGroup}s, one array of values per group, always in the
 * full schema.
 *
 * <p>How a result becomes a row is decided here alone; the store, maintenance and the store
 * benchmark use these classes. Rules: any change to the schema or to how a value maps to columns is
 * a store-format change (docs/store-format.md's version rule, and an upgrade for older segments);
 * rows stay queryable by DuckDB, Spark or pyarrow; no Hadoop file system or native library is
 * involved, so segments behave the same on every platform.
 */
package org.voxbeam.storage.segment;
