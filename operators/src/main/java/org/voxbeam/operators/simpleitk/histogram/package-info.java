/**
 * ITK's histogram thresholding: {@link org.voxbeam.operators.simpleitk.histogram.Histogram} (its
 * one-dimensional histogram, with ITK's bin edges), the histograms ITK's filters build from images
 * ({@link org.voxbeam.operators.simpleitk.histogram.ImageHistograms}), and one {@link
 * org.voxbeam.operators.simpleitk.histogram.ThresholdCalculator} per method (Otsu, triangle, Huang,
 * IsoData, Li, maximum and Rényi entropy, moments, Yen, Shanbhag, Kittler and Illingworth,
 * intermodes), each following its ITK calculator's arithmetic.
 */
package org.voxbeam.operators.simpleitk.histogram;
