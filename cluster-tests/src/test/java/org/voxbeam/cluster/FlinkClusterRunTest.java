package org.voxbeam.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.storage.remote.S3TestClient;
import org.voxbeam.testkit.Campaign;
import org.voxbeam.testkit.S3ServerProcess;
import org.voxbeam.testkit.SharedFixtures;
import org.voxbeam.transforms.BeamPlanRunner;
import org.voxbeam.transforms.BeamRun;
import org.voxbeam.transforms.VoxBeamOptions;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The dataset example ({@code examples/synthetic-dataset}: 20 cases listed with {@code dir}, each
 * segmented and scored in a fan-out) on a Flink session cluster of three JVMs, a JobManager and two
 * TaskManagers, with the result store on an S3-compatible server in a fourth process. The
 * TaskManagers share no directory: each opens the store through a working directory under its own
 * temporary folder, stages exchange results only through the bucket, and the driver (this JVM, with
 * a working directory of its own) reads the goals from it. The images and labels are in the bucket
 * too: the program lists and reads them as {@code s3://} names under the run's {@code
 * --inputRoots}.
 *
 * <p>The values must equal those of the in-process run over the local folders, and each TaskManager
 * must have computed and published results. The wall times and the bytes each process moved are
 * written to {@code figures.txt} beside the processes' logs (under {@code target/cluster-logs}). A
 * campaign (about a minute of four JVMs): the everyday build runs the same program against the
 * bucket on the DirectRunner ({@code BeamRemoteStoreTest}).
 */
@Campaign
class FlinkClusterRunTest {
  private static final Path PROGRAM =
      Path.of("..", "examples", "synthetic-dataset", "program.imgql");

  /** Where the test puts the dataset in the bucket; the program reads it from there. */
  private static final String DATA = "s3://" + S3ServerProcess.BUCKET + "/data";

  private static final Pattern COMMITTED = Pattern.compile("committed (\\d+) results");
  private static final Pattern CLOSED =
      Pattern.compile(
          "published (\\d+) segment\\(s\\), (\\d+) bytes; pulled (\\d+) segment\\(s\\), (\\d+)"
              + " bytes");

