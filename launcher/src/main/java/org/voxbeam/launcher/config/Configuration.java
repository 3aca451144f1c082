package org.voxbeam.launcher.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings from the configuration file and the environment, validated as a whole before any command
 * runs, so a bad value stops the program with a message naming the file and key (or the variable)
 * instead of surfacing later as a confusing option error.
 *
 * <p>The file is a Java properties file ({@code configs/voxbeam.properties} documents every key).
 * It is the one given by {@code --config FILE}, else {@code $VOXBEAM_CONFIG}, else {@code
 * ~/.voxbeam/voxbeam.properties} if it exists.
 */
public final class Configuration {

  /** Names the configuration file when {@code --config} is not given. */
  public static final String CONFIG_VARIABLE = "VOXBEAM_CONFIG";

  private final Map<ConfigKey, String> fromFile;
  private final Map<ConfigKey, String> fromEnvironment;
  private final Map<String, String> runnerOptions;

  private Configuration(
      Map<ConfigKey, String> fromFile,
      Map<ConfigKey, String> fromEnvironment,
      Map<String, String> runnerOptions) {
    this.fromFile = fromFile;
    this.fromEnvironment = fromEnvironment;
    this.runnerOptions = runnerOptions;
  }

  /** No file, no environment: every option keeps its built-in default. */
  public static Configuration empty() {
    return new Configuration(Map.of(), Map.of(), Map.of());
  }

  /**
   * Finds, reads and validates the configuration for a command line.
   *
   * @param args the command line, scanned for {@code --config FILE} before it is parsed
   * @param environment the process environment
   * @throws ConfigurationException naming the file and key, or the variable, of a bad value
   */
  public static Configuration load(List<String> args, Map<String, String> environment) {
    Optional<Path> file = locate(args, environment);
    Map<ConfigKey, String> fromFile = new EnumMap<>(ConfigKey.class);
    Map<String, String> runner = new TreeMap<>();
    if (file.isPresent()) {
      readFile(file.get(), fromFile, runner);
    }
    Map<ConfigKey, String> fromEnvironment = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      String value = environment.get(key.environmentVariable());
      if (value != null) {
        key.kind()
            .problem(value)
            .ifPresent(
                problem -> {
                  throw new ConfigurationException(
                      "environment variable " + key.environmentVariable() + ": " + problem);
                });
        fromEnvironment.put(key, value.strip());
      }
    }
    return new Configuration(fromFile, fromEnvironment, runner);
  }

  /** The configured value of {@code key}: the environment's, else the file's. */
  public Optional<String> value(ConfigKey key) {
    return Optional.ofNullable(fromEnvironment.getOrDefault(key, fromFile.get(key)));
  }

  /** Beam pipeline options from {@code runner.*} keys, as {@code --name=value} arguments. */
  public List<String> runnerArguments() {
    return runnerOptions.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toList();
  }

  private static Optional<Path> locate(List<String> args, Map<String, String> environment) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--config")) {
        if (i + 1 >= args.size()) {
          throw new ConfigurationException("--config needs a file");
        }
        return Optional.of(existing(Path.of(args.get(i + 1)), "--config"));
      }
      if (arg.startsWith("--config=")) {
        return Optional.of(existing(Path.of(arg.substring("--config=".length())), "--config"));
      }
    }
    String named = environment.get(CONFIG_VARIABLE);
    if (named != null && !named.isBlank()) {
      return Optional.of(existing(Path.of(named), "environment variable " + CONFIG_VARIABLE));
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    Path standard = Path.of(home, ".voxbeam", "voxbeam.properties");
    return Files.isRegularFile(standard) ? Optional.of(standard) : Optional.empty();
  }

  private static Path existing(Path file, String origin) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(origin + ": no configuration file " + file);
    }
    return file;
  }

  private static void readFile(
      Path file, Map<ConfigKey, String> values, Map<String, String> runner) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException(file + ": cannot read configuration: " + e.getMessage());
    }
    for (String name : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
      String value = properties.getProperty(name);
      if (name.startsWith(ConfigKey.RUNNER_PREFIX)
          && name.length() > ConfigKey.RUNNER_PREFIX.length()) {
        runner.put(name.substring(ConfigKey.RUNNER_PREFIX.length()), value.strip());
        continue;
      }
      ConfigKey key =
          ConfigKey.forKey(name)
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          file
                              + ": unknown key '"
                              + name
                              + "'; known keys: "
                              + String.join(", ", ConfigKey.keys())
                              + ", and runner.* for Beam options"));
      key.kind()
          .problem(value)
          .ifPresent(
              problem -> {
                throw new ConfigurationException(file + ": key " + name + ": " + problem);
              });
      values.put(key, value.strip());
    }
  }
}
