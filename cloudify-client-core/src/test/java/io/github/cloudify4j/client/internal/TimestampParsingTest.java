package io.github.cloudify4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The manager's timestamps: the fast path for its canonical form agrees with the general parser. */
class TimestampParsingTest {
  private final ObjectMapper mapper = Json.newMapper();

  @ParameterizedTest
  @CsvSource({
      "2024-05-02T10:11:12.345Z, 2024-05-02T10:11:12.345Z",
      "1970-01-01T00:00:00.000Z, 1970-01-01T00:00:00Z",
      "2024-02-29T23:59:59.999Z, 2024-02-29T23:59:59.999Z",
      "2099-12-31T00:00:00.001Z, 2099-12-31T00:00:00.001Z",
      "2024-05-02T10:11:12Z, 2024-05-02T10:11:12Z",
      "2024-05-02T10:11:12.345678, 2024-05-02T10:11:12.345678Z",
      "2024-05-02 10:11:12.345, 2024-05-02T10:11:12.345Z",
      "2024-05-02T12:11:12.345+02:00, 2024-05-02T10:11:12.345Z"})
  void readsEveryFormTheManagerWrites(String text, String expected) throws Exception {
    assertThat(mapper.readValue("\"" + text + "\"", Instant.class)).isEqualTo(Instant.parse(expected));
    if (text.length() == 24 && text.endsWith("Z")) {
      assertThat(Json.LenientInstantDeserializer.parseCanonical(text)).isEqualTo(Instant.parse(expected));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-30T10:11:12.345Z", "2024-13-02T10:11:12.345Z", "2024-05-02T25:11:12.345Z",
      "2024-05-02T10:11:1x.345Z", "not a timestamp"})
  void refusesWhatIsNotATimestamp(String text) {
    assertThat(Json.LenientInstantDeserializer.parseCanonical(text)).isNull();
    assertThatThrownBy(() -> mapper.readValue("\"" + text + "\"", Instant.class))
        .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
  }
}
