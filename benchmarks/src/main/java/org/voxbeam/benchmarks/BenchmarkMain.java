package org.voxbeam.benchmarks;

import org.voxbeam.benchmarks.beam.BeamCommand;
import org.voxbeam.benchmarks.frontend.FrontendCommand;
import org.voxbeam.benchmarks.images.ImagesCommand;
import org.voxbeam.benchmarks.kernels.KernelsCommand;
import org.voxbeam.benchmarks.memory.LimitedRamCommand;
import org.voxbeam.benchmarks.peer.PeerCommand;
import org.voxbeam.benchmarks.scheduler.SchedulerCommand;
import org.voxbeam.benchmarks.store.SequenceReadCommand;
import org.voxbeam.benchmarks.store.StoreCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code voxbeam-benchmarks.jar}. Benchmarks live in their own jar, one subcommand
 * each, so that measuring the engine never adds code or dependencies to the product launcher, and
 * so that they run only when asked for, never as part of the test build.
 */
@Command(
    name = "voxbeam-benchmarks",
    mixinStandardHelpOptions = true,
    description = "Measures VoxBeam components against baselines run in the same process.",
    subcommands = {
      SchedulerCommand.class,
      StoreCommand.class,
      SequenceReadCommand.class,
      BeamCommand.class,
      ImagesCommand.class,
      KernelsCommand.class,
      LimitedRamCommand.class,
      FrontendCommand.class,
      PeerCommand.class
    })
public final class BenchmarkMain implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchmarkMain()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a benchmark: scheduler, store, sequence-read, beam, images, kernels, limited-ram, frontend or peer");
  }
}
