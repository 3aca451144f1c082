package org.voxbeam.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class InputSourcesTest {
  @Test
  void remoteSchemesAreUrisAndEverythingElseIsALocalPath() {
    assertEquals(
        URI.create("s3://lab/cases/a.nii"), InputSources.remote("s3://lab/cases/a.nii").get());
    assertEquals(
        URI.create("hdfs://nn:8020/d"), InputSources.remote("hdfs://nn:8020/d").orElseThrow());
    assertTrue(InputSources.remote("cases/a.nii").isEmpty());
    assertTrue(InputSources.remote("/data/s3://x").isEmpty());
    assertTrue(InputSources.remote("gs://lab/a.nii").isEmpty());
  }

  @Test
  void aNameAUriDoesNotAllowIsQuotedAndReadsBackAsTheSameUri() {
    URI spaced = InputSources.remote("s3://lab/case 01/a.nii").orElseThrow();
    assertEquals("/case 01/a.nii", spaced.getPath());
    assertEquals(spaced, InputSources.remote(spaced.toString()).orElseThrow());
  }

  @Test
  void aRemoteNameWithoutBucketIsRefused() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> InputSources.remote("s3:///a.nii"));
    assertTrue(refused.getMessage().contains("bucket"), refused.getMessage());
  }
}
