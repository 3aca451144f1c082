package org.voxbeam.storage.maintenance;

import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;

/** The rows of one segment file, read whole for maintenance. */
record SegmentRows(Path file, List<Group> rows) {}
