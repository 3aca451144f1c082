package org.voxbeam.api;

import java.time.Duration;

/**
 * Where a run's time went: one phase ({@code planning}, {@code execution}) of an in-process run, or
 * one Beam stage ({@code stage 3}) of a pipeline.
 *
 * @param name the phase or stage
 * @param elapsed wall-clock time spent in it
 */
public record StageTime(String name, Duration elapsed) {}
