package io.github.cloudify4j.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The real payloads of {@code cloudify-samples.json} (a copy of the shared reference), annotations stripped. */
public final class Samples {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNode ALL = load();

  private Samples() {}

  private static JsonNode load() {
    try (InputStream in = Samples.class.getResourceAsStream("/cloudify-samples.json")) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample as compact JSON, without the {@code _annotation} keys. */
  public static String json(String key) {
    try {
      return MAPPER.writeValueAsString(node(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode node(String key) {
    JsonNode n = ALL.get(key);
    if (n == null) {
      throw new IllegalArgumentException("no sample " + key);
    }
    JsonNode copy = n.deepCopy();
    if (copy.isObject()) {
      List<String> remove = new ArrayList<>();
      for (Iterator<String> it = copy.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (f.startsWith("_")) {
          remove.add(f);
        }
      }
      ((ObjectNode) copy).remove(remove);
    }
    return copy;
  }

  /** The {@code _http_status} annotation of an error sample. */
  public static int httpStatus(String key) {
    return ALL.get(key).get("_http_status").asInt();
  }

  /** A list envelope around the given item JSON objects. */
  public static String page(long total, long size, long offset, String... items) {
    return "{\"items\":[" + String.join(",", items) + "],\"metadata\":{\"pagination\":{\"total\":" + total
        + ",\"size\":" + size + ",\"offset\":" + offset + "},\"filtered\":null}}";
  }

  /** The terminated execution sample with another id and status. */
  public static String execution(String id, String status) {
    ObjectNode n = (ObjectNode) node("execution_terminated");
    n.put("id", id);
    n.put("status", status);
    n.put("status_display", status);
    return n.toString();
  }
}
