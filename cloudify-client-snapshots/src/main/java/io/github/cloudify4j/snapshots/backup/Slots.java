package io.github.cloudify4j.snapshots.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time slots and the UTC stamps that name them. A slot of whole days is stamped {@code yyyyMMdd}, one of whole
 * minutes {@code yyyyMMdd'T'HHmm'Z'}, any other {@code yyyyMMdd'T'HHmmss'Z'}. Slots are aligned on the Unix epoch,
 * so a day slot starts at 00:00 UTC. Stamps of one form sort lexicographically in time order; across forms,
 * retention compares the parsed instants.
 */
final class Slots {
  /** The stamp part of an id: a date, optionally a time to the minute or second, in UTC. */
  static final String STAMP = "(\\d{8}(?:T\\d{4}(?:\\d{2})?Z)?)";
  private static final Pattern STAMP_PARTS = Pattern.compile("(\\d{8})(?:T(\\d{2})(\\d{2})(\\d{2})?Z)?");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final long seconds;

  Slots(Duration length) {
    this.seconds = length.getSeconds();
  }

  /** The start of the slot that holds {@code t}. */
  Instant start(Instant t) {
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
  }

  String stamp(Instant slotStart) {
    if (seconds % 86_400 == 0) {
      return DAY.format(slotStart);
    }
    if (seconds % 60 == 0) {
      return MINUTE.format(slotStart);
    }
    return SECOND.format(slotStart);
  }

  /** The instant a stamp of any of the three forms names, or empty when it is not a valid date and time. */
  static Optional<Instant> parse(String stamp) {
    Matcher m = STAMP_PARTS.matcher(stamp);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
      LocalDateTime time = m.group(2) == null ? date.atStartOfDay()
          : date.atTime(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
              m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
      return Optional.of(time.toInstant(ZoneOffset.UTC));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
