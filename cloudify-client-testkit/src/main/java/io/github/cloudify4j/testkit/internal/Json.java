package io.github.cloudify4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON and timestamp helpers. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TS_SPACE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Json() {
  }

  public static ObjectNode obj() {
    return F.objectNode();
  }

  public static ArrayNode arr() {
    return F.arrayNode();
  }

  /** Formats like the server: {@code 2024-05-02T10:11:12.345Z}. */
  public static String ts(Instant i) {
    return i == null ? null : TS.format(i);
  }

  public static String tsSpace(Instant i) {
    return TS_SPACE.format(i);
  }

  public static Instant parseTs(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return Instant.parse(s);
  }

  public static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parse(byte[] b) throws IOException {
    return MAPPER.readTree(b);
  }

  public static ObjectNode error(String message, String code, Object traceback) {
    ObjectNode n = obj();
    n.put("message", message);
    n.put("error_code", code);
    if (traceback == NO_TRACEBACK) {
      return n;
    }
    if (traceback == null) {
      n.putNull("server_traceback");
    } else {
      n.put("server_traceback", traceback.toString());
    }
    return n;
  }

  /** Marker: the pydantic-style error body has no {@code server_traceback} key. */
  public static final Object NO_TRACEBACK = new Object();
}
