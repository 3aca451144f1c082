package org.voxbeam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.beam.runners.direct.DirectRunner;
import org.junit.jupiter.api.Test;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.transforms.VoxBeamOptions;

/**
 * The options of a Beam run are built with setters, exactly, after Beam parsed the user's own
 * arguments; an option the user gave wins over the value the launcher would set.
 */
class BeamExecutionTest {
  private static final Path STORE = Path.of("/data/store");

  @Test
  void theLaunchersValuesAreSetExactlyWhenTheUserGaveNone() {
    RunSettings settings =
        RunSettings.runner("DirectRunner", List.of())
            .withThreads(3)
            .withRunId("run-7")
            .withCachePolicy(CachePolicy.refresh(List.of("a", "b")));
    VoxBeamOptions options = BeamExecution.options(settings, local(512 * 1024));
    assertEquals(DirectRunner.class, options.getRunner());
    assertEquals(STORE.toString(), options.getStore());
    assertEquals(512L * 1024, options.getCacheBytes(), "a cache under 1 MiB stays as it is");
    assertEquals(3, options.getThreads());
    assertEquals("run-7", options.getRunId());
    assertEquals("a,b", options.getRefresh());
    assertEquals(Limits.DEFAULTS.maxVoxels(), options.getMaxVoxels());
  }

  @Test
  void optionsTheUserGaveWin() {
    RunSettings settings =
        RunSettings.runner(
                "DirectRunner",
                List.of("--store=/elsewhere", "--cacheMb=3", "--threads=5", "--maxVoxels=10"))
            .withThreads(2)
            .withCachePolicy(CachePolicy.noCache());
    VoxBeamOptions options = BeamExecution.options(settings, local(1L << 30));
    assertEquals("/elsewhere", options.getStore());
    assertNull(options.getCacheBytes(), "--cacheMb given, so no byte count is set over it");
    assertEquals(3, options.getCacheMb());
    assertEquals(5, options.getThreads());
    assertEquals(10, options.getMaxVoxels());
    assertTrue(options.getNoCache());
  }

  @Test
  void aRemoteStoreGoesToTheWorkersAsItsUriAndEndpoint() {
    URI endpoint = URI.create("http://127.0.0.1:9000");
    VoxBeamOptions options =
        BeamExecution.options(
            RunSettings.runner("DirectRunner", List.of()),
            new BeamExecution.Store(
                Path.of("/scratch/work"), Optional.of("s3://bucket/x"), Optional.of(endpoint), 0));
    assertEquals("s3://bucket/x", options.getStore());
    assertEquals(endpoint, options.getStoreEndpoint());
    assertNull(options.getStoreWorkDir(), "workers in other JVMs use directories of their own");
  }

  private static BeamExecution.Store local(long cacheBytes) {
    return new BeamExecution.Store(STORE, Optional.empty(), Optional.empty(), cacheBytes);
  }
}
