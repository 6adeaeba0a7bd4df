package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.github.cloudify4j.client.model.RemainingExecution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a list that the server may wrap in extra lists ({@code [[{...}]]} from {@code POST /maintenance/activate}
 * on 6.0+), or send as {@code null}: always gives a flat list, without nulls. It streams: each object is bound as
 * it is read, never held as a tree first.
 */
@InternalApi
public abstract class FlatteningListDeserializer<T> extends JsonDeserializer<List<T>> {
  private static final int MAX_DEPTH = 4;

  private final Class<T> type;

  protected FlatteningListDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public List<T> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    List<T> out = new ArrayList<>();
    read(p, ctxt, out, 0);
    return out;
  }

  /** Reads the value at the parser's current token into {@code out}. */
  private void read(JsonParser p, DeserializationContext ctxt, List<T> out, int depth) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token == JsonToken.START_ARRAY) {
      if (depth > MAX_DEPTH) {
        ctxt.reportInputMismatch(type, "list nested too deeply");
      }
      while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          ctxt.reportInputMismatch(type, "the list ends early");
        }
        read(p, ctxt, out, depth + 1);
      }
    } else if (token == JsonToken.START_OBJECT) {
      T value = ctxt.readValue(p, type);
      if (value != null) {
        out.add(value);
      }
    } else {
      ctxt.reportInputMismatch(type, "expected an object or a list, got " + token);
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
