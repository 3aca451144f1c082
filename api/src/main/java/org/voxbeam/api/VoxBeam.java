package org.voxbeam.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.execution.ImageModelBinding;
import org.voxbeam.pipeline.execution.ResultReuse;
import org.voxbeam.pipeline.execution.RunCancellation;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.RunStats;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.lang.SourceEncodingException;
import org.voxbeam.pipeline.plan.IdMismatchPolicy;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanExplanation;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.pipeline.reduce.DeclarationGoals;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.storage.ParquetResultStore;
import org.voxbeam.storage.StoreException;
import org.voxbeam.storage.StoreLayout;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.maintenance.GcReport;
import org.voxbeam.storage.maintenance.PersistentStore;
import org.voxbeam.storage.maintenance.StoreMaintenance;
import org.voxbeam.storage.remote.RemoteInputSources;
import org.voxbeam.storage.remote.RemoteStores;
import org.voxbeam.storage.remote.TieredStore;
import org.voxbeam.storage.runs.GoalRecord;
import org.voxbeam.storage.runs.RunRecord;
import org.voxbeam.storage.runs.RunTable;

/**
 * VoxBeam from Java: open a result store, run ImgQL programs and VoxLogicA-2 plans against it, read
 * results by node id. The {@code voxbeam} command line and the HTTP server are built on this class,
 * so an embedding program gets exactly their behaviour, report and errors.
 *
 * <pre>{@code
 * try (VoxBeam voxbeam = VoxBeam.open(Path.of("store"))) {
 *   RunReport report = voxbeam.run(VoxBeam.program("print \"sum\" 1 + 2", "sum.imgql"));
 *   Value sum = report.goals().get(0).value();
 * }
 * }</pre>
 *
 * <p>A persistent store is opened on first use, not by {@link #open}: a Beam run opens the store in
 * its workers, and indexing a large store twice would only cost time. Thread-safe: many runs may
 * share one instance (the HTTP server does).
 */
