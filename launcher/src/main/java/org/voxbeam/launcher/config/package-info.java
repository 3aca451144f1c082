/**
 * Settings from the configuration file and the environment. Start at {@link
 * org.voxbeam.launcher.config.Configuration}, which finds the file, reads it and the environment,
 * and validates everything before any command runs; {@link org.voxbeam.launcher.config.ConfigKey}
 * lists every setting with the command-line option it stands in for and its environment variable,
 * and {@link org.voxbeam.launcher.config.ConfiguredDefaults} hands the values to picocli as option
 * defaults. {@link org.voxbeam.launcher.config.Quantities} reads durations and sizes as users write
 * them.
 *
 * <p>Depends on picocli only, not on the engine; the commands of {@code org.voxbeam.launcher} use
 * it. Rules: precedence is command line, then environment, then file, then the option's built-in
 * default, decided here and nowhere else; a new setting is a {@code ConfigKey} constant and is
 * documented in {@code configs/voxbeam.properties}; a bad value stops the program with a message
 * naming the file and key, or the variable.
 */
package org.voxbeam.launcher.config;
