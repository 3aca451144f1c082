package org.voxbeam.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The Maven project version, written into {@code version.properties} when the module is built, so
 * the jar, the classes directory and the tests all report the same version.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"voxbeam " + version()};
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version of this build", e);
    }
    return properties.getProperty("version", "(development build)");
  }
}
