package org.voxbeam.pipeline.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Independent checks of goals no other engine computed here, by name as {@code expectations.json}
 * lists them. Each works from the fixture's files (read with {@link RawNifti}, not VoxBeam's codec)
 * or from another goal of the same run, and returns the problems it finds.
 */
public final class CorpusChecks {
  private CorpusChecks() {}

  /** What a check may look at: the files, the program, its plan and every goal's result. */
  public record Context(
      CorpusFixture fixture, Corpus.Program program, Plan plan, List<GoalResult> goals) {
    /** The value of the declaration {@code name} (the last goal of that name). */
    Value declared(String name) {
      for (int g = goals.size() - 1; g >= 0; g--) {
        if (goals.get(g).goal().name().equals(name)) {
          return goals.get(g).value();
        }
      }
      throw new IllegalArgumentException("no goal " + name);
    }
  }

  public static List<String> run(String check, Context context, String key, Value value) {
    List<String> problems = new ArrayList<>();
    switch (check) {
      case "dataset paths" -> datasetPaths(context, value, problems);
      case "dataset images" -> datasetImages(context, value, problems);
      case "percentile ranks" -> percentileRanks(context, value, problems);
      case "segmentation masks" -> segmentationMasks(context, value, problems);
      case "volumes of segmentations" ->
          volumes(context.declared("segmentations"), value, problems);
      case "volumes of result" -> volumes(context.declared("result"), value, problems);
      case "written smooth image" ->
          writtenImage(
              context,
              "output/sitk-smooth/smoothed_chris_t1.nii.gz",
              context.declared("smooth"),
              problems);
      default -> problems.add("unknown check '" + check + "'");
    }
    return problems;
  }

  /**
   * The FLAIR volumes of the dataset, as {@code dir(root, "*_flair.nii.gz", true, true)} lists
   * them, from the first.
   */
  private static void datasetPaths(Context context, Value value, List<String> problems) {
    List<Path> files = context.fixture().flairVolumes();
    List<Value> items = items(value, problems);
    if (items.isEmpty() || items.size() > files.size()) {
      problems.add(items.size() + " paths; the dataset has " + files.size());
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String expected = realPath(files.get(i));
      if (!(items.get(i) instanceof StringValue s) || !s.value().equals(expected)) {
        problems.add(
            "path " + i + " is " + GoalValues.text(items.get(i)) + ", expected " + expected);
      }
    }
  }

  /** Each image holds the voxels of the dataset's file at its position. */
  private static void datasetImages(Context context, Value value, List<String> problems) {
    List<Path> files = context.fixture().flairVolumes();
    List<Value> items = items(value, problems);
    for (int i = 0; i < items.size(); i++) {
      RawNifti file = RawNifti.read(files.get(i));
      if (!(items.get(i) instanceof ImageValue image)
          || image.dtype() != DType.UINT8
          || !Arrays.equals(bytes(image), file.voxels())) {
        problems.add("image " + i + " is not the voxels of " + files.get(i).getFileName());
      }
    }
  }

  /**
   * Percentile ranks of each FLAIR volume inside the brain, with correction 0: -1 outside, and
   * inside {@code (voxels of the brain with a lower intensity) / (voxels of the brain)} as float32,
   * the intensities read from the file.
   */
  private static void percentileRanks(Context context, Value value, List<String> problems) {
    List<Path> files = context.fixture().flairVolumes();
    List<Value> items = items(value, problems);
    for (int i = 0; i < items.size(); i++) {
      byte[] intensities = RawNifti.read(files.get(i)).voxels();
      if (!(items.get(i) instanceof ImageValue image) || image.dtype() != DType.FLOAT32) {
        problems.add("rank image " + i + " is not a float32 image");
        continue;
      }
      Voxels ranks = Voxels.of(image);
      long[] below = new long[257];
      long brain = 0;
      for (int v = 0; v < intensities.length; v++) {
        if (ranks.get(v) != -1.0) {
          below[(intensities[v] & 0xff) + 1]++;
          brain++;
        }
      }
      for (int level = 1; level < below.length; level++) {
        below[level] += below[level - 1];
      }
      int wrong = 0;
      for (int v = 0; v < intensities.length; v++) {
        double rank = ranks.get(v);
        if (rank != -1.0 && rank != (float) ((double) below[intensities[v] & 0xff] / brain)) {
          wrong++;
        }
      }
      if (brain == 0 || wrong > 0) {
        problems.add(
            "rank image " + i + ": " + wrong + " wrong ranks among " + brain + " brain voxels");
      }
    }
  }

  /** Each segmentation is a 0/1 uint8 mask over its FLAIR volume's grid. */
  private static void segmentationMasks(Context context, Value value, List<String> problems) {
    List<Path> files = context.fixture().flairVolumes();
    List<Value> items = items(value, problems);
    for (int i = 0; i < items.size(); i++) {
      RawNifti file = RawNifti.read(files.get(i));
      if (!(items.get(i) instanceof ImageValue image)
          || image.dtype() != DType.UINT8
          || image.geometry().voxelCount() != file.voxels().length) {
        problems.add(
            "segmentation " + i + " is not a uint8 mask over " + files.get(i).getFileName());
        continue;
      }
      byte[] mask = bytes(image);
      for (byte voxel : mask) {
        if (voxel != 0 && voxel != 1) {
          problems.add("segmentation " + i + " holds " + voxel);
          break;
        }
      }
    }
  }

  /** Each volume is the number of voxels set in the mask of the same position. */
  private static void volumes(Value masks, Value value, List<String> problems) {
    List<Value> volumes = items(value, problems);
    List<Value> images = items(masks, problems);
    if (volumes.isEmpty() || volumes.size() > images.size()) {
      problems.add(volumes.size() + " volumes for " + images.size() + " masks");
      return;
    }
    for (int i = 0; i < volumes.size(); i++) {
      long set = 0;
      for (byte voxel : bytes((ImageValue) images.get(i))) {
        set += voxel != 0 ? 1 : 0;
      }
      if (!(volumes.get(i) instanceof NumberValue n) || n.value() != set) {
        problems.add(
            "volume "
                + i
                + " is "
                + GoalValues.text(volumes.get(i))
                + ", the mask has "
                + set
                + " voxels");
      }
    }
  }

  /** The program wrote {@code relative} under the fixture, holding {@code expected}. */
  private static void writtenImage(
      Context context, String relative, Value expected, List<String> problems) {
    Path file = context.fixture().base().resolve(relative);
    if (!Files.isRegularFile(file)) {
      problems.add(relative + " was not written");
      return;
    }
    try {
      Value written = new ImageFiles().read(file);
      if (!GoalValues.text(written).equals(GoalValues.text(expected))) {
        problems.add(
            relative + " holds " + GoalValues.text(written) + ", not " + GoalValues.text(expected));
      }
    } catch (IOException e) {
      problems.add(relative + " cannot be read: " + e.getMessage());
    }
  }

  private static List<Value> items(Value value, List<String> problems) {
    if (value instanceof SequenceValue sequence) {
      return sequence.items();
    }
    problems.add("expected a sequence, got " + GoalValues.text(value));
    return List.of();
  }

  private static byte[] bytes(ImageValue image) {
    try {
      return image.voxels().readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String realPath(Path file) {
    try {
      return file.toRealPath().toString();
    } catch (IOException e) {
      return file.toAbsolutePath().toString();
    }
  }
}
