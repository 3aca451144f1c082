package org.voxbeam.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a benchmark's Markdown goes: standard output, and a file when one was asked for. Every
 * report starts with the machine it was measured on, since ratios from different machines do not
 * compare.
 */
public final class Report {
  private final StringBuilder text = new StringBuilder();

  public Report(String title) {
    Runtime runtime = Runtime.getRuntime();
    text.append("## ")
        .append(title)
        .append("\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Java %s (%s), %d processors, max heap %,d MB.%n%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                runtime.availableProcessors(),
                runtime.maxMemory() >> 20));
  }

  /** Appends a paragraph. */
  public Report paragraph(String paragraph) {
    text.append(paragraph).append("\n\n");
    return this;
  }

  /** Appends a titled table. */
  public Report table(String title, MarkdownTable table) {
    text.append("### ").append(title).append("\n\n").append(table.render()).append('\n');
    return this;
  }

  /** Prints the report, and writes it to {@code file} too unless that is null. */
  public void emit(PrintWriter out, Path file) throws IOException {
    out.print(text);
    out.flush();
    if (file != null) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }
}
