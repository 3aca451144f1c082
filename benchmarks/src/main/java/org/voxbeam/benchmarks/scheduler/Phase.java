package org.voxbeam.benchmarks.scheduler;

/** One timed part of a scheduler round: the baseline, or a run on a store, cold or warm. */
enum Phase {
  BASELINE("none (HashMap)", "sequential loop"),
  MEMORY_COLD("in-memory", "cold"),
  MEMORY_WARM("in-memory", "warm"),
  PARQUET_COLD("Parquet", "cold"),
  PARQUET_WARM("Parquet", "warm (reopened)");

  final String store;
  final String run;

  Phase(String store, String run) {
    this.store = store;
    this.run = run;
  }
}
