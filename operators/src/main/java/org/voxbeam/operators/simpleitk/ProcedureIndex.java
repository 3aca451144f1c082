package org.voxbeam.operators.simpleitk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.voxbeam.kernel.operator.Arity;

/**
 * The names and argument counts of SimpleITK's procedures: the resource {@code
 * procedure-index.tsv}, written from {@code procedures.json} by {@code
 * tools/simpleitk/generate_procedures.py --index}. It is all the reducer needs of a procedure, and
 * it reads in well under a millisecond, where parsing the whole interface (which only binding a
 * call needs) took 60–70 ms of every start-up.
 */
final class ProcedureIndex {
  private static final String RESOURCE = "procedure-index.tsv";

  /** A procedure's name and the argument counts a program may reduce with. */
  record Entry(String name, Arity arity) {}

  private ProcedureIndex() {}

  /** The index shipped beside {@code procedures.json}, in its order; read once per class loader. */
  static List<Entry> shipped() {
    return Shipped.ENTRIES;
  }

  private static final class Shipped {
    static final List<Entry> ENTRIES = read();
  }

  private static List<Entry> read() {
    try (InputStream in = ProcedureIndex.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Entry> parse(BufferedReader lines) throws IOException {
    List<Entry> entries = new ArrayList<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3) {
        throw new IllegalStateException(RESOURCE + " line " + number + " is not name, min, max");
      }
      int min = Integer.parseInt(fields[1]);
      Arity arity =
          fields[2].equals("*")
              ? Arity.atLeast(min)
              : Arity.between(min, Integer.parseInt(fields[2]));
      entries.add(new Entry(fields[0], arity));
    }
    return List.copyOf(entries);
  }
}
