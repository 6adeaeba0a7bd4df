package io.github.cloudify4j.cli;

import io.github.cloudify4j.examples.console.DurationText;

import java.time.Duration;
import picocli.CommandLine;

/**
 * A duration as people type it: {@code 90s}, {@code 10m} (or {@code 10min}), {@code 1h30m}, {@code 500ms},
 * {@code 2d}, or ISO-8601 ({@code PT10M}); must be positive. A picocli converter, so a bad value is a usage error
 * (exit 2) naming the option, before anything is sent.
 */
final class Durations implements CommandLine.ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    Duration d = parse(text);
    if (d == null) {
      throw new CommandLine.TypeConversionException("takes a duration such as 90s, 10m or 1h30m, not '" + text + "'");
    }
    if (d.isZero() || d.isNegative()) {
      throw new CommandLine.TypeConversionException("must be longer than 0, not '" + text + "'");
    }
    return d;
  }

  static Duration parse(String text) {
    return DurationText.parse(text);
  }
}
