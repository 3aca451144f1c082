package org.voxbeam.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method as part of the long campaigns: a multi-process cluster run, the
 * crash and random-value campaigns at full size, the heaviest corpus programs, the largest probe
 * cases. The everyday build ({@code mvn -B verify}) leaves them out and keeps a smaller sibling of
 * each in its place, so that it stays within a few minutes on a two-core machine; {@code mvn -B
 * test -Pcampaigns} runs them alone, and CI runs both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(Campaign.TAG)
public @interface Campaign {
  /** The JUnit tag the build filters on. */
  String TAG = "campaign";
}
