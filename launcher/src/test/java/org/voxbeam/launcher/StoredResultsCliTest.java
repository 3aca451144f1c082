package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.testkit.SharedFixtures;

/**
 * Results a user can trust and find, from the command line: {@code --no-cache} and {@code
 * --refresh}, the run record ({@code runs}), getting results out ({@code get}, NIfTI with the
 * input's affine), save goals that fail honestly, files that follow the umask, and store locations
 * that are refused rather than misread.
 */
class StoredResultsCliTest {
  private static final Path OBLIQUE =
      Path.of("src/test/resources/org/voxbeam/launcher/oblique.nii.gz");

  @TempDir Path dir;

  private String store() {
    return dir.resolve("store").toString();
  }

  private static Path filterFold() {
    return SharedFixtures.golden().resolve("programs/filter-fold/plan.json");
  }

  @Test
  void noCacheAndRefreshComputeAgainWhateverTheStoreHolds() {
    String plan = filterFold().toString();
    CliOutcome first = CliOutcome.run("run", plan, "--store", store());
    assertEquals(0, first.exitCode(), first.err());
    int all = first.computed();
    assertTrue(all > 0);
    assertEquals(
        0,
        CliOutcome.run("run", plan, "--store", store()).computed(),
        "a second run reads everything");
    assertEquals(
        all,
        CliOutcome.run("run", plan, "--store", store(), "--no-cache").computed(),
        "--no-cache computes everything");
    assertEquals(
        all,
        CliOutcome.run("run", "--refresh", plan, "--store", store()).computed(),
        "--refresh alone means every goal");
    int total = CliOutcome.run("run", plan, "--store", store(), "--refresh=total").computed();
    assertTrue(total > 0 && total < all, "only the cone of total: " + total + " of " + all);
    assertEquals(
        0,
        CliOutcome.run("run", plan, "--store", store()).computed(),
        "and the next run reuses what they wrote");

    CliOutcome unknown = CliOutcome.run("run", plan, "--store", store(), "--refresh=totl");
    assertEquals(2, unknown.exitCode());
    assertTrue(
        unknown.err().startsWith("error: --refresh names no goal of ")
            && unknown.err().contains("'totl' (goals: "),
        unknown.err());
    CliOutcome both =
        CliOutcome.run("run", plan, "--store", store(), "--no-cache", "--refresh=total");
    assertEquals(2, both.exitCode(), both.err());
    CliOutcome beam = CliOutcome.run(plan, "--store", store(), "--no-cache", "--threads", "2");
    assertEquals(0, beam.exitCode(), beam.err());
    assertEquals(all, beam.computed(), "the Beam form too");
  }

  @Test
  void everyRunIsRecordedAndListed() {
    String plan = filterFold().toString();
    CliOutcome first = CliOutcome.run("run", plan, "--store", store());
    CliOutcome second = CliOutcome.run("run", plan, "--store", store(), "--refresh=total");
    String firstId = runId(first);
    String secondId = runId(second);
    CliOutcome listed = CliOutcome.run("runs", "--store", store(), "--goals");
    assertEquals(0, listed.exitCode(), listed.err());
    List<String> lines = listed.out().lines().toList();
    assertTrue(
        lines.get(0).startsWith(secondId) && lines.get(0).contains("(refresh=total)"),
        listed.out());
    assertTrue(listed.out().contains("\n" + firstId + "  "), "newest first: " + listed.out());
    assertTrue(lines.get(1).matches("  print big +materialized +[0-9a-f]{64}"), lines.get(1));

    JsonArray runs =
        (JsonArray)
            JsonReader.parse(
                CliOutcome.run("runs", "--store", store(), "--json", "--limit", "1").out());
    assertEquals(1, runs.items().size());
    JsonObject run = (JsonObject) runs.items().get(0);
    assertEquals(secondId, run.getString("run_id").orElseThrow());
    assertEquals(plan, run.getString("program_path").orElseThrow());
    assertEquals(64, run.getString("program_sha256").orElseThrow().length());
    assertEquals(5, ((JsonArray) run.get("goals").orElseThrow()).items().size());
  }

  @Test
  void getWritesAGoalOutWithTheAffineOfTheImageItCameFrom() throws Exception {
    Path mask = dir.resolve("out/mask.nii.gz");
    Path program =
        Files.writeString(
            dir.resolve("mask.imgql"),
            String.join(
                "\n",
                "import \"simpleitk\"",
                "import \"vox1\"",
                "img = ReadImage(\"" + slashes(OBLIQUE) + "\")",
                "print \"voxels\" volume(img > 3)",
                "save \"" + slashes(mask) + "\" img > 3",
                ""));
    CliOutcome run = CliOutcome.run("run", program.toString(), "--store", store());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("voxels=69.0"), run.out());

