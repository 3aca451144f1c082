package org.voxbeam.launcher;

import java.util.Comparator;
import java.util.concurrent.Callable;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.operators.library.StandardLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lists the operators this build runs, by namespace; with {@code --all}, also the primitives of
 * VoxLogicA-2's catalog that it names but does not run, each with the reason.
 */
@Command(name = "list-primitives", description = "List the available operators, by namespace.")
final class ListPrimitivesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--namespace", description = "Only this namespace.")
  String namespace;

  @Option(names = "--all", description = "Also list the primitives VoxBeam names but does not run.")
  boolean all;

  @Override
  public Integer call() {
    StandardLibrary.registry().operators().stream()
        .filter(op -> namespace == null || op.name().namespace().equals(namespace))
        .filter(op -> all || op.available())
        .sorted(
            Comparator.comparing((Operator op) -> op.name().namespace())
                .thenComparing(op -> op.name().name()))
        .forEach(
            op ->
                spec.commandLine()
                    .getOut()
                    .printf("%-40s %-6s %s%n", op.name().qualified(), op.arity(), describe(op)));
    return ExitCodes.OK;
  }

  private static String describe(Operator op) {
    return op.available() ? op.description() : "not available: " + op.description();
  }
}
