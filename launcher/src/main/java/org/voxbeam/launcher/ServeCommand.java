package org.voxbeam.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.launcher.http.ApiServer;
import org.voxbeam.launcher.http.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves the HTTP API over the persistent store until the process is stopped. Loopback only unless
 * {@code --host} says otherwise; with {@code --token} (or {@code $VOXBEAM_TOKEN}) every request but
 * the health check needs it.
 */
@Command(name = "serve", description = "Serve the HTTP API (see docs/api.md).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreLocation storeLocation;
  @Mixin LimitOptions limitOptions;
  @Mixin PeerOptions peerOptions;
  @Mixin InputOptions inputOptions;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to listen on, 0 for any (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--token",
      description =
          "Bearer token required on every request (default: server.token or $VOXBEAM_TOKEN; none if unset).")
  String token;

  @Option(
      names = "--data-root",
      paramLabel = "DIR",
      split = ",",
      description = "Directory runs may write save goals into; repeatable or comma-separated.")
  List<Path> dataRoots = new ArrayList<>();

  @Option(
      names = "--max-body-kb",
      defaultValue = "1024",
      description = "Largest request body, in KB (default: ${DEFAULT-VALUE}).")
  long maxBodyKilobytes;

  @Option(names = "--threads", description = "Worker threads per run (default: one per core).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("--port must be between 0 and 65535, got " + port);
    }
    if (maxBodyKilobytes < 1) {
      throw new InvalidInputException("--max-body-kb must be at least 1, got " + maxBodyKilobytes);
    }
    ServerSettings settings =
        new ServerSettings(host, port, Optional.empty(), maxBodyKilobytes << 10, 1000, dataRoots);
    if (token != null && !token.isBlank()) {
      settings = settings.withToken(token);
    }
    RunSettings runs =
        RunSettings.inProcess()
            .withThreads(threads == null ? 0 : threads)
            .withLimits(limitOptions.limits())
            .withPeers(peerOptions.settings())
            .withInputs(inputOptions.settings(storeLocation.endpoint()));
    try (VoxBeam voxbeam = storeLocation.openPersistentVoxBeam();
        ApiServer server =
            new ApiServer(settings, voxbeam, runs, new VersionProvider().getVersion()[0])) {
      int bound = server.start();
      spec.commandLine()
          .getOut()
          .printf("voxbeam: serving http://%s:%d%s%n", host, bound, ApiServer.PREFIX);
      spec.commandLine().getOut().printf("voxbeam: Studio at http://%s:%d/%n", host, bound);
      spec.commandLine().getOut().flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return ExitCodes.OK;
  }
}
