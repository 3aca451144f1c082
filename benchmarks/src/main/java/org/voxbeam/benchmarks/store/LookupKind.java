package org.voxbeam.benchmarks.store;

/** What one timed lookup does. */
enum LookupKind {
  STORE_PRESENT_FIRST("store `get`, present, first read after open"),
  STORE_PRESENT_CACHED("store `get`, present, read before"),
  STORE_ABSENT("store `contains`, absent"),
  MAP_PRESENT("HashMap `get`, present (baseline)"),
  MAP_ABSENT("HashMap `get`, absent (baseline)");

  final String label;

  LookupKind(String label) {
    this.label = label;
  }

  /** The baseline this kind of lookup is compared with. */
  LookupKind baseline() {
    return this == STORE_ABSENT || this == MAP_ABSENT ? MAP_ABSENT : MAP_PRESENT;
  }
}
