/**
 * Files outside the store: {@link org.voxbeam.kernel.io.ExternalReads}, where operators declare
 * what they read so that results record it, {@link org.voxbeam.kernel.io.InputSource} and {@link
 * org.voxbeam.kernel.io.InputSources}, where inputs named by {@code s3://} and {@code hdfs://} URIs
 * come from (implemented outside the kernel, registered by scheme), and {@link
 * org.voxbeam.kernel.io.NewFiles}, which creates files the way the rest of the process does
 * (following the umask).
 */
package org.voxbeam.kernel.io;
