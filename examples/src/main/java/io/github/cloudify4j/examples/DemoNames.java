package io.github.cloudify4j.examples;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The demo's snapshot naming: {@code daily-} and a UTC stamp, the scheme of {@link DailyBackup}. */
final class DemoNames {
  static final String PREFIX = "daily-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private DemoNames() {}

  static String dailyId(Instant t) {
    return PREFIX + STAMP.format(t);
  }
}
