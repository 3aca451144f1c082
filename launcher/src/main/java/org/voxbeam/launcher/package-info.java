/**
 * The {@code voxbeam} command line. Start at {@link org.voxbeam.launcher.VoxBeamCli}, which
 * declares the commands and turns every failure a user can fix into one line on standard error;
 * each command ({@code run}, {@code plan}, {@code explain}, {@code export}, {@code get}, {@code
 * runs}, {@code store}, {@code serve}, {@code list-primitives}) is a package-private picocli class,
 * and the options several commands share are mixins (the store to use, the plan and how it is read,
 * resource limits, the progress bar).
 *
 * <p>A thin layer: runs go through {@link org.voxbeam.api.VoxBeam}, store maintenance through
 * {@code org.voxbeam.storage.maintenance}, and {@code serve} starts the HTTP server of {@code
 * launcher.http}; settings from the configuration file and the environment come from {@code
 * launcher.config}. Rules: a bad input or environment is one clear line and {@link
 * org.voxbeam.launcher.ExitCodes#BAD_INPUT}, never a stack trace (those go to the log); goals alone
 * go to standard output, the progress bar and the run report to standard error; behaviour the HTTP
 * API offers as well belongs below the commands, not in them.
 */
package org.voxbeam.launcher;
