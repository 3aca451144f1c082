package org.voxbeam.launcher.config;

/** A configuration file or environment variable that cannot be used; the message names it. */
public final class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