    Path out = dir.resolve("got.nii.gz");
    CliOutcome got = CliOutcome.run("get", slashes(mask), "-o", out.toString(), "--store", store());
    assertEquals(0, got.exitCode(), got.err());
    assertAffine(headerAffine(OBLIQUE), headerAffine(out));
    assertEquals(69, countAbove(out, 0));

    Path raw = dir.resolve("got.dat");
    assertEquals(
        0,
        CliOutcome.run(
                "get", slashes(mask), "-o", raw.toString(), "--format", "raw", "--store", store())
            .exitCode());
    assertEquals(6 * 5 * 4, Files.size(raw), "one byte per voxel of a mask");
    Path voxels = dir.resolve("voxels.json");
    assertEquals(
        0, CliOutcome.run("get", "voxels", "-o", voxels.toString(), "--store", store()).exitCode());
    assertEquals("69.0\n", Files.readString(voxels));

    CliOutcome asText =
        CliOutcome.run(
            "get", slashes(mask), "-o", dir.resolve("mask.txt").toString(), "--store", store());
    assertEquals(2, asText.exitCode());
    assertTrue(asText.err().contains("a volume3d cannot be saved as text"), asText.err());
    CliOutcome unknown =
        CliOutcome.run(
            "get", "nothing", "-o", dir.resolve("x.json").toString(), "--store", store());
    assertEquals(2, unknown.exitCode());
    assertEquals("error: no recorded run has a goal named 'nothing'\n", unknown.err());
  }

  /** A sequence goal leaves as an Arrow IPC stream that Arrow's own reader reads back. */
  @Test
  void getWritesASequenceAsAnArrowStream() throws IOException {
    assertEquals(0, CliOutcome.run("run", filterFold().toString(), "--store", store()).exitCode());
    Path arrow = dir.resolve("big.arrows");
    CliOutcome got =
        CliOutcome.run(
            "get", "big", "-o", arrow.toString(), "--format", "arrow", "--store", store());
    assertEquals(0, got.exitCode(), got.err());
    List<Long> values = new ArrayList<>();
    try (InputStream in = Files.newInputStream(arrow);
        RootAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
      while (reader.loadNextBatch()) {
        BigIntVector column = (BigIntVector) reader.getVectorSchemaRoot().getVector("value");
        for (int i = 0; i < column.getValueCount(); i++) {
          values.add(column.get(i));
        }
      }
    }
    assertEquals(List.of(5L, 6L, 7L, 8L, 9L), values);
    CliOutcome scalar =
        CliOutcome.run(
            "get",
            "total",
            "-o",
            dir.resolve("t.arrows").toString(),
            "--format",
            "arrow",
            "--store",
            store());
    assertEquals(2, scalar.exitCode());
    assertTrue(scalar.err().contains("has no Arrow form"), scalar.err());
  }

  /**
   * The same check by nibabel, the reader most users open NIfTI files with (installed on the CI
   * machine by .ci/run; skipped where {@code python3}, or the interpreter the {@code
   * voxbeam.python} property names, has no nibabel).
   */
  @Test
  void nibabelOpensWhatGetWroteWithTheInputsAffine() throws Exception {
    assumeTrue(python("import nibabel").exitCode() == 0, "python3 with nibabel");
    Path program =
        Files.writeString(
            dir.resolve("copy.imgql"),
            String.join(
                "\n",
                "import \"simpleitk\"",
                "print \"image\" ReadImage(\"" + slashes(OBLIQUE) + "\")",
                ""));
    assertEquals(0, CliOutcome.run("run", program.toString(), "--store", store()).exitCode());
    Path out = dir.resolve("image.nii");
    CliOutcome got = CliOutcome.run("get", "image", "-o", out.toString(), "--store", store());
    assertEquals(0, got.exitCode(), got.err());
    String check =
        "import nibabel, numpy, sys\n"
            + "a = nibabel.load(sys.argv[1]); b = nibabel.load(sys.argv[2])\n"
            + "assert numpy.allclose(a.affine, b.affine, atol=1e-5), (a.affine, b.affine)\n"
            + "assert (numpy.asanyarray(a.dataobj) == numpy.asanyarray(b.dataobj)).all()\n";
    Python checked = python(check, OBLIQUE.toAbsolutePath().toString(), out.toString());
    assertEquals(0, checked.exitCode(), "nibabel disagrees: " + checked.output());
  }

  @Test
  void getRefusesAResultALaterRunComputedAgain() throws IOException {
    Path numbers = Files.writeString(dir.resolve("numbers.txt"), "1\n2\n");
    Path program =
        Files.writeString(
            dir.resolve("lines.imgql"), "print \"lines\" load(\"" + slashes(numbers) + "\")\n");
    String first = runId(CliOutcome.run("run", program.toString(), "--store", store()));
    Files.writeString(numbers, "1\n2\n3\n");
    Files.setLastModifiedTime(numbers, FileTime.from(Instant.now().plusSeconds(5)));
    String second = runId(CliOutcome.run("run", program.toString(), "--store", store()));
    CliOutcome old =
        CliOutcome.run(
            "get",
            "lines",
            "--run",
            first,
            "-o",
            dir.resolve("old.json").toString(),
            "--store",
            store());
    assertEquals(1, old.exitCode(), old.err());
    assertTrue(
        old.err().contains("was computed again") && old.err().contains("by run " + second),
        old.err());
    CliOutcome latest =
        CliOutcome.run(
            "get", "lines", "-o", dir.resolve("new.json").toString(), "--store", store());
    assertEquals(0, latest.exitCode(), latest.err());
    assertEquals("[\n  \"1\",\n  \"2\",\n  \"3\"\n]\n", Files.readString(dir.resolve("new.json")));
  }

  @Test
  void aSaveThatCannotBeWrittenIsAFailedGoal() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    Path program =
        Files.writeString(
            dir.resolve("saves.imgql"),
            String.join(
                "\n",
                "import \"simpleitk\"",
                "img = ReadImage(\"" + slashes(OBLIQUE) + "\")",
                "save \"" + slashes(dir.resolve("image.txt")) + "\" img",
                "save \"" + slashes(blocker.resolve("x.json")) + "\" 3",
                "save \"" + slashes(dir.resolve("fine.json")) + "\" 3",
                "print \"ok\" 1",
                ""));
    CliOutcome run = CliOutcome.run("run", program.toString(), "--store", store(), "--json");
    assertEquals(1, run.exitCode(), run.err());
    JsonObject document = (JsonObject) JsonReader.parse(run.out());
    String goals = CanonicalJson.write(document.get("goals").orElseThrow());
    assertTrue(
        goals.contains(
            "cannot save goal to "
                + slashes(dir.resolve("image.txt"))
                + ": a volume3d cannot be saved as text"),
        goals);
    assertTrue(goals.contains("cannot save goal to " + slashes(blocker.resolve("x.json"))), goals);
    JsonArray reported =
        (JsonArray) ((JsonObject) document.get("report").orElseThrow()).get("goals").orElseThrow();
    assertEquals(
        List.of("failed", "failed", "materialized", "materialized"),
        reported.items().stream()
            .map(goal -> ((JsonObject) goal).getString("status").orElseThrow())
            .toList());
    assertTrue(run.err().contains("voxbeam: goals: 2 materialized, 2 failed"), run.err());
    assertFalse(Files.exists(dir.resolve("image.txt")), "no placeholder text");
    assertEquals("3.0\n", Files.readString(dir.resolve("fine.json")));
    String recorded = CliOutcome.run("runs", "--store", store(), "--json").out();
    assertTrue(
        recorded.contains("\"status\": \"failed\"")
            && recorded.contains("a volume3d cannot be saved as text"),
        recorded);
  }

  @Test
  void savedFilesFollowTheUmask() throws IOException {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions");
    Path out = Files.createDirectories(dir.resolve("out"));
    Path program =
        Files.writeString(
            dir.resolve("saves.imgql"),
            String.join(
                "\n",
                "import \"simpleitk\"",
                "img = ReadImage(\"" + slashes(OBLIQUE) + "\")",
                "save \"" + slashes(out.resolve("image.nii.gz")) + "\" img",
                "save \"" + slashes(out.resolve("count.json")) + "\" 3",
                "save \"" + slashes(out.resolve("count.txt")) + "\" 3",
                ""));
    assertEquals(0, CliOutcome.run("run", program.toString(), "--store", store()).exitCode());
    Path probe = Files.createFile(out.resolve("probe"));
    Set<PosixFilePermission> fresh = Files.getPosixFilePermissions(probe);
    for (String name : List.of("image.nii.gz", "count.json", "count.txt")) {
      assertEquals(fresh, Files.getPosixFilePermissions(out.resolve(name)), name);
    }
  }

  @Test
  void storeLocationsVoxBeamCannotOpenAreRefused() {
    // s3:// names a remote store (see RemoteStoreCliTest); without credentials it is refused
    // before any request, in one line.
    if (System.getenv("AWS_ACCESS_KEY_ID") == null
        && System.getProperty("aws.accessKeyId") == null) {
      CliOutcome s3 =
          CliOutcome.run("run", filterFold().toString(), "--store", "s3://bucket/results");
      assertEquals(2, s3.exitCode(), s3.err());
      assertEquals(
          "error: store s3://bucket/results: no AWS credentials found; set AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY (or the aws.accessKeyId and aws.secretAccessKey system"
              + " properties, or a profile)\n",
          s3.err());
    }
    assertFalse(Files.exists(Path.of("s3:")), "no folder named s3:");
    CliOutcome beam = CliOutcome.run(filterFold().toString(), "--store=gs://bucket/results");
    assertEquals(2, beam.exitCode(), beam.err());
    CliOutcome file =
        CliOutcome.run(
            "run", filterFold().toString(), "--store", dir.resolve("uri").toUri().toString());
    assertEquals(0, file.exitCode(), file.err());
    assertTrue(Files.isDirectory(dir.resolve("uri/segments")), "file: URIs name directories");
    for (List<String> readOnly :
        List.of(
            List.of("store", "stats"),
            List.of("store", "verify"),
            List.of("runs"),
            List.of("explain", filterFold().toString()))) {
      List<String> args = new java.util.ArrayList<>(readOnly);
      args.addAll(List.of("--store", dir.resolve("absent").toString()));
      CliOutcome refused = CliOutcome.run(args.toArray(new String[0]));
      assertEquals(2, refused.exitCode(), readOnly + ": " + refused.err());
      assertTrue(refused.err().startsWith("error: no result store at "), refused.err());
    }
    assertFalse(Files.exists(dir.resolve("absent")), "read-only commands create nothing");
  }

  private static String runId(CliOutcome outcome) {
    return outcome
        .err()
        .lines()
        .filter(line -> line.startsWith("voxbeam: run "))
        .map(line -> line.substring("voxbeam: run ".length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no run id in " + outcome.err()));
  }

  /**
   * The voxel-to-world affine rows a NIfTI-1 header gives ({@code srow_x}, {@code srow_y}, {@code
   * srow_z}, sform code 1 or more), read with nothing but the header layout.
   */
  private static float[] headerAffine(Path file) throws IOException {
    ByteBuffer header = header(file);
    assertTrue(header.getShort(254) > 0, "sform_code of " + file);
    float[] rows = new float[12];
    for (int i = 0; i < 12; i++) {
      rows[i] = header.getFloat(280 + 4 * i);
    }
    return rows;
  }

  /** How many voxels of a uint8 NIfTI volume exceed {@code threshold}. */
  private static int countAbove(Path file, int threshold) throws IOException {
    ByteBuffer whole = ByteBuffer.wrap(gunzip(file)).order(ByteOrder.LITTLE_ENDIAN);
    int offset = (int) whole.getFloat(108);
    assertEquals(2, whole.getShort(70), "datatype uint8");
    int count = 0;
    for (int i = offset; i < whole.limit(); i++) {
      count += (whole.get(i) & 0xff) > threshold ? 1 : 0;
    }
    return count;
  }

  private static ByteBuffer header(Path file) throws IOException {
    ByteBuffer header =
        ByteBuffer.wrap(gunzip(file), 0, 348).slice().order(ByteOrder.LITTLE_ENDIAN);
    if (header.getInt(0) != 348) {
      header.order(ByteOrder.BIG_ENDIAN);
    }
    assertEquals(348, header.getInt(0), "a NIfTI-1 header");
    return header;
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (InputStream in =
        file.toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(file))
            : Files.newInputStream(file)) {
      return in.readAllBytes();
    }
  }

  private static void assertAffine(float[] expected, float[] actual) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5, "affine entry " + i);
    }
  }

  private record Python(int exitCode, String output) {}

  private static Python python(String script, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(System.getProperty("voxbeam.python", "python3"), "-c", script));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException noPython) {
      return new Python(-1, noPython.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Python(-1, "timed out: " + output);
    }
    return new Python(process.exitValue(), output);
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }
}
