/**
 * Files outside the store: {@link org.voxbeam.kernel.io.ExternalReads}, where operators declare
 * what they read so that results record it, and {@link org.voxbeam.kernel.io.NewFiles}, which
 * creates files the way the rest of the process does (following the umask).
 */
package org.voxbeam.kernel.io;
