package org.voxbeam.kernel.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteRootsTest {
  private final FileAccess access =
      FileAccess.UNRESTRICTED.allowingRemote(
          List.of(URI.create("s3://lab/cases"), URI.create("hdfs://nn:8020/data/")));

  @Test
  void allowsNamesUnderARootSegmentBySegment() {
    URI inside = URI.create("s3://lab/cases/case01/flair.nii.gz");
    assertEquals(inside, access.checkRemote(inside));
    assertEquals(URI.create("s3://lab/cases"), access.checkRemote(URI.create("s3://lab/cases")));
    URI hdfs = URI.create("hdfs://nn:8020/data/x.nii");
    assertEquals(hdfs, access.checkRemote(hdfs));
  }

  @Test
  void refusesOtherBucketsPrefixesAndDotSegments() {
    for (String name :
        List.of(
            "s3://lab/cases2/x.nii",
            "s3://other/cases/x.nii",
            "hdfs://nn:9000/data/x.nii",
            "hdfs://nn:8020/data/../etc/x")) {
      OperatorException refused =
          assertThrows(OperatorException.class, () -> access.checkRemote(URI.create(name)));
      assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }
  }

  @Test
  void everyPolicyRefusesRemoteInputsUnlessAllowedAndKeepsItsLocalRule() {
    OperatorException refused =
        assertThrows(
            OperatorException.class,
            () -> FileAccess.UNRESTRICTED.checkRemote(URI.create("s3://lab/cases/x.nii")));
    assertTrue(refused.getMessage().contains("--input-root"), refused.getMessage());
    FileAccess mapped = PathMapping.relativeTo(Path.of("/base")).allowingRemote(List.of());
    assertEquals(Path.of("/base/x.nii"), mapped.check(Path.of("x.nii")));
    FileAccess twice =
        PathMapping.relativeTo(Path.of("/base"))
            .allowingRemote(List.of(URI.create("s3://a/p")))
            .allowingRemote(List.of(URI.create("s3://b/q")));
    assertEquals(Path.of("/base/x.nii"), twice.check(Path.of("x.nii")));
    assertEquals(URI.create("s3://a/p/k"), twice.checkRemote(URI.create("s3://a/p/k")));
    assertEquals(URI.create("s3://b/q/k"), twice.checkRemote(URI.create("s3://b/q/k")));
  }
}
