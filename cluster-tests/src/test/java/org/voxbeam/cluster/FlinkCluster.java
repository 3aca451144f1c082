package org.voxbeam.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink 1.19 session cluster on loopback as separate processes: one JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and {@code n} TaskManagers ({@code TaskManagerRunner}) of
 * one slot each, every one a JVM with its own directory (configuration, temporary files, Flink's
 * I/O directories, log) and started with this test's class path, so VoxBeam is on the workers'
 * class path and the job stages no jars of its own. Flink and VoxBeam log to a file per process
 * under the process's directory, never to the build's console.
 */
final class FlinkCluster implements AutoCloseable {
  /** What Flink's own scripts open on Java 17. */
  static final List<String> JAVA_17_OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED");

  private static final String JOB_MANAGER =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final Pattern TASK_MANAGER_ID = Pattern.compile("\"id\"\\s*:");

  private final List<Process> processes = new ArrayList<>();
  private final List<Path> taskManagerDirectories = new ArrayList<>();
  private final int restPort;

  private FlinkCluster(int restPort) {
    this.restPort = restPort;
  }

  /**
   * Starts the JobManager and {@code taskManagers} TaskManagers under {@code root}, each with
   * {@code environment} added to its own (the workers' store credentials), and waits until every
   * TaskManager registered.
   */
  static FlinkCluster start(Path root, int taskManagers, Map<String, String> environment)
      throws IOException, InterruptedException {
    int rpcPort = freePort();
    FlinkCluster cluster = new FlinkCluster(freePort());
    try {
      Map<String, String> common = new LinkedHashMap<>();
      common.put("jobmanager.rpc.address", "127.0.0.1");
      common.put("jobmanager.rpc.port", Integer.toString(rpcPort));
      common.put("jobmanager.bind-host", "127.0.0.1");
      common.put("rest.address", "127.0.0.1");
      common.put("rest.bind-address", "127.0.0.1");
      common.put("rest.port", Integer.toString(cluster.restPort));
      common.put("blob.server.port", "0");
      common.put("taskmanager.host", "127.0.0.1");
      common.put("taskmanager.bind-host", "127.0.0.1");
      common.put("taskmanager.numberOfTaskSlots", "1");
      common.put("taskmanager.cpu.cores", "1");
      common.put("taskmanager.memory.framework.heap.size", "64m");
      common.put("taskmanager.memory.framework.off-heap.size", "64m");
      common.put("taskmanager.memory.task.heap.size", "384m");
      common.put("taskmanager.memory.task.off-heap.size", "0m");
      common.put("taskmanager.memory.network.min", "128m");
      common.put("taskmanager.memory.network.max", "128m");
      common.put("taskmanager.memory.managed.size", "32m");
      common.put("taskmanager.memory.jvm-metaspace.size", "256m");
      common.put("taskmanager.memory.jvm-overhead.min", "128m");
      common.put("taskmanager.memory.jvm-overhead.max", "128m");
      // The store's class-only hadoop-common would make Flink load its Hadoop security module.
      common.put(
          "security.module.factory.classes",
          "org.apache.flink.runtime.security.modules.JaasModuleFactory");
      common.put(
          "security.context.factory.classes",
          "org.apache.flink.runtime.security.contexts.NoOpSecurityContextFactory");
      common.put("jobmanager.memory.process.size", "768m");
      common.put("parallelism.default", Integer.toString(taskManagers));
      common.put("heartbeat.timeout", "60000");
      common.put("classloader.check-leaked-classloader", "false");

      cluster.launch(root.resolve("jobmanager"), JOB_MANAGER, common, environment, "512m");
      for (int i = 1; i <= taskManagers; i++) {
        Path directory = root.resolve("taskmanager-" + i);
        cluster.taskManagerDirectories.add(directory);
        cluster.launch(directory, TASK_MANAGER, common, environment, "640m");
      }
      cluster.awaitTaskManagers(taskManagers, Duration.ofSeconds(90));
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void launch(
      Path directory,
      String main,
      Map<String, String> configuration,
      Map<String, String> environment,
      String heap)
      throws IOException {
    Path conf = Files.createDirectories(directory.resolve("conf"));
    Path tmp = Files.createDirectories(directory.resolve("tmp"));
    Map<String, String> own = new LinkedHashMap<>(configuration);
    own.put("io.tmp.dirs", tmp.toString());
    own.put("web.tmpdir", tmp.toString());
    StringBuilder yaml = new StringBuilder();
    own.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
    Files.writeString(conf.resolve("config.yaml"), yaml.toString());

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:MaxDirectMemorySize=256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-Dorg.slf4j.simpleLogger.logFile=" + directory.resolve("process.log"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.log.org.voxbeam=debug");
    command.addAll(JAVA_17_OPENS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main);
    command.add("--configDir");
    command.add(conf.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectOutput(directory.resolve("stdout.log").toFile())
            .redirectError(directory.resolve("stderr.log").toFile());
    builder.environment().putAll(environment);
    processes.add(builder.start());
  }

  private void awaitTaskManagers(int expected, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "a Flink process exited with " + process.exitValue() + " while the cluster started");
        }
      }
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + "/taskmanagers"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = answer.body();
        if (answer.statusCode() == 200 && count(TASK_MANAGER_ID, last) >= expected) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        expected + " TaskManagers did not register within " + timeout + ": " + last);
  }

  private static int count(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }

  /** The JobManager's REST address, as {@code --flinkMaster} takes it. */
  String master() {
    return "127.0.0.1:" + restPort;
  }

  private String restUrl() {
    return "http://" + master();
  }

  /** Each TaskManager's own directory: its configuration, temporary files and log. */
  List<Path> taskManagerDirectories() {
    return List.copyOf(taskManagerDirectories);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
