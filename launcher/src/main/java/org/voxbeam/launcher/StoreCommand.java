package org.voxbeam.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.launcher.config.Quantities;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.maintenance.CompactReport;
import org.voxbeam.storage.maintenance.EvictReport;
import org.voxbeam.storage.maintenance.EvictionPolicy;
import org.voxbeam.storage.maintenance.GcReport;
import org.voxbeam.storage.maintenance.PersistentStore;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.maintenance.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Inspecting and maintaining the persistent result store. */
@Command(
    name = "store",
    description = "Inspect and maintain the result store.",
    subcommands = {
      StoreCommand.Stats.class,
      StoreCommand.Verify.class,
      StoreCommand.Gc.class,
      StoreCommand.Compact.class,
      StoreCommand.Evict.class
    })
final class StoreCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a store command is required (stats, verify, gc, compact, evict)");
  }

  /** Shared by the subcommands: the store and where to print. */
  abstract static class StoreTask implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreLocation location;

    @Override
    public Integer call() {
      try (ParquetResultStore store = location.openPersistentExisting()) {
        return run(new StoreMaintenance(store), spec.commandLine().getOut());
      }
    }

    abstract int run(PersistentStore store, PrintWriter out);
  }

  @Command(name = "stats", description = "Count results and bytes, by type.")
  static final class Stats extends StoreTask {
    @Override
    int run(PersistentStore store, PrintWriter out) {
      StoreStats stats = store.stats();
      out.printf("store: %s%n", store.directory());
      out.printf(
          "results: %d (%d succeeded, %d failed)%n",
          stats.results(), stats.succeeded(), stats.failed());
      out.printf("bytes: %d%n", stats.bytes());
      out.printf("segments: %d%n", store.segmentCount());
      for (Map.Entry<String, Long> type : stats.countsByType().entrySet()) {
        out.printf("  %-10s %d%n", type.getKey(), type.getValue());
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "verify",
      description = {
        "Check every row against its checksum, every segment against the manifest, every blob against its hash and every reference; corrupt blobs are quarantined.",
        "With --repair, damaged segments are replaced by their intact rows and moved to quarantine/, and segments missing from the manifest are dropped from it; their results are computed again when next needed."
      })
  static final class Verify extends StoreTask {
    @Option(
        names = "--repair",
        description =
            "Quarantine damaged segments (keeping their intact rows) and drop deleted ones from the manifest.")
    boolean repair;

    @Override
    int run(PersistentStore store, PrintWriter out) {
      VerifyReport report = store.verify(repair);
      report.problems().forEach(problem -> out.println("problem: " + problem));
      report.repairs().forEach(done -> out.println("repaired: " + done));
      out.printf(
          "verified %d segments, %d rows (%d without checksums), %d blobs: %s%n",
          report.segments(),
          report.rows(),
          report.uncheckedRows(),
          report.blobsChecked(),
          report.ok()
              ? "ok"
              : report.problems().size()
                  + " problem(s)"
                  + (repair
                      ? ", repaired"
                      : "; store verify --repair quarantines damaged segments"));
      return report.ok() || repair ? ExitCodes.OK : ExitCodes.GOALS_FAILED;
    }
  }

  @Command(name = "gc", description = "Remove unreferenced blobs and leftover temporary files.")
  static final class Gc extends StoreTask {
    @Option(names = "--dry-run", description = "Report what would be removed; change nothing.")
    boolean dryRun;

    @Option(
        names = "--grace",
        converter = Quantities.DurationConverter.class,
        description =
            "Spare files younger than this; a writer may still need them (default: ${DEFAULT-VALUE}).")
    Duration grace = StoreMaintenance.DEFAULT_GRACE;

    /** The working directory's garbage, then, for a remote store, the remote's. */
    @Override
    int run(PersistentStore store, PrintWriter out) {
      print(store.gc(grace, dryRun), "", out);
      location
          .collectRemoteGarbage(grace, dryRun)
          .ifPresent(remote -> print(remote, "remote " + location.location + ": ", out));
      return ExitCodes.OK;
    }

    private void print(GcReport report, String where, PrintWriter out) {
      report.warnings().forEach(warning -> out.println("warning: " + where + warning));
      out.printf(
          "%s%s %d blobs and %d temporary files, %d bytes%n",
          where,
          dryRun ? "would remove" : "removed",
          report.blobsRemoved(),
          report.temporaryFilesRemoved(),
          report.bytesFreed());
    }
  }

  @Command(name = "compact", description = "Merge small segments into one.")
  static final class Compact extends StoreTask {
    @Option(names = "--dry-run", description = "Report what would be merged; change nothing.")
    boolean dryRun;

    @Option(
        names = "--small-rows",
        description = "Segments with fewer rows are merged (default: ${DEFAULT-VALUE}).")
    int smallRows = StoreMaintenance.DEFAULT_SMALL_ROWS;

    @Override
    int run(PersistentStore store, PrintWriter out) {
      CompactReport report = store.compact(smallRows, dryRun);
      out.printf(
          "%s %d segments into one: %d rows kept, %d duplicate rows dropped%n",
          dryRun ? "would merge" : "merged",
          report.segmentsMerged(),
          report.rowsKept(),
          report.duplicateRowsDropped());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "evict",
      description = "Remove results by age or to fit a size, then collect their blobs.")
  static final class Evict extends StoreTask {
    /** What a result's age counts from. */
    enum Basis {
      created,
      access
    }

    @Option(names = "--dry-run", description = "Report what would be evicted; change nothing.")
    boolean dryRun;

    @Option(
        names = "--max-age",
        converter = Quantities.DurationConverter.class,
        description = "Evict results older than this (e.g. 30d).")
    Duration maxAge;

    @Option(
        names = "--by",
        defaultValue = "access",
        description =
            "Age from creation or last access: created or access (default: ${DEFAULT-VALUE}).")
    Basis basis;

    @Option(
        names = "--max-size",
        converter = Quantities.SizeConverter.class,
        description = "Evict oldest results until the store fits (e.g. 10GB).")
    Long maxSize;

    @Option(
        names = "--grace",
        converter = Quantities.DurationConverter.class,
        description = "Spare unreferenced files younger than this (default: ${DEFAULT-VALUE}).")
    Duration grace = StoreMaintenance.DEFAULT_GRACE;

    @Override
    int run(PersistentStore store, PrintWriter out) {
      if (maxAge == null && maxSize == null) {
        throw new InvalidInputException("store evict needs --max-age, --max-size or both");
      }
      EvictionPolicy policy =
          new EvictionPolicy(
              Optional.ofNullable(maxAge),
              basis == Basis.created
                  ? EvictionPolicy.Basis.CREATED
                  : EvictionPolicy.Basis.LAST_ACCESS,
              maxSize == null ? OptionalLong.empty() : OptionalLong.of(maxSize));
      EvictReport report = store.evict(policy, grace, dryRun);
      out.printf(
          "%s %d results (%d segments rewritten); %d blobs, %d bytes freed%n",
          dryRun ? "would evict" : "evicted",
          report.resultsEvicted(),
          report.segmentsRewritten(),
          report.gc().blobsRemoved(),
          report.gc().bytesFreed());
      return ExitCodes.OK;
    }
  }
}