public final class VoxBeam implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VoxBeam.class);

  /** The Beam runner that runs in this process, the one a run with nothing to compute skips. */
  private static final String DIRECT_RUNNER = "DirectRunner";

  /** Segments smaller than this are merged at the end of a run... */
  static final long SMALL_SEGMENT_BYTES = 1L << 20;

  /** ...once there are this many of them. */
  static final int COMPACT_AT_SEGMENTS = 32;

  /** Memory for decoded results when {@link #open(Path)} is given no budget: 256 MB. */
  public static final long DEFAULT_CACHE_BYTES = 256L << 20;

  private final Path directory;
  private final long cacheBytes;
  private final boolean mustExist;
  private final Optional<Scope> scope;

  /** The remote store whose working directory {@link #directory} is, if the store is remote. */
  private final Optional<RemoteStore> remote;

  private ResultStore store;
  private boolean closed;

  private VoxBeam(Path directory, long cacheBytes, boolean mustExist, ResultStore store) {
    this(directory, cacheBytes, mustExist, store, Optional.empty());
  }

  private VoxBeam(
      Path directory,
      long cacheBytes,
      boolean mustExist,
      ResultStore store,
      Optional<RemoteStore> remote) {
    this.directory = directory;
    this.cacheBytes = cacheBytes;
    this.mustExist = mustExist;
    this.scope = Optional.empty();
    this.store = store;
    this.remote = remote;
  }

  private VoxBeam(VoxBeam whole, Predicate<Path> allowed) {
    this.directory = whole.directory;
    this.cacheBytes = whole.cacheBytes;
    this.mustExist = whole.mustExist;
    this.scope = Optional.of(new Scope(whole, allowed));
    this.remote = whole.remote;
    this.store = null;
  }

  /** A store on remote storage, as the user named it, and its S3-compatible endpoint if any. */
  private record RemoteStore(String location, Optional<URI> endpoint) {}

  /** The instance a scoped one reads through, and the paths its results may come from. */
  private record Scope(VoxBeam whole, Predicate<Path> allowed) {}

  /**
   * This store as seen from a trust boundary: results (and reuse by runs) limited to those whose
   * every recorded file, listing and tree input is a path {@code allowed} accepts (absolute and
   * normalized, as this process resolves the recorded path); results whose provenance is not
   * recorded in their own row are not shown. Writes go to the same store. The returned instance
   * shares this one's store: closing it closes nothing, closing this one closes both. The HTTP
   * server serves through the scope of its data roots.
   */
  public VoxBeam withInputScope(Predicate<Path> allowed) {
    return new VoxBeam(scope.map(Scope::whole).orElse(this), allowed);
  }

  /** The persistent store in {@code directory} (created if missing), with the default cache. */
  public static VoxBeam open(Path directory) {
    return open(directory, DEFAULT_CACHE_BYTES);
  }

  /**
   * The persistent store in {@code directory} (created if missing), keeping up to {@code
   * cacheBytes} of decoded results in memory.
   */
  public static VoxBeam open(Path directory, long cacheBytes) {
    if (cacheBytes < 0) {
      throw new InvalidInputException("the cache size must not be negative, got " + cacheBytes);
    }
    return new VoxBeam(directory, cacheBytes, false, null);
  }

  /**
   * The store that already exists in {@code directory}, for reading: unlike {@link #open}, a
   * directory that is not a store is refused (with a {@link StoreException} on first use) rather
   * than made into one.
   */
  public static VoxBeam openExisting(Path directory, long cacheBytes) {
    if (cacheBytes < 0) {
      throw new InvalidInputException("the cache size must not be negative, got " + cacheBytes);
    }
    return new VoxBeam(directory, cacheBytes, true, null);
  }

  /**
   * The store at the remote URI {@code location} ({@code s3://bucket/prefix}), kept in the working
   * directory {@code workDirectory} (created if missing) as this process's tier: results are
   * committed there and published to the remote, and what other processes published is pulled from
   * it on a miss (see docs/store-format.md).
   *
   * @param s3Endpoint an S3-compatible server to use instead of AWS's own
   */
  public static VoxBeam openRemote(
      String location, Optional<URI> s3Endpoint, Path workDirectory, long cacheBytes) {
    if (cacheBytes < 0) {
      throw new InvalidInputException("the cache size must not be negative, got " + cacheBytes);
    }
    if (!RemoteStores.isRemote(location)) {
      throw new InvalidInputException("store " + location + " is not an s3:// URI");
    }
    return new VoxBeam(
        workDirectory, cacheBytes, false, null, Optional.of(new RemoteStore(location, s3Endpoint)));
  }

  /** A store in memory, gone when closed: for tests and one-off runs; not for Beam runners. */
  public static VoxBeam inMemory() {
    return new VoxBeam(null, 0, false, new InMemoryResultStore());
  }

  /**
   * The plan of a file: an ImgQL program ({@code .imgql}) reduced as VoxLogicA-2 reduces it, or a
   * VoxLogicA-2 plan (JSON) whose node ids must match their content.
   *
   * @throws org.voxbeam.pipeline.plan.PlanException if the plan is malformed or inconsistent
   * @throws org.voxbeam.pipeline.lang.ImgqlSyntaxException if the program does not parse
   * @throws org.voxbeam.pipeline.reduce.ReduceException if the program does not reduce
   */
  public static Plan plan(Path file) {
    return plan(file, IdMismatchPolicy.REJECT, warning -> {});
  }

  /** As {@link #plan(Path)}, with a policy for plan nodes whose id does not match their content. */
  public static Plan plan(Path file, IdMismatchPolicy policy, Consumer<String> warnings) {
    return plan(file, policy, warnings, Limits.DEFAULTS);
  }

  /**
   * As {@link #plan(Path, IdMismatchPolicy, Consumer)}, reducing a program within {@code limits}.
   */
  public static Plan plan(
      Path file, IdMismatchPolicy policy, Consumer<String> warnings, Limits limits) {
    if (isProgram(file)) {
      return program(file, limits);
    }
    return new PlanJsonReader(policy, warnings).read(file);
  }

  /**
   * The plan of the ImgQL program in {@code file}, whatever its name; imports resolve against the
   * file's directory.
   *
   * @throws InvalidInputException if the file cannot be read or is not UTF-8 text
   */
  public static Plan program(Path file) {
    return program(file, Limits.DEFAULTS);
  }

  /** As {@link #program(Path)}, refusing a plan larger than {@code limits} allow. */
  public static Plan program(Path file, Limits limits) {
    return program(file, limits, DeclarationGoals.NONE);
  }

  /**
   * The plan of the ImgQL program in {@code file}, with {@code goals} of its declarations besides
   * its own {@code print} and {@code save} goals (VoxLogicA-2's gallery programs print nothing and
   * are read by evaluating their declarations).
   *
   * @throws org.voxbeam.pipeline.reduce.ReduceException also if a named declaration does not exist
   */
  public static Plan program(Path file, Limits limits, DeclarationGoals goals) {
    try {
      return reducer(limits).withDeclarationGoals(goals).reduceFile(file);
    } catch (SourceEncodingException e) {
      throw new InvalidInputException(e.getMessage());
    } catch (IOException e) {
      throw new InvalidInputException("cannot read program " + file + ": " + e.getMessage());
    }
  }

  /**
   * The plan of ImgQL source text; {@code name} appears in error messages. File imports resolve
   * against the working directory.
   */
  public static Plan program(String source, String name) {
    return program(source, name, Limits.DEFAULTS);
  }

  /** As {@link #program(String, String)}, refusing a plan larger than {@code limits} allow. */
  public static Plan program(String source, String name, Limits limits) {
    return reducer(limits).reduceText(source, name);
  }

  private static Reducer reducer(Limits limits) {
    return Reducer.standard().withMaxPlanNodes(limits.maxPlanNodes());
  }

  /** Whether {@code file} is an ImgQL program, by its {@code .imgql} suffix. */
  public static boolean isProgram(Path file) {
    return file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".imgql");
  }

  /** Runs {@code plan} in this process with the default settings. */
  public RunReport run(Plan plan) {
    return run(plan, RunSettings.inProcess());
  }

  /**
   * Runs {@code plan} as {@code settings} say, writing every computed result to the store, then its
   * {@code save} goals to their files, then the run record (for a persistent store). A failing node
   * is not an exception: its goals carry the error and the others complete; so does a {@code save}
   * goal whose file cannot be written.
   *
   * @throws InvalidInputException if the settings do not fit (Beam options without a Beam runner, a
   *     Beam runner on an in-memory store, options Beam rejects, a refresh of a goal the plan does
   *     not have)
   * @throws org.voxbeam.transforms.BeamRunException if the Beam pipeline itself failed
   */
  public RunReport run(Plan plan, RunSettings settings) {
    return run(plan, settings, RunCancellation.none());
  }

  /**
   * As {@link #run(Plan, RunSettings)}, stopping early once another thread cancels {@code
   * cancellation}: in process no new node or item starts and every result computed so far is
   * committed; on Beam the pipeline is cancelled where the runner can. The report then says {@link
   * RunResult#cancelled()}, the goals not reached are {@link RunCancellation#notReached}, and the
   * run record marks them {@code cancelled}; a later run reuses what was stored.
   */
  public RunReport run(Plan plan, RunSettings settings, RunCancellation cancellation) {
    if (!settings.onBeam() && !settings.beamArguments().isEmpty()) {
      throw new InvalidInputException(
          "unknown option(s) " + settings.beamArguments() + " (Beam options need a Beam --runner)");
    }
    if (settings.onBeam() && directory == null) {
      throw new InvalidInputException(
          "--in-memory works only without --runner: Beam stages exchange results through a store directory");
    }
    if (settings.onBeam()
        && remote.isPresent()
        && !BeamExecution.REMOTE_STORE_RUNNERS.contains(settings.runner())) {
      throw new InvalidInputException(
          "a store on remote storage ("
              + remote.get().location()
              + ") runs on "
              + String.join(" and ", BeamExecution.REMOTE_STORE_RUNNERS)
              + " or in process, not yet on "
              + settings.runner());
    }
    if (settings.onBeam() && scope.isPresent()) {
      throw new InvalidInputException(
          "a store seen through an input scope runs plans only in process: Beam workers read the whole store");
    }
    if (settings.onBeam() && settings.operators().isPresent()) {
      throw new InvalidInputException(
          "custom operators work only in process: Beam workers load the standard library");
    }
    if (!settings.peers().isEmpty() && settings.onBeam()) {
      throw new InvalidInputException(
          "peers are asked only by in-process runs: Beam workers open the store directory themselves");
    }
    if (!settings.peers().isEmpty() && directory == null) {
      throw new InvalidInputException(
          "peers fill a persistent store: --in-memory cannot be used with --peer");
    }
    try {
      settings.cachePolicy().forcedNodes(plan);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    RunSettings run =
        settings.withRunId(settings.runId().orElseGet(() -> UUID.randomUUID().toString()));
    boolean scratch = !plan.idMismatches().isEmpty();
    if (scratch && run.onBeam()) {
      throw new InvalidInputException(
          plan.idMismatches().size()
              + " node(s) of "
              + plan.source()
              + " have ids that do not match their content; such a plan runs only in process,"
              + " on a scratch store, never on a Beam runner's shared store");
    }
    if (scratch && directory != null) {
      LOG.warn(
          "{} node(s) of {} have ids that do not match their content: this run neither reads nor"
              + " writes the store in {}; its results are kept in memory until it ends",
          plan.idMismatches().size(),
          plan.source(),
          directory);
    }
    Path shared = scratch ? null : directory;
    Instant started = Instant.now();
    Optional<StoreGrowth> growth = Optional.ofNullable(shared).map(StoreGrowth::from);
    Execution execution;
    if (run.onBeam() && !(shared != null && readsOnlyStoredGoals(plan, run))) {
      execution =
          BeamExecution.run(
              new BeamExecution.Store(
                  directory,
                  remote.map(RemoteStore::location),
                  remote.flatMap(RemoteStore::endpoint),
                  cacheBytes),
              plan,
              run,
              cancellation);
    } else if (scratch) {
      try (InMemoryResultStore scratchStore = new InMemoryResultStore()) {
        execution = InProcessExecution.run(scratchStore, plan, run, cancellation);
      }
    } else {
      execution = InProcessExecution.run(store(), plan, run, cancellation);
    }
    RunResult result = SavedGoals.save(execution.result(), run.saves());
    RunStats stats = result.stats();
    RunStats.ItemStats items = stats.items();
    Progress done =
        new Progress(
            stats.nodes(),
            stats.computed(),
            stats.cached(),
            stats.failed(),
            result.cancelled() ? "cancelled" : "done",
            new Progress.Items(items.total(), items.computed(), items.cached(), items.failed()),
            Optional.of(Duration.ZERO));
    run.progress().onProgress(done);
    OptionalLong written =
        growth.map(g -> OptionalLong.of(g.bytesSince())).orElse(OptionalLong.empty());
    RunReport report =
        new RunReport(
            run.runId().orElseThrow(),
            run.runner(),
            result,
            execution.stages(),
            written,
            started,
            Instant.now(),
            execution.peers());
    if (shared != null) {
      new RunTable(new StoreLayout(directory))
          .append(
              RunRecords.of(
                  report,
                  run.program().orElseGet(() -> ProgramSource.of(plan)),
                  run.cachePolicy()));
      compactSmallSegments(shared);
    }
    return report;
  }

  /**
   * Whether a run on the DirectRunner has nothing to compute: the stored result of every goal may
   * be reused ({@link ResultReuse}: not forced by the cache policy, a success, its recorded inputs
   * unchanged). Such a run reads its goals in process, as a warm in-process run does, instead of
   * starting a pipeline that would only read them too (~0.4 s of a ~1.3 s run). On a cluster runner
   * the pipeline still runs, so that a goal found unreadable is computed again on the cluster, not
   * on this machine.
   */
  private boolean readsOnlyStoredGoals(Plan plan, RunSettings run) {
    if (!run.runner().equals(DIRECT_RUNNER)) {
      return false;
    }
    RemoteInputSources.install(run.inputs().s3Endpoint());
    Plan bound = ImageModelBinding.bind(plan);
    Set<NodeId> goals = new HashSet<>();
    bound.goals().forEach(goal -> goals.add(goal.id()));
    ResultReuse reuse =
        ResultReuse.of(bound, store(), run.cachePolicy(), InputFingerprints.shared());
    return reuse.reusable(goals).size() == goals.size();
  }

  /**
   * Merges the store's small segments once there are {@value #COMPACT_AT_SEGMENTS} of them (each
   * run commits at least one, a Beam run one per bundle): a listing when there are fewer, so a run
   * pays for compaction only every few dozen runs. A failure is logged, not the run's: its results
   * are committed already.
   */
  private void compactSmallSegments(Path shared) {
    if (remote.isPresent()) {
      // The working directory of a remote store is a cache of the remote's segments: merging them
      // would only publish copies of rows the remote holds already.
      return;
    }
    try {
      if (StoreMaintenance.smallSegments(new StoreLayout(shared), SMALL_SEGMENT_BYTES).size()
          >= COMPACT_AT_SEGMENTS) {
        persistentStore()
            .ifPresent(opened -> opened.compactSmall(SMALL_SEGMENT_BYTES, COMPACT_AT_SEGMENTS));
      }
    } catch (StoreException e) {
      LOG.warn("could not compact the small segments of {}: {}", shared, e.getMessage());
    }
  }

  /**
   * The goal named {@code name} of run {@code runId}, or of the latest recorded run that has a goal
   * of that name (not one a cancelled run left unreached), with the stored result of its node.
   *
   * @throws InvalidInputException if no such run or goal is recorded
   */
  public StoredGoal goal(String name, Optional<String> runId) {
    List<RunRecord> recorded = runs();
    RunRecord run;
    if (runId.isPresent()) {
      run =
          recorded.stream()
              .filter(record -> record.runId().equals(runId.get()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "no run " + runId.get() + " is recorded in the store"));
    } else {
      run =
          recorded.stream()
              .filter(
                  record ->
                      record.goals().stream()
                          .anyMatch(goal -> goal.name().equals(name) && !goal.cancelled()))
              .reduce((older, newer) -> newer)
              .orElseThrow(
                  () ->
                      new InvalidInputException("no recorded run has a goal named '" + name + "'"));
    }
    GoalRecord goal =
        run.goals().stream()
            .filter(candidate -> candidate.name().equals(name))
            .reduce((first, last) -> last)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "run "
                            + run.runId()
                            + " has no goal named '"
                            + name
                            + "' (goals: "
                            + String.join(", ", run.goals().stream().map(GoalRecord::name).toList())
                            + ")"));
    return new StoredGoal(run, goal, result(new NodeId(goal.nodeId())));
  }

  /** The runs recorded in the store, oldest first; none for an in-memory store. */
  public List<RunRecord> runs() {
    return directory == null ? List.of() : new RunTable(new StoreLayout(directory)).all();
  }

  /**
   * What a run of {@code plan} would compute and read, without running it: the same walk, and the
   * same test of each stored result's recorded inputs, as a run's.
   */
  public PlanExplanation explain(Plan plan) {
    Plan bound = ImageModelBinding.bind(plan);
    return PlanExplanation.of(
        bound,
        ResultReuse.of(bound, store(), CachePolicy.reuse(), InputFingerprints.shared())::reusable);
  }

  /** The stored result of node {@code id}, a value or a recorded failure, if there is one. */
  public Optional<StoredResult> result(NodeId id) {
    return store().get(id);
  }

  /**
   * The stored result of the node whose id is {@code hex} (64 lowercase hex digits).
   *
   * @throws InvalidInputException if {@code hex} is not a node id
   */
  public Optional<StoredResult> result(String hex) {
    if (!NodeId.isValid(hex)) {
      throw new InvalidInputException("a node id is 64 lowercase hex digits, got '" + hex + "'");
    }
    return result(new NodeId(hex));
  }

  /**
   * Starts opening the persistent store on a daemon thread, if its directory holds a store already,
   * so that a caller reading a program meanwhile finds it open ({@link #store()} waits for it).
   * Opening indexes the store's segments, which on a warm run was most of the process after the JVM
   * itself, and needs no plan. A directory that is not a store yet is left alone, so that a program
   * that fails to reduce creates nothing. A failure here is left for {@link #store()} to report,
   * which opens the store again.
   */
  public void openInBackground() {
    if (directory == null
        || scope.isPresent()
        || !Files.isRegularFile(new StoreLayout(directory).marker())) {
      return;
    }
    Thread opener =
        new Thread(
            () -> {
              try {
                synchronized (this) {
                  if (!closed) {
                    store();
                  }
                }
              } catch (RuntimeException e) {
                LOG.debug("opening {} in the background failed: {}", directory, e.toString());
              }
            },
            "voxbeam-store-open");
    opener.setDaemon(true);
    opener.start();
  }

  /** The result store, opened now if it is not open yet. */
  public synchronized ResultStore store() {
    if (store == null && scope.isPresent()) {
      store = new ScopedResults(scope.get().whole().store(), scope.get().allowed());
    }
    if (store == null) {
      StoreOptions options = StoreOptions.defaults().withCacheBytes(cacheBytes);
      if (remote.isPresent()) {
        store =
            RemoteStores.open(remote.get().location(), remote.get().endpoint(), directory, options);
      } else {
        store =
            mustExist
                ? ParquetResultStore.openExisting(directory, options)
                : ParquetResultStore.open(directory, options);
      }
    }
    return store;
  }

  /**
   * The persistent store, for maintenance and statistics; empty for an in-memory store. An
   * interface, so callers of the API do not depend on how the store keeps its files.
   */
  public Optional<PersistentStore> persistentStore() {
    if (scope.isPresent()) {
      return scope.get().whole().persistentStore();
    }
    return directory == null
        ? Optional.empty()
        : Optional.of(new StoreMaintenance(directoryStore()));
  }

  /**
   * For a remote store, collects the garbage of the remote itself: its blobs no published row
   * refers to and its temporary leftovers, older than {@code grace} (the working directory's are
   * {@link #persistentStore}'s to collect); empty for a directory or in-memory store.
   *
   * @throws org.voxbeam.storage.StoreException if the remote cannot be listed, read or deleted from
   */
  public Optional<GcReport> collectRemoteGarbage(Duration grace, boolean dryRun) {
    if (scope.isPresent()) {
      return scope.get().whole().collectRemoteGarbage(grace, dryRun);
    }
    return remote.map(
        store -> RemoteStores.collectGarbage(store.location(), store.endpoint(), grace, dryRun));
  }

  /** The store of the directory: the store itself, or a remote store's working tier. */
  private ParquetResultStore directoryStore() {
    ResultStore opened = store();
    return opened instanceof TieredStore tiered ? tiered.local() : (ParquetResultStore) opened;
  }

  /** The store's directory (a remote store's working directory); empty for an in-memory store. */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (store != null && scope.isEmpty()) {
      store.close();
    }
  }
}
