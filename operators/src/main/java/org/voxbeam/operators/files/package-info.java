/**
 * {@code default.dir}, the primitive that turns a folder of cases into the sequence a dataset
 * program maps over: {@link org.voxbeam.operators.files.FileSystemOperators} registers it (start
 * there), {@link org.voxbeam.operators.files.DirectoryListing} is one listing request as
 * VoxLogicA-2 runs it, and a package-private {@code GlobPattern} matches names as Python's {@code
 * pathlib} does.
 *
 * <p>Kept apart from the other {@code default} primitives because it is the one that reads the file
 * system. Rules: every root goes through the run's {@link org.voxbeam.kernel.operator.FileAccess}
 * policy, so a server's programs list only its data roots; the listing is declared as an external
 * read, so a stored result is reused only while the folder holds the same names; entries are sorted
 * by code point, so the order never depends on the file system.
 */
package org.voxbeam.operators.files;
