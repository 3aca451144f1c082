package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.storage.remote.S3TestClient;
import org.voxbeam.testkit.S3ServerProcess;
import org.voxbeam.testkit.SharedFixtures;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code dir}, {@code load} and {@code ReadImage} of {@code s3://} inputs end to end, against an
 * S3-compatible server in a process of its own ({@link S3ServerProcess}): a dataset program over
 * two cases of the synthetic dataset in a bucket gives the values it gives over the same cases in a
 * local folder, and is reused and recomputed as it is there: unchanged objects are reused, an
 * overwritten object recomputes its case only.
 */
class RemoteInputsCliTest {
  private static final String PREFIX = "inputs-cli";
  private static final String ROOT = "s3://" + S3ServerProcess.BUCKET + "/" + PREFIX;
  private static final List<String> CASES = List.of("case_000", "case_001");

  @TempDir static Path local;
  @TempDir Path dir;

  private static S3Client client;
  private static String endpoint;

  @BeforeAll
  static void upload() throws IOException {
    URI server = S3ServerProcess.shared().endpoint();
    endpoint = server.toString();
    S3ServerProcess.useDummyCredentials();
    client = S3TestClient.of(server);
    Path synthetic = SharedFixtures.shared().resolve("data/synthetic");
    for (String name : CASES) {
      copy(synthetic.resolve("images/" + name + "_0000.nii.gz"), "images/" + name + ".nii.gz");
      copy(synthetic.resolve("labels/" + name + ".nii.gz"), "labels/" + name + ".nii.gz");
    }
  }

  private static void copy(Path source, String name) throws IOException {
    Path target = local.resolve(name);
    Files.createDirectories(target.getParent());
    Files.copy(source, target);
    put(name, source);
  }

  private static void put(String name, Path content) {
    client.putObject(
        builder -> builder.bucket(S3ServerProcess.BUCKET).key(PREFIX + "/" + name),
        RequestBody.fromFile(content));
  }

  @AfterAll
  static void clearCredentials() {
    S3ServerProcess.clearDummyCredentials();
    client.close();
  }

  /** The dataset program over {@code root}: {@code load} for the images, ReadImage for labels. */
  private Path program(String root) throws IOException {
    return Files.writeString(
        Files.createTempFile(dir, "dataset-", ".imgql"),
        String.join(
            "\n",
            "import \"vox1\"",
            "import \"simpleitk\"",
            "images = dir(\"" + root + "/images\", \"*.nii.gz\", false, true)",
            "labels = dir(\"" + root + "/labels\", \"*.nii.gz\", false, true)",
            "one(path) = 1",
            "cases = fold + 0 map(one, images)",
            "segment(path) = let bright = load(path) > 127 in through(interior(bright), bright)",
            "truth(path) = ReadImage(path) > 0",
            "score(i) = let s = segment(images[i]) in let t = truth(labels[i]) in"
                + " [volume(s), volume(t), volume(and(s, t))]",
            "scores = for i in range(0, cases) do score(i)",
            "print \"cases\" cases",
            "print \"scores\" scores",
            ""));
  }

  @Test
  void aProgramOverABucketGivesTheLocalValuesAndRecomputesOnlyAChangedCase() throws IOException {
    Path localProgram = program(local.toAbsolutePath().toString().replace("\\", "/"));
    Path remoteProgram = program(ROOT);
    Path localStore = dir.resolve("local-store");
    Path remoteStore = dir.resolve("remote-store");

    CliOutcome localFirst = run(localProgram, localStore);
    assertEquals(0, localFirst.exitCode(), localFirst.err());
    CliOutcome remoteFirst = run(remoteProgram, remoteStore, "--input-root", ROOT);
    assertEquals(0, remoteFirst.exitCode(), remoteFirst.err());
    assertEquals(localFirst.out(), remoteFirst.out());
    assertTrue(remoteFirst.out().contains("cases=2"), remoteFirst.out());
    assertEquals(localFirst.computed(), remoteFirst.computed());

    CliOutcome remoteAgain = run(remoteProgram, remoteStore, "--input-root", ROOT);
    assertEquals(0, remoteAgain.exitCode(), remoteAgain.err());
    assertEquals(0, remoteAgain.computed(), remoteAgain.err());
    assertEquals(remoteFirst.out(), remoteAgain.out());

    // The same change on both sides: case_001's image becomes case_003's.
    Path replacement =
        SharedFixtures.shared().resolve("data/synthetic/images/case_003_0000.nii.gz");
    Files.copy(
        replacement,
        local.resolve("images/case_001.nii.gz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    put("images/case_001.nii.gz", replacement);
    CliOutcome localChanged = run(localProgram, localStore);
    CliOutcome remoteChanged = run(remoteProgram, remoteStore, "--input-root", ROOT);
    assertEquals(0, remoteChanged.exitCode(), remoteChanged.err());
    assertEquals(localChanged.out(), remoteChanged.out());
    assertNotEquals(remoteFirst.out(), remoteChanged.out());
    int recomputed = remoteChanged.computed();
    assertEquals(localChanged.computed(), recomputed);
    assertTrue(recomputed > 0 && recomputed < remoteFirst.computed(), remoteChanged.err());
  }

  @Test
  void aRemoteInputOutsideEveryInputRootIsRefusedNamingItAndTheNode() throws IOException {
    Path program =
        Files.writeString(
            dir.resolve("outside.imgql"),
            "print \"n\" dir(\"" + ROOT + "/images\")\nprint \"one\" 1\n");
    CliOutcome refused = run(program, dir.resolve("store"), "--input-root", ROOT + "/labels");
    assertEquals(1, refused.exitCode(), refused.err());
    String line = failure(refused, ROOT + "/images");
    assertTrue(line.contains("--input-root"), line);
    assertTrue(refused.out().contains("one=1"), refused.out());
  }

  @Test
  void aMissingObjectFailsItsNodeNamingTheUri() throws IOException {
    String missing = ROOT + "/images/case_099.nii.gz";
    Path program =
        Files.writeString(
            dir.resolve("missing.imgql"),
            "import \"vox1\"\nprint \"v\" volume(load(\"" + missing + "\") > 0)\n");
    CliOutcome failed = run(program, dir.resolve("store"), "--input-root", ROOT);
    assertEquals(1, failed.exitCode(), failed.err());
    assertTrue(failure(failed, missing).contains("not found"), failed.err());
  }

  @Test
  void anUnreachableEndpointFailsTheNodeNamingTheUri() throws IOException {
    String dead;
    try (ServerSocket socket = new ServerSocket(0)) {
      dead = "http://127.0.0.1:" + socket.getLocalPort();
    }
    String image = ROOT + "/images/case_000.nii.gz";
    Path program =
        Files.writeString(
            dir.resolve("unreachable.imgql"),
            "import \"vox1\"\nprint \"v\" volume(load(\"" + image + "\") > 0)\n");
    CliOutcome failed =
        run(program, dir.resolve("store"), "--input-root", ROOT, "--input-endpoint", dead);
    assertEquals(1, failed.exitCode(), failed.err());
    failure(failed, image);
  }

  /**
   * The one line naming {@code uri}: the failed goal's value on standard output, which also names
   * the node that failed; never a stack trace.
   */
  private static String failure(CliOutcome outcome, String uri) {
    String both = outcome.out() + outcome.err();
    List<String> lines = both.lines().filter(line -> line.contains(uri)).toList();
    assertEquals(1, lines.size(), both);
    assertTrue(lines.get(0).matches(".*\\b[0-9a-f]{12,64}\\b.*"), lines.get(0));
    assertTrue(both.lines().noneMatch(line -> line.strip().startsWith("at ")), both);
    return lines.get(0);
  }

  private static CliOutcome run(Path program, Path store, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                program.toString(),
                "--no-progress",
                "--store",
                store.toString(),
                "--store-endpoint",
                endpoint));
    args.addAll(List.of(more));
    return CliOutcome.run(args.toArray(String[]::new));
  }
}
