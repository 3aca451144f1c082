/**
 * The Java API of VoxBeam: {@link org.voxbeam.api.VoxBeam} opens a store, runs ImgQL programs and
 * plans (in this process or on a Beam runner) and reads results by node id. The command line and
 * the HTTP server are built on it, so a program embedding VoxBeam gets exactly their behaviour. See
 * docs/api.md, section "Java API".
 */
package org.voxbeam.api;
