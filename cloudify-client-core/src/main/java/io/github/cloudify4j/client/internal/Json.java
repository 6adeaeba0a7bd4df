package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The one JSON configuration of the client. */
@InternalApi
public final class Json {
  private Json() {}

  /** A new mapper: ignores unknown fields, reads the manager's timestamps leniently, writes ISO-8601. */
  public static ObjectMapper newMapper() {
    SimpleModule timestamps = new SimpleModule("cloudify4j-timestamps");
    timestamps.addDeserializer(Instant.class, new LenientInstantDeserializer());
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(timestamps)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
        .build();
    // A number where the server sends text ({"version": 7}) is a broken answer, not the text "7".
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Timestamps as the manager writes them ({@code 2024-05-02T10:11:12.345Z}), plus the forms older managers and
   * internal tables use: no zone (taken as UTC), a space instead of {@code T}, microseconds; {@code ""} is null.
   */
  static final class LenientInstantDeserializer extends JsonDeserializer<Instant> {
    /**
     * The manager's own form, {@code 2024-05-02T10:11:12.345Z}, without the general parser: a 1000-item list has a
     * thousand of them, and {@code DateTimeFormatter} parsing cost more than the rest of the item. Anything else
     * (null here) goes through the lenient path.
     */
    static Instant parseCanonical(String t) {
      if (t.length() != 24 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
          || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != '.' || t.charAt(23) != 'Z') {
        return null;
      }
      int year = digits(t, 0, 4);
      int month = digits(t, 5, 2);
      int day = digits(t, 8, 2);
      int hour = digits(t, 11, 2);
      int minute = digits(t, 14, 2);
      int second = digits(t, 17, 2);
      int millis = digits(t, 20, 3);
      if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
          || minute > 59 || second < 0 || second > 59 || millis < 0) {
        return null;
      }
      try {
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second,
            millis * 1_000_000L);
      } catch (java.time.DateTimeException e) {
        return null; // e.g. February 30th: let the general parser report it
      }
    }

    private static int digits(String t, int from, int count) {
      int value = 0;
      for (int i = from; i < from + count; i++) {
        char c = t.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return Instant.ofEpochMilli(p.getLongValue());
      }
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText().trim();
      if (text.isEmpty()) {
        return null;
      }
      Instant fast = parseCanonical(text);
      if (fast != null) {
        return fast;
      }
      String iso = text.replace(' ', 'T');
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException ignored) {
        // no offset: the manager stores UTC
      }
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a timestamp");
      }
    }
  }
}
