package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.storage.StoreOptions;
import org.voxbeam.storage.remote.RemoteStores;
import org.voxbeam.storage.remote.S3TestClient;
import org.voxbeam.storage.remote.TieredStore;
import org.voxbeam.testkit.S3ServerProcess;
import org.voxbeam.testkit.SharedFixtures;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The dataset example on the DirectRunner over a store on an S3-compatible server (S3Mock in a
 * process of its own): the workers open it through a working directory, publish every bundle's
 * results before the next stage reads them, and the driver reads the goals back from the remote.
 * The values equal the in-process run's; a second run from a fresh working directory, as another
 * machine sharing only the bucket, computes nothing.
 */
class BeamRemoteStoreTest {
  private static final Path PROGRAM =
      Path.of("..", "examples", "synthetic-dataset", "program.imgql");

  @TempDir static Path serverRoot;
  @TempDir Path temp;

  private static S3ServerProcess server;

  @BeforeAll
  static void startServer() throws IOException {
    server = S3ServerProcess.start(serverRoot);
    S3ServerProcess.useDummyCredentials();
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    S3ServerProcess.clearDummyCredentials();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theDatasetProgramRunsOnARemoteStoreAsInProcessAndASecondWorkingDirectoryComputesNothing()
      throws IOException {
    Path data = SharedFixtures.shared().resolve("data");
    Plan plan =
        Reducer.standard()
            .reduceText(
                Files.readString(PROGRAM).replace("\"../shared/data/", "\"" + data + "/"),
                "program.imgql");
    String store = "s3://" + S3ServerProcess.BUCKET + "/beam-dataset";

    BeamRun first = BeamTestRuns.run(options(store, temp.resolve("machine-a")), plan, l -> {});
    assertEquals(
        BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan)),
        BeamTestRuns.goalTexts(first.result()));
    assertTrue(first.itemMetrics().computed() >= 20, first.itemMetrics().toString());

