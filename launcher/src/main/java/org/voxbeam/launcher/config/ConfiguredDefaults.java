package org.voxbeam.launcher.config;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Feeds configured values to picocli as option defaults, so an option given on the command line
 * wins, then the environment, then the file, then the default written on the option.
 */
public final class ConfiguredDefaults implements IDefaultValueProvider {

  private final Configuration configuration;

  public ConfiguredDefaults(Configuration configuration) {
    this.configuration = configuration;
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option)) {
      return null;
    }
    return ConfigKey.forOption(option.longestName()).flatMap(configuration::value).orElse(null);
  }
}
