package io.github.cloudify4j.snapshots.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotsTest {

  @ParameterizedTest
  @CsvSource({
      "PT24H,  2026-11-25T03:17:42Z, 2026-11-25T00:00:00Z, 20261125",
      "PT24H,  2026-11-25T00:00:00Z, 2026-11-25T00:00:00Z, 20261125",
      "PT24H,  2026-11-24T23:59:59Z, 2026-11-24T00:00:00Z, 20261124",
      "P7D,    2026-11-25T03:00:00Z, 2026-11-19T00:00:00Z, 20261119",
      "PT1H,   2026-11-25T03:17:42Z, 2026-11-25T03:00:00Z, 20261125T0300Z",
      "PT6H,   2026-11-25T17:17:42Z, 2026-11-25T12:00:00Z, 20261125T1200Z",
      "PT15M,  2026-11-25T03:17:42Z, 2026-11-25T03:15:00Z, 20261125T0315Z",
      "PT90S,  2026-11-25T03:17:42Z, 2026-11-25T03:16:30Z, 20261125T031630Z",
  })
  void slotStartAndStamp(Duration length, Instant now, Instant start, String stamp) {
    Slots slots = new Slots(length);
    assertThat(slots.start(now)).isEqualTo(start);
    assertThat(slots.stamp(start)).isEqualTo(stamp);
    assertThat(Slots.parse(stamp)).contains(start);
  }

  @Test
  void invalidStampsDoNotParse() {
    for (String s : new String[] {"2026112", "20261399", "20261125T2500Z", "20261125T0300", "20261125T03Z",
        "20261125T030000", "x20261125", "20261125T0300Zx"}) {
      assertThat(Slots.parse(s)).as(s).isEmpty();
    }
  }

  @Test
  void stampsOfOneFormSortInTimeOrderAndParsedOnesAcrossForms() {
    List<String> days = new ArrayList<>(List.of("20261201", "20261124", "20251231"));
    Collections.sort(days);
    assertThat(days).containsExactly("20251231", "20261124", "20261201");
    List<String> minutes = new ArrayList<>(List.of("20261125T0300Z", "20261125T0001Z", "20261124T2359Z"));
    Collections.sort(minutes);
    assertThat(minutes).containsExactly("20261124T2359Z", "20261125T0001Z", "20261125T0300Z");
    List<Instant> mixed = new ArrayList<>();
    for (String s : List.of("20261125T0300Z", "20261124", "20261125", "20261125T000130Z", "20261125T0001Z")) {
      mixed.add(Slots.parse(s).orElseThrow());
    }
    Collections.sort(mixed);
    assertThat(mixed).containsExactly(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"),
        Instant.parse("2026-11-25T00:01:00Z"), Instant.parse("2026-11-25T00:01:30Z"),
        Instant.parse("2026-11-25T03:00:00Z"));
  }
}
