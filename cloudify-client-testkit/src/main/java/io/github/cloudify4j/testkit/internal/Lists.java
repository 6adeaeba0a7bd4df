package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The list machinery of the real service (fact sheet §1.2, §1.3): filters checked before rows are read, sort keys,
 * pagination, {@code _include}, the {@code items}/{@code metadata} envelope.
 */
final class Lists {
  private static final Pattern SORT = Pattern.compile("[+-]?@?\\w+");

  private Lists() {}

  static List<String> fieldsOf(List<ObjectNode> rows, List<String> dflt) {
    Set<String> f = new LinkedHashSet<>();
    if (dflt != null) {
      f.addAll(dflt);
    }
    for (ObjectNode r : rows) {
      r.fieldNames().forEachRemaining(n -> {
        if (!n.startsWith("__")) {
          f.add(n);
        }
      });
    }
    if (f.isEmpty()) {
      f.add("id");
    }
    return new ArrayList<>(f);
  }

  static ObjectNode listEnvelope(ServerProfile profile, Ctx c, List<ObjectNode> rows, List<String> fields,
      boolean search) {
    return listEnvelope(profile, c, rows, fields, search, "created_at");
  }

  static ObjectNode listEnvelope(ServerProfile profile, Ctx c, List<ObjectNode> rows, List<String> fields,
      boolean search, String defaultSort) {
    int size = pagination(c, "_size", 1000);
    int offset = pagination(c, "_offset", 0);
    List<String> sorts = c.query.getOrDefault("_sort", new ArrayList<>());
    List<String> includes = includeFields(c, fields);
    // filter keys and values are checked before any row is looked at (an empty list refuses them too), when the
    // fields are known: a declared field list, or rows to learn them from
    boolean fieldsKnown = !rows.isEmpty() || fields.size() > 1;
    for (Map.Entry<String, List<String>> q : c.query.entrySet()) {
      String k = q.getKey();
      if (k.startsWith("_")) {
        continue;
      }
      if (fieldsKnown && !fields.contains(k)) {
        throw ApiException.badParams("Unknown field to filter by: " + k); // corpus seq 118
      }
      Set<String> domain = enumDomain(k, fields);
      if (domain != null) {
        for (String want : q.getValue()) {
          if (!domain.contains(want)) {
            // PostgreSQL refuses a value outside the column's enum: 500 (corpus seq 117)
            throw ApiException.internal("DataError", "(psycopg2.errors.InvalidTextRepresentation) invalid input "
                + "value for enum: \"" + want + "\"");
          }
        }
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    String searchText = search ? c.q("_search") : null;
    for (ObjectNode r : rows) {
      if (searchText != null && !r.path("id").asText().contains(searchText)) {
        continue;
      }
      boolean ok = true;
      for (Map.Entry<String, List<String>> q : c.query.entrySet()) {
        String k = q.getKey();
        if (k.startsWith("_")) {
          continue;
        }
        JsonNode v = r.get(k);
        String s = v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
        boolean any = false;
        for (String want : q.getValue()) {
          if (want.equals(s)) {
            any = true;
            break;
          }
        }
        if (!any) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(r);
      }
    }
    Comparator<ObjectNode> cmp = null;
    for (String s : sorts) {
      if (!SORT.matcher(s).matches()) {
        throw ApiException.pydantic("1 validation error for ListQuery\n_sort\n  string does not match regex "
            + "\"[+-]?@?\\w+\" (type=value_error.str.regex; pattern=[+-]?@?\\w+)");
      }
      boolean desc = s.startsWith("-");
      String f = s.replaceFirst("^[+-]", "").replaceFirst("^@", "");
      if (!fields.contains(f)) {
        StringBuilder allowed = new StringBuilder();
        for (String x : fields) {
          allowed.append(allowed.length() == 0 ? "'" : ", '").append(x).append("'");
        }
        throw ApiException.badParams("Sort keys '['" + f + "']' do not exist. Allowed keys are: [" + allowed + "]");
      }
      Comparator<ObjectNode> one = Comparator.comparing((ObjectNode r) -> sortKey(r, f),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      if (desc) {
        one = one.reversed();
      }
      cmp = cmp == null ? one : cmp.thenComparing(one);
    }
    if (fields.contains(defaultSort)) {
      Comparator<ObjectNode> d = Comparator.comparing((ObjectNode r) -> sortKey(r, defaultSort),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      cmp = cmp == null ? d : cmp.thenComparing(d);
    }
    if (cmp != null) {
      out.sort(cmp);
    }
    ObjectNode env = Json.obj();
    ArrayNode items = env.putArray("items");
    for (int i = offset; i < out.size() && i < (long) offset + size; i++) {
      items.add(project(out.get(i), includes));
    }
    ObjectNode meta = env.putObject("metadata");
    ObjectNode p = meta.putObject("pagination");
    p.put("total", out.size());
    p.put("size", size);
    p.put("offset", offset);
    if (profile.hasFilteredMetadata()) {
      meta.putNull("filtered");
    }
    return env;
  }

  /** The values of an enum column (a filter outside them is a database error), or null. */
  static Set<String> enumDomain(String key, List<String> fields) {
    if (key.equals("visibility")) {
      return new HashSet<>(Arrays.asList("private", "tenant", "global"));
    }
    if (key.equals("status")) {
      if (fields == SnapshotsApi.SNAPSHOT_FIELDS) {
        return SnapshotsApi.SNAPSHOT_STATES;
      }
      if (fields.contains("workflow_id") && fields.contains("status_display")) {
        return State.ALL_STATES;
      }
    }
    return null;
  }

  static String sortKey(ObjectNode r, String f) {
    JsonNode v = r.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return String.format(Locale.ROOT, "%020.6f", v.asDouble());
    }
    return v.asText();
  }

  static int pagination(Ctx c, String key, int dflt) {
    String v = c.q(key);
    if (v == null) {
      return dflt;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.pydantic("1 validation error for Pagination\n" + key
          + "\n  value is not a valid integer (type=type_error.integer)");
    }
    if (n < 0) {
      throw ApiException.pydantic("1 validation error for Pagination\n" + key
          + "\n  ensure this value is greater than or equal to 0 (type=value_error.number.not_ge; "
          + "limit_value=0)");
    }
    return n;
  }

  static List<String> includeFields(Ctx c, List<String> fields) {
    String inc = c.q("_include");
    if (inc == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (List<String> vs : java.util.Collections.singletonList(c.query.get("_include"))) {
      for (String v : vs) {
        for (String f : v.split(",")) {
          if (f.isEmpty()) {
            continue;
          }
          if (fields != null && !fields.contains(f)) {
            throw new ApiException(400, "no_such_include_field_error", "Field " + f + " does not exist");
          }
          out.add(f);
        }
      }
    }
    return out;
  }

  static ObjectNode include(Ctx c, ObjectNode n, List<String> fields) {
    List<String> f = fields != null ? fields : fieldsOf(java.util.Collections.singletonList(n), null);
    return project(n, includeFields(c, f));
  }

  static ObjectNode project(ObjectNode n, List<String> includes) {
    ObjectNode o = Json.obj();
    if (includes == null) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().startsWith("__")) {
          o.set(e.getKey(), e.getValue().deepCopy());
        }
      }
      return o;
    }
    for (String f : includes) {
      JsonNode v = n.get(f);
      o.set(f, v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v.deepCopy());
    }
    return o;
  }
}
