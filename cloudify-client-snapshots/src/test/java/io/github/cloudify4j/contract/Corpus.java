package io.github.cloudify4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchanges recorded from a real manager ({@code contract/real-manager-7.1.jsonl} on the test class path, copied
 * from the project's {@code contract/} folder; see its README), indexed by {@code case}.
 */
public final class Corpus {
  static final String RESOURCE = "contract/real-manager-7.1.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static volatile Map<String, JsonNode> byCase;

  private Corpus() {}

  /** The line recorded for this case. */
  public static JsonNode line(String caseName) {
    JsonNode line = all().get(caseName);
    if (line == null) {
      throw new IllegalArgumentException("the corpus has no case " + caseName);
    }
    return line;
  }

  public static Map<String, JsonNode> all() {
    Map<String, JsonNode> cases = byCase;
    if (cases == null) {
      cases = load();
      byCase = cases;
    }
    return cases;
  }

  private static Map<String, JsonNode> load() {
    Map<String, JsonNode> cases = new LinkedHashMap<>();
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        if (!text.isBlank()) {
          JsonNode line = MAPPER.readTree(text);
          cases.put(line.path("case").asText(), line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(cases);
  }

  /** A raw query string as name=value pairs, decoded, in order ({@code null} or empty: none). */
  public static List<String> queryPairs(String rawQuery) {
    List<String> pairs = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return pairs;
    }
    for (String part : rawQuery.split("&")) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(URLDecoder.decode(name, StandardCharsets.UTF_8) + "="
          + URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return pairs;
  }

  /**
   * The JSON shape of a value: objects as their keys with the shape of each value, arrays as the shapes of their
   * items, scalars as their type ({@code number} for ints and floats alike: the server reads both).
   */
  public static String shape(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "absent";
    }
    if (node.isObject()) {
      List<String> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.add(e.getKey() + ":" + shape(e.getValue()));
      }
      Collections.sort(fields);
      return "{" + String.join(",", fields) + "}";
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(shape(item)));
      return "[" + String.join(",", items) + "]";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isTextual()) {
      return "string";
    }
    return "null";
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
