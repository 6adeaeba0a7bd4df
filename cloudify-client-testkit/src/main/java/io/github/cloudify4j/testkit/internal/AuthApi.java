package io.github.cloudify4j.testkit.internal;

import static io.github.cloudify4j.testkit.internal.Exchange.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Authentication (basic and token, fact sheet §6.1), the {@code Tenant} header, and {@code /tokens}. */
final class AuthApi extends Endpoint {
  private static final Set<String> TENANT_SCOPED = new HashSet<>(Arrays.asList("snapshots", "executions",
      "execution-schedules", "events", "blueprints", "deployments", "secrets", "plugins"));

  AuthApi(Server server) {
    super(server);
  }

  @Override
  void serve(Ctx c, int n) {
    tokens(c, n);
  }

  /** Returns the username, or null when the credentials are missing or wrong. */
  String tryAuth(Ctx c) {
    try {
      authenticate(c);
      return c.user;
    } catch (ApiException e) {
      return null;
    }
  }

  void authenticate(Ctx c) {
    synchronized (st) {
      String auth = header(c, "Authorization");
      if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          decoded = "";
        }
        int i = decoded.indexOf(':');
        String u = i < 0 ? decoded : decoded.substring(0, i);
        String p = i < 0 ? "" : decoded.substring(i + 1);
        if (!u.isEmpty() && Character.isLetter(u.charAt(0)) && u.charAt(0) < 128) {
          if (p.equals(st.password(u))) {
            c.user = u;
            c.role = st.role(u);
            return;
          }
          throw new ApiException(401, "unauthorized_error", "User unauthorized: Authentication failed for "
              + "<User username=`" + u + "`>. Wrong credentials or locked account");
        }
      }
      String token = header(c, "Authentication-Token");
      if (token != null) {
        String u = st.tokenUser(token);
        if (u != null && st.userExists(u)) {
          c.user = u;
          c.role = st.role(u);
          return;
        }
        if (token.startsWith("ctok-") && token.split("-").length != 3) {
          throw new ApiException(401, "unauthorized_error", "User unauthorized: Invalid token structure");
        }
        throw new ApiException(401, "unauthorized_error", "User unauthorized: Unauthorized");
      }
      throw new ApiException(401, "unauthorized_error", "User unauthorized: No authentication info provided");
    }
  }

  void tenantCheck(Ctx c, String root) {
    synchronized (st) {
      String t = joinedHeader(c, "Tenant"); // two Tenant headers: "a,b", an unknown tenant (seq 14)
      if (t != null) {
        if (!st.kind("tenants").containsKey(t)) {
          throw new ApiException(403, "forbidden_error",
              "Authorization failed: Tried to authenticate with invalid tenant name: " + t);
        }
        c.tenant = t;
      } else if (TENANT_SCOPED.contains(root) && st.cfg().requireTenantHeader) {
        throw new ApiException(403, "forbidden_error", "Authorization failed: tenant not provided");
      } else {
        c.tenant = st.cfg().defaultTenant;
      }
    }
  }

  void tokens(Ctx c, int n) {
    // POST /tokens is a JSON-body endpoint like the others: exact Content-Type even without a body (seq 20, 21)
    JsonNode body = n == 1 && c.method.equals("POST") ? object(jsonBody(c)) : Json.obj();
    synchronized (st) {
      if (n == 1 && (c.method.equals("POST") || st.profile() == ServerProfile.V5_0_5)) {
        String secret = UUID.randomUUID().toString().replace("-", "");
        String tid = secret.substring(0, 10);
        ObjectNode o = Json.obj();
        String value;
        if (st.profile() == ServerProfile.V5_0_5) {
          value = "WyIwIiwiZmFrZSJd." + secret;
          o.put("username", c.user);
          o.put("value", value);
          o.put("role", c.role);
        } else {
          value = "ctok-" + tid + "-" + secret;
          o.put("id", tid);
          o.put("username", c.user);
          o.put("value", value);
          o.put("role", c.role);
          o.putNull("expiration_date");
          o.putNull("last_used");
          JsonNode b = body;
          o.set("description", b.hasNonNull("description") ? b.get("description") : null);
          if (o.get("description") == null) {
            o.putNull("description");
          }
        }
        st.addToken(value, c.user);
        sendJson(c, 200, o);
        return;
      }
      List<ObjectNode> rows = new ArrayList<>();
      for (Map.Entry<String, String> t : st.tokens().entrySet()) {
        String[] p = t.getKey().split("-");
        ObjectNode o = Json.obj();
        o.put("id", p.length == 3 ? p[1] : t.getKey());
        o.put("username", t.getValue());
        o.put("value", p.length == 3 ? "ctok-" + p[1] + "-********" : "********");
        o.put("role", st.role(t.getValue()));
        o.putNull("expiration_date");
        o.putNull("last_used");
        o.putNull("description");
        rows.add(o);
      }
      sendJson(c, 200, listEnvelope(c, rows, fieldsOf(rows, null), false));
    }
  }
}
