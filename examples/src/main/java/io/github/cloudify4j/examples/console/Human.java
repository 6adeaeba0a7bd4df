package io.github.cloudify4j.examples.console;

import java.time.Duration;
import java.util.Locale;

/** Durations and sizes the way a person says them: "1.4 s", "2 min 05 s", "12.3 MiB". */
public final class Human {
  private Human() {}

  /** "850 ms", "1.4 s", "42 s", "2 min 05 s", "1 h 02 min". */
  public static String duration(Duration d) {
    if (d == null) {
      return "-";
    }
    long ms = Math.max(0, d.toMillis());
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /** "512 B", "1.5 KiB", "12.3 MiB", "1.20 GiB" (binary units, as file managers and {@code ls -h} use). */
  public static String bytes(long n) {
    if (n < 0) {
      return "?";
    }
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, v < 10 && i >= 2 ? "%.2f %s" : "%.1f %s", v, units[i]);
  }

  /** "3.4 MiB/s". */
  public static String rate(long bytes, Duration elapsed) {
    long ms = elapsed.toMillis();
    if (ms <= 0) {
      return "-";
    }
    return bytes(Math.round(bytes * 1000.0 / ms)) + "/s";
  }

  /** "1 snapshot", "3 snapshots". */
  public static String count(long n, String singular) {
    return n + " " + singular + (n == 1 ? "" : "s");
  }
}
