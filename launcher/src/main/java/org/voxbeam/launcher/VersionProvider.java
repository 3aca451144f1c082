package org.voxbeam.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version recorded in the jar's manifest at build time. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VoxBeamCli.class.getPackage().getImplementationVersion();
    return new String[] {"voxbeam " + (version == null ? "(development build)" : version)};
  }
}
