package org.voxbeam.transforms;

import java.net.URI;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Everything a Beam run of a plan needs besides the runner's own options, settable as {@code
 * --name=value} on the command line or in an options file; Beam's {@code --runner=DirectRunner} is
 * the default runner.
 */
public interface VoxBeamOptions extends PipelineOptions {
  @Description(
      "Result store: a directory, or a remote store (s3://bucket/prefix, hdfs://host:port/path)."
          + " On a cluster a directory must be a path every worker and the driver reach (a shared"
          + " filesystem), since stages exchange results only through the store; a remote store is"
          + " opened by each worker JVM with a working directory of its own.")
  String getStore();

  void setStore(String value);

  @Description(
      "The S3-compatible server of an s3:// store (default: AWS S3 itself); credentials and region"
          + " are found as the AWS SDK finds them, in each worker's environment.")
  URI getStoreEndpoint();

  void setStoreEndpoint(URI value);

  @Description(
      "A remote store's working directory in each worker JVM (default: a new temporary directory"
          + " per JVM). JVMs on one machine may share one; it is a cache of the remote.")
  String getStoreWorkDir();

  void setStoreWorkDir(String value);

  @Description(
      "The plan to run (VoxLogicA-2 JSON). The launcher also takes it as its positional argument.")
  String getPlan();

  void setPlan(String value);

  @Description(
      "Worker threads of the DirectRunner (0: one per core); also sizes the tasks per stage.")
  @Default.Integer(0)
  int getThreads();

  void setThreads(int value);

  @Description("Upper bound on the number of stages (Beam transforms that run nodes).")
  @Default.Integer(8)
  int getMaxStages();

  void setMaxStages(int value);

  @Description(
      "Nodes to compute per stage below which a plan gets fewer stages than --maxStages (1: always"
          + " --maxStages): a stage has a fixed cost that a small plan does not repay.")
  @Default.Integer(PlannerSettings.DEFAULT_MIN_NODES_PER_STAGE)
  int getMinNodesPerStage();

  void setMinNodesPerStage(int value);

  @Description("Tasks a stage of independent nodes is packed into (0: four per thread).")
  @Default.Integer(0)
  int getTasksPerStage();

  void setTasksPerStage(int value);

  @Description("Memory for decoded results in each worker JVM, in MB.")
  @Default.Long(256)
  long getCacheMb();

  void setCacheMb(long value);

  @Description(
      "Memory for decoded results in each worker JVM, in bytes; when set, it takes the place of"
          + " --cacheMb (the launcher sets it from the store's cache size).")
  Long getCacheBytes();

  void setCacheBytes(Long value);

  @Description("Most voxels of one image read from a file.")
  @Default.Long(1L << 28)
  long getMaxVoxels();

  void setMaxVoxels(long value);

  @Description("Most data one image file may hold once decompressed, in MB.")
  @Default.Long(1024)
  long getMaxDecompressedMb();

  void setMaxDecompressedMb(long value);

  @Description("Compute every node whatever the store holds, writing the new results.")
  @Default.Boolean(false)
  boolean getNoCache();

  void setNoCache(boolean value);

  @Description(
      "Goals, comma-separated, whose cones (the goals and everything they depend on) are computed"
          + " whatever the store holds.")
  String getRefresh();

  void setRefresh(String value);

  @Description("The run's id, recorded in the rows it writes (default: a new random id).")
  String getRunId();

  void setRunId(String value);

  @Description("Results per store commit; a bundle also commits what it holds when it finishes.")
  @Default.Integer(1024)
  int getCommitBatchSize();

  void setCommitBatchSize(int value);

  @Description(
      "Items of a map, for or filter per element of a fan-out stage (0: spread each node's items"
          + " evenly over the stage's groups, at most --commitBatchSize per element).")
  @Default.Integer(0)
  int getItemsPerBatch();

  void setItemsPerBatch(int value);

  @Description(
      "Directory that relative file names of a program (ReadImage, WriteImage, load, dir) resolve"
          + " against on every worker; default: the worker's working directory.")
  String getFileBase();

  void setFileBase(String value);

  @Description(
      "FROM=TO: files a program names under FROM are read from (and written to) TO instead, so a"
          + " program written for another machine's folders runs unchanged; repeatable.")
  List<String> getMapPath();

  void setMapPath(List<String> value);

  @Description(
      "Prefixes (s3://bucket/prefix, hdfs://host:port/path) under which a program may read its"
          + " inputs (dir, load, ReadImage) on every worker; no remote input is read outside them."
          + " Repeatable or comma-separated.")
  List<String> getInputRoots();

  void setInputRoots(List<String> value);

  @Description(
      "The S3-compatible server s3:// inputs are read from (default: --storeEndpoint, else AWS S3"
          + " itself).")
  URI getInputEndpoint();

  void setInputEndpoint(URI value);
}
