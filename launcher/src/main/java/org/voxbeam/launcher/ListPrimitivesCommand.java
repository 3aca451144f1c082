package org.voxbeam.launcher;

import java.util.Comparator;
import java.util.concurrent.Callable;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.transforms.library.StandardLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the operators this build provides, by namespace. */
@Command(name = "list-primitives", description = "List the available operators, by namespace.")
final class ListPrimitivesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--namespace", description = "Only this namespace.")
  String namespace;

  @Override
  public Integer call() {
    StandardLibrary.registry().operators().stream()
        .filter(op -> namespace == null || op.name().namespace().equals(namespace))
        .sorted(Comparator.comparing((Operator op) -> op.name().namespace()).thenComparing(op -> op.name().name()))
        .forEach(
            op ->
                spec.commandLine()
                    .getOut()
                    .printf("%-28s %-6s %s%n", op.name().qualified(), op.arity(), op.description()));
    return ExitCodes.OK;
  }
}