    Path fresh = temp.resolve("machine-b");
    VoxBeamOptions again = options(store, fresh);
    BeamRun second = BeamTestRuns.run(again, plan, l -> {});
    assertEquals(BeamTestRuns.goalTexts(first.result()), BeamTestRuns.goalTexts(second.result()));
    assertEquals(0, second.metrics().computed(), second.metrics().toString());
    assertEquals(0, second.itemMetrics().computed(), second.itemMetrics().toString());
    assertTrue(segmentsIn(fresh) > 0, "the fresh working directory pulled the remote's segments");
  }

  /**
   * The dataset program over three cases in the bucket ({@code dir} and {@code load} of {@code
   * s3://} names under {@code --inputRoots}, read by the workers) gives the values it gives in
   * process over the same cases in a local folder.
   */
  @Test
  void workersReadTheProgramsInputsFromTheBucketUnderTheInputRoots() throws IOException {
    Path synthetic = SharedFixtures.shared().resolve("data/synthetic");
    Path local = temp.resolve("data/synthetic");
    String prefix = "beam-inputs/synthetic";
    try (S3Client client = client()) {
      for (String folder : List.of("images", "labels")) {
        Files.createDirectories(local.resolve(folder));
        try (Stream<Path> files = Files.list(synthetic.resolve(folder))) {
          for (Path file : files.sorted().limit(3).toList()) {
            Files.copy(file, local.resolve(folder).resolve(file.getFileName()));
            String key = prefix + "/" + folder + "/" + file.getFileName();
            client.putObject(
                builder -> builder.bucket(S3ServerProcess.BUCKET).key(key),
                RequestBody.fromFile(file));
          }
        }
      }
    }
    String program = Files.readString(PROGRAM);
    String root = "s3://" + S3ServerProcess.BUCKET + "/beam-inputs";
    Plan inBucket =
        Reducer.standard()
            .reduceText(program.replace("\"../shared/data/", "\"" + root + "/"), "program.imgql");
    Plan inFolder =
        Reducer.standard()
            .reduceText(
                program.replace("\"../shared/data/", "\"" + temp.resolve("data") + "/"),
                "program.imgql");

    VoxBeamOptions options =
        options("s3://" + S3ServerProcess.BUCKET + "/beam-inputs-store", temp.resolve("work"));
    options.setInputRoots(List.of(root));
    BeamRun run = BeamTestRuns.run(options, inBucket, l -> {});

    assertEquals(
        BeamTestRuns.goalTexts(BeamTestRuns.inProcess(inFolder)),
        BeamTestRuns.goalTexts(run.result()));
    assertTrue(run.itemMetrics().computed() >= 3, run.itemMetrics().toString());
  }

  @Test
  void anInputRootThatIsNoRemoteUriIsRefusedNamingIt() {
    VoxBeamOptions options = options(temp.resolve("store").toString(), temp.resolve("work"));
    options.setStoreEndpoint(null);
    options.setStoreWorkDir(null);
    options.setInputRoots(List.of("/data/cases"));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> BeamPlanRunner.open(options));
    assertTrue(refused.getMessage().contains("--inputRoots /data/cases"), refused.getMessage());
  }

  private static S3Client client() {
    return S3TestClient.of(server.endpoint());
  }

  @Test
  void workersOpenTheRemoteStoreWithATemporaryWorkingDirectoryOfTheirJvm() {
    StoreSpec spec =
        new StoreSpec(
            "s3://" + S3ServerProcess.BUCKET + "/beam-temporary", server.endpoint(), null, 0);
    try (StoreLease lease = SharedStores.acquire(spec)) {
      TieredStore tiered = assertInstanceOf(TieredStore.class, lease.store());
      assertTrue(
          Files.isDirectory(tiered.local().layout().root()), tiered.local().layout().toString());
    }
  }

  /**
   * Two workers of a stage in two JVMs: separate working directories on one remote. What one
   * committed is on the remote when its commit returns (before its bundle ends); the other, whose
   * misses may not list the remote again within their interval (an hour here, a second on workers),
   * still finds it once its next bundle starts, whose refresh lists the remote at once.
   */
  @Test
  void whatAnotherWorkerCommittedIsFoundWhenTheNextBundleStarts() {
    String store = "s3://" + S3ServerProcess.BUCKET + "/beam-two-workers";
    StoredResult result =
        new StoredResult(
            NodeHashing.sha256("two workers"),
            new IntegerValue(7),
            new ResultMetadata("test.op", Duration.ofMillis(1), Instant.now(), "test"));
    try (TieredStore reader = open(store, "worker-1", Duration.ofHours(1));
        TieredStore writer = open(store, "worker-2", Duration.ofSeconds(1))) {
      assertTrue(reader.get(result.id()).isEmpty(), "not computed yet");
      writer.putAll(List.of(result));
      assertTrue(reader.get(result.id()).isEmpty(), "a miss lists the remote once per interval");
      reader.refresh();
      assertEquals(
          Optional.of(new IntegerValue(7)), reader.get(result.id()).map(StoredResult::value));
    }
  }

  private TieredStore open(String store, String workDirectory, Duration relisting) {
    return RemoteStores.open(
        store,
        Optional.of(server.endpoint()),
        temp.resolve(workDirectory),
        StoreOptions.defaults().withMissRelistMillis(relisting.toMillis()));
  }

  @Test
  void theEndpointIsATypedOption() {
    VoxBeamOptions options =
        PipelineOptionsFactory.fromArgs(
                "--store=s3://bucket/prefix",
                "--storeEndpoint=http://127.0.0.1:9000",
                "--storeWorkDir=work")
            .as(VoxBeamOptions.class);
    assertEquals(URI.create("http://127.0.0.1:9000"), options.getStoreEndpoint());
    StoreSpec spec =
        new StoreSpec(options.getStore(), options.getStoreEndpoint(), options.getStoreWorkDir(), 0);
    assertTrue(spec.remote());
    assertEquals(Path.of("work").toAbsolutePath().toString(), spec.workDirectory());
  }

  @Test
  void anEndpointOrWorkingDirectoryWithAStoreDirectoryIsRefusedNamingBoth() {
    IllegalArgumentException endpoint =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StoreSpec("/data/store", URI.create("http://127.0.0.1:9000"), null, 0));
    assertTrue(endpoint.getMessage().contains("/data/store"), endpoint.getMessage());
    IllegalArgumentException work =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StoreSpec("/data/store", null, "/scratch/work", 0));
    assertTrue(work.getMessage().contains("/scratch/work"), work.getMessage());
  }

  private VoxBeamOptions options(String store, Path workDirectory) {
    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("unused"), 8, 4);
    options.setStore(store);
    options.setStoreEndpoint(server.endpoint());
    options.setStoreWorkDir(workDirectory.toString());
    return options;
  }

  private static long segmentsIn(Path workDirectory) throws IOException {
    try (Stream<Path> segments = Files.list(workDirectory.resolve("segments"))) {
      return segments.count();
    }
  }
}
