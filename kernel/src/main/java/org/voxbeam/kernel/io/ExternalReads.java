package org.voxbeam.kernel.io;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where an operator declares what it reads outside the store, so that its result is recorded with a
 * fingerprint of it and reused only while that is unchanged. Every operator that opens a file or
 * lists a directory calls this, through {@code Arguments.reads()}, <em>before</em> reading, with
 * the path it is about to open (after its {@code FileAccess} check):
 *
 * <pre>{@code
 * Path file = arguments.reads().file(access.check(Path.of(name)));
 * return codec.read(file);
 * }</pre>
 *
 * <p>Declaring before reading is what keeps a concurrent change safe: the fingerprint is taken
 * first, so a file that changes while it is read leaves a fingerprint that no longer matches, and
 * the result is recomputed by the next run rather than trusted. Implementations are thread-safe and
 * never throw: a path that does not exist is recorded as absent, and the operator reports its own
 * error. Remote inputs ({@code s3://}, {@code hdfs://}, read through an {@link InputSource}) are
 * declared by their URI, after the access policy's {@code checkRemote}.
 */
public interface ExternalReads {
  /** Records nothing: for evaluations whose results are not stored. */
  ExternalReads NONE =
      new ExternalReads() {
        @Override
        public Path file(Path file) {
          return file;
        }

        @Override
        public Path listing(Path directory, boolean recursive) {
          return directory;
        }

        @Override
        public URI remoteFile(URI object) {
          return object;
        }

        @Override
        public URI remoteListing(URI folder, boolean recursive) {
          return folder;
        }
      };

  /** The node reads the bytes of {@code file}. Returns {@code file}. */
  Path file(Path file);

  /**
   * The node reads the names of the entries of {@code directory}: its direct entries, or with
   * {@code recursive} every entry below it. Returns {@code directory}.
   */
  Path listing(Path directory, boolean recursive);

  /** The node reads the content of the remote object {@code object}. Returns {@code object}. */
  URI remoteFile(URI object);

  /**
   * The node reads the names below the remote folder {@code folder}, its direct entries or with
   * {@code recursive} every entry below it. Returns {@code folder}.
   */
  URI remoteListing(URI folder, boolean recursive);
}
