package io.github.cloudify4j.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.model.RemainingExecution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a list that the server may wrap in extra lists ({@code [[{...}]]} from {@code POST /maintenance/activate}
 * on 6.0+), or send as {@code null}: always gives a flat list.
 */
public abstract class FlatteningListDeserializer<T> extends JsonDeserializer<List<T>> {
  private final Class<T> type;

  protected FlatteningListDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public List<T> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return Collections.emptyList();
    }
    JsonNode node = p.readValueAsTree();
    List<T> out = new ArrayList<>();
    flatten(node, out, (ObjectMapper) p.getCodec(), ctxt, 0);
    return out;
  }

  private void flatten(JsonNode node, List<T> out, ObjectMapper mapper, DeserializationContext ctxt, int depth)
      throws IOException {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      if (depth > 4) {
        ctxt.reportInputMismatch(type, "list nested too deeply");
      }
      for (JsonNode child : node) {
        flatten(child, out, mapper, ctxt, depth + 1);
      }
    } else if (node.isObject()) {
      out.add(mapper.treeToValue(node, type));
    } else {
      ctxt.reportInputMismatch(type, "expected an object or a list, got " + node.getNodeType());
    }
  }

  @Override
  public List<T> getNullValue(DeserializationContext ctxt) {
    return Collections.emptyList();
  }

  /** For {@code remaining_executions}. */
  public static final class RemainingExecutions extends FlatteningListDeserializer<RemainingExecution> {
    public RemainingExecutions() {
      super(RemainingExecution.class);
    }
  }
}
