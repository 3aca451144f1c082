/**
 * Image files: {@link org.voxbeam.operators.image.io.ImageFiles} picks the format by file name as
 * SimpleITK does (start there); {@link org.voxbeam.operators.image.io.NiftiCodec} reads and writes
 * single-file NIfTI-1 (its header and orientation are separate, validated records) and {@link
 * org.voxbeam.operators.image.io.PngCodec} PNG pictures. {@link
 * org.voxbeam.operators.image.io.ImageLimits} bounds what one file may cost to read.
 *
 * <p>Used by {@code default.load} and SimpleITK's {@code ReadImage}/{@code WriteImage}, by the
 * engine's {@code save} goals, and by the launcher and benchmarks, which set the limits. Rules:
 * every header is checked against the limits before anything is allocated, and decompressed bytes
 * again while they stream, so a hostile file costs kilobytes; a file that cannot be read as it
 * claims is an {@link org.voxbeam.operators.image.io.ImageFormatException} naming the file and the
 * field at fault; geometry is reported in ITK's LPS convention, as SimpleITK reports it.
 */
package org.voxbeam.operators.image.io;