  @Test
  void theDatasetProgramRunsOnTwoTaskManagersThatShareOnlyTheBucket() throws Exception {
    Path root =
        Files.createDirectories(
                Path.of(System.getProperty("voxbeam.clusterLogs", "target/cluster-logs")))
            .resolve("run-" + System.currentTimeMillis());
    Path data = SharedFixtures.shared().resolve("data");
    String program = Files.readString(PROGRAM);
    Plan local =
        Reducer.standard()
            .reduceText(program.replace("\"../shared/data/", "\"" + data + "/"), "program.imgql");
    Plan inBucket =
        Reducer.standard()
            .reduceText(program.replace("\"../shared/data/", "\"" + DATA + "/"), "program.imgql");
    List<String> figures = new ArrayList<>();

    long started = System.nanoTime();
    Map<String, Value> inProcess = goals(inProcess(local));
    Duration inProcessTime = Duration.ofNanos(System.nanoTime() - started);
    figures.add(line("in process (scheduler, in-memory store)", inProcessTime));

    Map<String, String> credentials = S3ServerProcess.useDummyCredentials();
    Path bucket = Files.createDirectories(root.resolve("s3"));
    // Both take seconds to start: side by side.
    CompletableFuture<S3ServerProcess> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return S3ServerProcess.start(bucket);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try (FlinkCluster cluster = FlinkCluster.start(root, 2, credentials);
        S3ServerProcess server = starting.get(120, TimeUnit.SECONDS)) {
      upload(data.resolve("synthetic"), server);
      if (Boolean.getBoolean("voxbeam.cluster.directRunner")) {
        figures.add(
            line("DirectRunner in this JVM, store on S3Mock", directRunner(inBucket, server)));
      }
      FlinkPipelineOptions flink = PipelineOptionsFactory.create().as(FlinkPipelineOptions.class);
      flink.setRunner(FlinkRunner.class);
      flink.setFlinkMaster(cluster.master());
      flink.setParallelism(2);
      // DoFns never mutate their inputs (see the transforms package), so elements need no copy.
      flink.setFasterCopy(true);
      // VoxBeam is on the TaskManagers' class path: stage one empty jar rather than the whole
      // class path Beam would otherwise detect and upload.
      flink.setFilesToStage(List.of(emptyJar(root.resolve("staged.jar")).toString()));
      VoxBeamOptions options = flink.as(VoxBeamOptions.class);
      options.setStore("s3://" + S3ServerProcess.BUCKET + "/flink-cluster");
      options.setStoreEndpoint(server.endpoint());
      options.setInputRoots(List.of(DATA));
      options.setThreads(1);
      options.setTasksPerStage(4);

      long bucketBefore = bytesUnder(bucket);
      started = System.nanoTime();
      BeamRun run;
      try (BeamPlanRunner runner =
          BeamPlanRunner.open(options, Optional.of(root.resolve("driver-work")))) {
        run = runner.run(inBucket);
      }
      Duration clusterTime = Duration.ofNanos(System.nanoTime() - started);
      figures.add(line("Flink, 2 TaskManagers, store on S3Mock", clusterTime));

      assertEquals(inProcess, goals(run.result()));
      assertTrue(run.itemMetrics().computed() >= 20, run.itemMetrics().toString());

      for (Path taskManager : cluster.taskManagerDirectories()) {
        String log = Files.readString(taskManager.resolve("process.log"));
        long committed = sum(COMMITTED, log, 1);
        assertTrue(committed > 0, taskManager + " committed nothing; see its process.log");
        figures.add(
            taskManager.getFileName()
                + ": committed "
                + committed
                + " results; published "
                + sum(CLOSED, log, 1)
                + " segments, "
                + sum(CLOSED, log, 2)
                + " bytes; pulled "
                + sum(CLOSED, log, 3)
                + " segments, "
                + sum(CLOSED, log, 4)
                + " bytes");
      }
      figures.add(
          "the Flink run added "
              + (bytesUnder(bucket) - bucketBefore)
              + " bytes to S3Mock's files");
    } finally {
      if (!starting.isDone()) {
        starting.cancel(true);
      }
      S3ServerProcess.clearDummyCredentials();
      figures.add(
          "load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      Files.write(root.resolve("figures.txt"), figures);
    }
  }

  /**
   * The same job on the DirectRunner in this JVM, over its own prefix of the same server, for the
   * figures ({@code -Dvoxbeam.cluster.directRunner=true}).
   */
  private static Duration directRunner(Plan plan, S3ServerProcess server) throws IOException {
    VoxBeamOptions options = PipelineOptionsFactory.create().as(VoxBeamOptions.class);
    options.setStore("s3://" + S3ServerProcess.BUCKET + "/direct-runner");
    options.setStoreEndpoint(server.endpoint());
    options.setStoreWorkDir(Files.createTempDirectory("voxbeam-direct-").toString());
    options.setInputRoots(List.of(DATA));
    options.setThreads(2);
    options.setTasksPerStage(4);
    long started = System.nanoTime();
    try (BeamPlanRunner runner = BeamPlanRunner.open(options)) {
      runner.run(plan);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Puts the images and labels under {@code synthetic} into the bucket under {@link #DATA}. */
  private static void upload(Path synthetic, S3ServerProcess server) throws IOException {
    try (S3Client client = S3TestClient.of(server.endpoint());
        Stream<Path> files = Files.walk(synthetic)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = "data/synthetic/" + synthetic.relativize(file).toString().replace('\\', '/');
        client.putObject(
            builder -> builder.bucket(S3ServerProcess.BUCKET).key(key), RequestBody.fromFile(file));
      }
    }
  }

  private static RunResult inProcess(Plan plan) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      return new DynamicScheduler(
              new NodeEvaluator(StandardLibrary.registry()),
              store,
              SchedulerOptions.defaults().withThreads(2))
          .run(plan, ExecutionListener.NONE);
    }
  }

  private static Map<String, Value> goals(RunResult result) {
    Map<String, Value> goals = new LinkedHashMap<>();
    result.goals().forEach(goal -> goals.put(goal.goal().name(), goal.value()));
    return goals;
  }

  private static String line(String what, Duration time) {
    return what + ": " + time.toMillis() + " ms";
  }

  /** The sum of group {@code group} of every match of {@code pattern} in {@code text}. */
  private static long sum(Pattern pattern, String text, int group) {
    Matcher matcher = pattern.matcher(text);
    long total = 0;
    while (matcher.find()) {
      total += Long.parseLong(matcher.group(group));
    }
    return total;
  }

  private static Path emptyJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      return jar;
    }
  }

  private static long bytesUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(FlinkClusterRunTest::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
