package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Base of the fake's resources: each serves the routes under one or a few roots of {@code /api/v3.1}, once the
 * {@link Api router} has gated, authenticated and checked the request. The router calls {@link #serve}; the
 * resource answers through the {@link Exchange} helpers.
 */
abstract class Endpoint {
  final Server server;
  final State st;

  Endpoint(Server server) {
    this.server = server;
    this.st = server.state;
  }

  /** Answers {@code c}, whose path has {@code n} segments after {@code /api/v3.1} ({@code c.seg}). */
  abstract void serve(Ctx c, int n) throws IOException;

  ObjectNode listEnvelope(Ctx c, List<ObjectNode> rows, List<String> fields, boolean search) {
    return Lists.listEnvelope(st.profile(), c, rows, fields, search);
  }

  ObjectNode listEnvelope(Ctx c, List<ObjectNode> rows, List<String> fields, boolean search, String defaultSort) {
    return Lists.listEnvelope(st.profile(), c, rows, fields, search, defaultSort);
  }

  static List<String> fieldsOf(List<ObjectNode> rows, List<String> dflt) {
    return Lists.fieldsOf(rows, dflt);
  }

  static ObjectNode include(Ctx c, ObjectNode n, List<String> fields) {
    return Lists.include(c, n, fields);
  }

  static void requireAdmin(Ctx c, String action) {
    if (!"sys_admin".equals(c.role)) {
      throw new ApiException(403, "forbidden_error", "User `" + c.user + "` is not permitted to perform the action "
          + action + " in the tenant `" + c.tenant + "`");
    }
  }

  /** The snapshot row, or the service's 404. Call under the state's lock. */
  ObjectNode snapshot(String id) {
    ObjectNode s = st.kind("snapshots").get(id);
    if (s == null) {
      throw ApiException.notFound("Snapshot", id);
    }
    return s;
  }
}
