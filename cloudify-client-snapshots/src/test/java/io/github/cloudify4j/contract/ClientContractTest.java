package io.github.cloudify4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.snapshots.RestoreOptions;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.internal.ManagerInventory;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.Edition;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.RecordedRequest;
import io.github.cloudify4j.testkit.ServerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client side of the real-manager contract (issue #14, item 4): for every SDK operation the corpus covers, the
 * request the SDK sends — captured by the fake manager's request journal — equals the request a real manager
 * accepted (2xx or 304) in {@code contract/real-manager-7.1.jsonl}: the method, the path byte for byte (ids bound
 * from the live run where the corpus has {@code <uuid:N>}), the query (parameter names and values, in any order),
 * {@code Content-Type} exactly (absent when the corpus has none), credentials present or absent as recorded, and
 * the JSON body's keys and value types, recursively. One row per operation; each names its corpus {@code case}.
 *
 * <p>Accepted differences are declared in the row, with the reason, as query parameters or body keys the SDK may
 * add. The list is short: {@code _all_tenants=true} on the counts of tenant-scoped kinds (accepted, seq 120),
 * {@code _size}/{@code _offset} paging on {@code /events} and {@code /execution-schedules} (accepted on every list,
 * seq 108, 208–211), and {@code ignore_plugin_failure} in the restore body (read by older managers; 7.x ignores
 * keys it does not read, seq 201).
 *
 * <p>SDK operations the corpus does not cover with an accepted request, and why:
 * <ul>
 *   <li>{@code Snapshots.uploadFromUrl}: the corpus holds only refused URL uploads (seq 86–88: the recording had
 *       nothing to serve the archive from the manager's side);</li>
 *   <li>resumed downloads ({@code Range: bytes=N-}, sent only after a broken transfer): seq 94/95 pin the server's
 *       answer; the SDK's Range header is checked by the download tests against the fake;</li>
 *   <li>{@code Executions} {@code resume}/{@code requeue} through {@code action(...)}: only a refused resume is
 *       recorded (seq 65, 409);</li>
 *   <li>{@code Manager.clusterStatusSummary()} and {@code manager(hostname)}: the corpus has no {@code summary} or
 *       {@code hostname} query on these endpoints;</li>
 *   <li>tokens ({@code POST /tokens}, seq 17): the SDK has no token operation (it sends a token given to it);</li>
 *   <li>the waiters ({@code waitUntilCreated}, {@code waitUntilRestoreFinished}, {@code waitUntilEnded},
 *       {@code find}) repeat reads covered here ({@code GET /snapshots/{id}}, {@code /snapshot-status},
 *       {@code /executions/{id}}); the leftover-execution search after a refused restore (seq 190, 191) is
 *       checked by {@code RefusedRestoreLeftoverTest} on the corpus's exact answers.</li>
 * </ul>
 */
class ClientContractTest {
  @TempDir static Path dir;

  /** What a row does: prepares the fake, calls {@link Env#mark()}, then makes the one SDK call under test. */
  interface Call {
    void run(Env env) throws Exception;
  }

  /** One covered operation. */
  static final class Row {
    final String operation;
    final String corpusCase;
    final Call call;
    final Set<String> extraParams = new TreeSet<>();
    final Set<String> extraBodyKeys = new TreeSet<>();
    String why = "";

    Row(String operation, String corpusCase, Call call) {
      this.operation = operation;
      this.corpusCase = corpusCase;
      this.call = call;
    }

    Row extraParams(String why, String... names) {
      extraParams.addAll(List.of(names));
      this.why = why;
      return this;
    }

    Row extraBodyKeys(String why, String... keys) {
      extraBodyKeys.addAll(List.of(keys));
      this.why = why;
      return this;
    }

    @Override
    public String toString() {
      return operation + " ~ " + corpusCase;
    }
  }

  /** The fake, a client, and the placeholders bound during the call. */
  static final class Env {
    final FakeCloudifyManager fake;
    final CloudifyClient client;
    final Snapshots snapshots;
    final Map<String, String> bindings = new HashMap<>();

    Env(FakeCloudifyManager fake, CloudifyClient client) {
      this.fake = fake;
      this.client = client;
      this.snapshots = Snapshots.of(client);
    }

    /** Everything before this is preparation; the request under test comes after. */
    void mark() {
      fake.journal().clear();
    }

    void bind(String placeholder, String value) {
      bindings.put(placeholder, value);
    }

    /** Uploads the corpus's own fixture archive (seq 83) under this id. */
    void upload(String id) throws Exception {
      snapshots.upload(id, fixtureZip());
    }

    /** A pending {@code create_snapshot} execution (the fake's clock does not move unless told). */
    String pendingExecution(String snapshotId) {
      return snapshots.create(snapshotId).id();
    }
  }

  static Path fixtureZip() throws Exception {
    Path zip = dir.resolve("zip-a.zip");
    if (!Files.exists(zip)) {
      String base64 = Corpus.line("snapshots.upload.octet-stream").path("request").path("body").path("base64")
          .asText();
      Files.write(zip, Base64.getDecoder().decode(base64));
    }
    return zip;
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // manager
    rows.add(new Row("Manager.version", "version.unversioned", e -> {
      e.mark();
      e.client.manager().version();
    }));
    rows.add(new Row("Manager.status", "version.status", e -> {
      e.mark();
      e.client.manager().status();
    }));
    rows.add(new Row("Manager.clusterStatus", "version.cluster-status", e -> {
      e.mark();
      e.client.manager().clusterStatus();
    }));
    rows.add(new Row("Manager.managers", "version.managers", e -> {
      e.mark();
      e.client.manager().managers();
    }));
    // snapshots: list
    rows.add(new Row("Snapshots.list(none)", "snapshots.list-empty", e -> {
      e.mark();
      e.snapshots.list(ListParams.none());
    }));
    rows.add(new Row("Snapshots.list(size, offset, include)", "snapshots.list-page", e -> {
      e.mark();
      e.snapshots.list(ListParams.builder().size(2).offset(1).include("id").build());
    }));
    rows.add(new Row("Snapshots.list(size 0)", "snapshots.list-size-zero", e -> {
      e.mark();
      e.snapshots.list(ListParams.builder().size(0).include("id").build());
    }));
    rows.add(new Row("Snapshots.list(sort descending)", "snapshots.list-sort-desc", e -> {
      e.mark();
      e.snapshots.list(ListParams.builder().sortDescending("id").include("id").build());
    }));
    rows.add(new Row("Snapshots.list(status filter, two values)", "snapshots.list-filter-status-repeated", e -> {
      e.mark();
      e.snapshots.list(ListParams.builder().filter("status", "created", "uploaded").include("id", "status")
          .build());
    }));
    rows.add(new Row("Snapshots.list(all tenants)", "snapshots.list-all-tenants", e -> {
      e.mark();
      e.snapshots.list(ListParams.builder().allTenants(true).include("id", "tenant_name").build());
    }));
    // snapshots: one
    rows.add(new Row("Snapshots.get", "snapshots.get", e -> {
      e.upload("up-octet");
      e.mark();
      e.snapshots.get("up-octet");
    }));
    rows.add(new Row("Snapshots.create(every option)", "snapshots.create.all-options", e -> {
      e.mark();
      e.snapshots.create("snap-opts", SnapshotCreateOptions.builder().includeCredentials(false)
          .includeLogs(false).includeEvents(false).queue(true).tempdirPath("/tmp").legacy(false)
          .listenerTimeout(Duration.ofMillis(2500)).build());
    }));
    rows.add(new Row("Snapshots.upload(path)", "snapshots.upload.octet-stream", e -> {
      e.mark();
      e.snapshots.upload("up-octet", fixtureZip());
    }));
    rows.add(new Row("Snapshots.download", "snapshots.download.ok", e -> {
      e.upload("up-octet");
      e.mark();
      e.snapshots.download("up-octet", dir.resolve("download-" + System.nanoTime() + ".zip"));
    }));
    rows.add(new Row("Snapshots.openArchive", "snapshots.download.ok", e -> {
      e.upload("up-octet");
      e.mark();
      e.snapshots.openArchive("up-octet").close();
    }));
    rows.add(new Row("Snapshots.delete", "snapshots.delete.ok", e -> {
      e.upload("up-notzip");
      e.mark();
      e.snapshots.delete("up-notzip");
    }));
    rows.add(new Row("Snapshots.restore", "snapshots.restore.ok", e -> {
      e.upload("up-octet");
      e.client.manager().version(); // the version that picks the body is cached before the call under test
      e.mark();
      e.snapshots.restore("up-octet", RestoreOptions.defaults());
    }).extraBodyKeys("read by 5.x/6.x restores; 7.x ignores keys it does not read (seq 201)",
        "ignore_plugin_failure"));
    rows.add(new Row("Snapshots.restoreStatus", "snapshots.status.no-auth", e -> {
      e.mark();
      e.snapshots.restoreStatus();
    }));
    // executions
    rows.add(new Row("Executions.list(system workflows)", "executions.list-system", e -> {
      e.mark();
      e.client.executions().list(ListParams.builder().includeSystemWorkflows(true).build());
    }));
    rows.add(new Row("Executions.get", "executions.get", e -> {
      String id = e.pendingExecution("ct-exact");
      e.bind("<uuid:1>", id);
      e.mark();
      e.client.executions().get(id);
    }));
    rows.add(new Row("Executions.cancel", "executions.cancel", e -> {
      String id = e.pendingExecution("ct-empty");
      e.bind("<uuid:3>", id);
      e.mark();
      e.client.executions().cancel(id);
    }));
    rows.add(new Row("Executions.forceCancel", "executions.force-cancel", e -> {
      String id = e.pendingExecution("ct-empty");
      e.bind("<uuid:3>", id);
      e.mark();
      e.client.executions().forceCancel(id);
    }));
    rows.add(new Row("Executions.kill", "executions.kill", e -> {
      String id = e.pendingExecution("ct-unknown");
      e.bind("<uuid:4>", id);
      e.mark();
      e.client.executions().kill(id);
    }));
    // maintenance
    rows.add(new Row("MaintenanceMode.status", "maintenance.get-deactivated", e -> {
      e.mark();
      e.client.maintenance().status();
    }));
    rows.add(new Row("MaintenanceMode.activate", "maintenance.activate-no-body", e -> {
      e.mark();
      e.client.maintenance().activate();
    }));
    rows.add(new Row("MaintenanceMode.deactivate", "maintenance.deactivate-again", e -> {
      e.mark();
      e.client.maintenance().deactivate();
    }));
    // restore verification (RestoreOrchestrator's VERIFY through ManagerInventory)
    for (String[] kind : new String[][] {{"blueprints", "verify.blueprints-size-0"},
        {"deployments", "verify.deployments-size-0"}, {"plugins", "verify.plugins-size-0"}}) {
      rows.add(new Row("ManagerInventory.count(" + kind[0] + ")", kind[1], e -> {
        e.mark();
        new ManagerInventory(e.client).count(kind[0]);
      }).extraParams("tenant-scoped kinds are counted across tenants; _all_tenants=true is accepted (seq 120)",
          "_all_tenants"));
    }
    rows.add(new Row("ManagerInventory.count(tenants)", "verify.tenants-size-0", e -> {
      e.mark();
      new ManagerInventory(e.client).count("tenants");
    }));
    rows.add(new Row("ManagerInventory.count(execution_schedules)", "verify.execution-schedules", e -> {
      e.mark();
      new ManagerInventory(e.client).count("execution_schedules");
    }).extraParams("a _size=0 count across tenants: both accepted on lists (seq 109, 120, 208-211)", "_size",
        "_all_tenants"));
    rows.add(new Row("ManagerInventory.restoreErrors (events)", "verify.events-by-execution", e -> {
      String id = e.pendingExecution("ct-exact");
      e.bind("<uuid:10>", id);
      e.mark();
      new ManagerInventory(e.client).restoreErrors(id);
    }).extraParams("events are read in pages; paging is accepted on every list (seq 108)", "_size", "_offset"));
    return rows;
  }

  static Stream<Arguments> table() {
    return rows().stream().map(r -> Arguments.of(r.operation, r.corpusCase, r));
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @MethodSource("table")
  void theSdkSendsWhatARealManagerAccepted(String operation, String corpusCase, Row row) throws Exception {
    JsonNode line = Corpus.line(corpusCase);
    JsonNode recorded = line.path("request");
    int status = line.path("response").path("status").asInt();
    assertThat(status == 304 || (status >= 200 && status < 300))
        .as("corpus case %s was accepted (%s)", corpusCase, status).isTrue();

    try (FakeCloudifyManager fake = FakeCloudifyManager.builder().profile(ServerProfile.V7_0_4)
        .edition(Edition.COMMUNITY).build().start();
        CloudifyClient client = VirtualTime.client(fake).build()) {
      Env env = new Env(fake, client);
      row.call.run(env);

      String expectedPath = bind(recorded.path("path").asText(), env.bindings);
      String method = recorded.path("method").asText();
      List<RecordedRequest> sent = fake.journal().all();
      List<RecordedRequest> matching = sent.stream()
          .filter(r -> r.method().equals(method) && r.path().equals(expectedPath))
          .collect(Collectors.toList());
      assertThat(matching).as("%s sent %s %s; it sent: %s", operation, method, expectedPath, sent).isNotEmpty();
      RecordedRequest request = matching.get(0);

      // query: names and values, any order, minus what the row accepts as extra
      List<String> expectedQuery = sorted(Corpus.queryPairs(bind(recorded.path("query").asText(""),
          env.bindings)));
      List<String> actualQuery = sorted(Corpus.queryPairs(request.query()));
      actualQuery.removeIf(p -> row.extraParams.contains(p.substring(0, p.indexOf('='))));
      assertThat(actualQuery).as("query of %s (accepted extras %s: %s)", operation, row.extraParams, row.why)
          .isEqualTo(expectedQuery);

      // Content-Type, exactly, or absent
      List<String> expectedType = headerValues(recorded.path("headers"), "Content-Type");
      List<String> actualType = request.headers().getOrDefault("content-type", List.of());
      assertThat(actualType).as("Content-Type of %s", operation).isEqualTo(expectedType);

      // credentials as recorded: Basic when the corpus sent them, none when it did not (snapshot-status)
      List<String> expectedAuth = headerValues(recorded.path("headers"), "Authorization");
      List<String> actualAuth = request.headers().getOrDefault("authorization", List.of());
      if (expectedAuth.isEmpty()) {
        assertThat(actualAuth).as("%s sends no credentials", operation).isEmpty();
      } else {
        assertThat(actualAuth).as("Authorization of %s", operation).singleElement()
            .satisfies(a -> assertThat(a).startsWith("Basic "));
      }
      List<String> expectedTenant = headerValues(recorded.path("headers"), "Tenant");
      if (!expectedTenant.isEmpty()) {
        assertThat(request.headers().getOrDefault("tenant", List.of())).as("Tenant of %s", operation)
            .containsExactly(fake.defaultTenant());
      }
      if (!headerValues(recorded.path("headers"), "X-BYPASS-MAINTENANCE").isEmpty()) {
        assertThat(request.header("X-BYPASS-MAINTENANCE")).as("bypass of %s", operation).isNotEmpty();
      }

      // body
      String bodyKind = recorded.path("body_kind").asText();
      switch (bodyKind) {
        case "json": {
          assertThat(request.body()).as("%s sends a JSON body", operation).isNotNull();
          JsonNode body = Corpus.mapper().readTree(request.body());
          if (body.isObject()) {
            row.extraBodyKeys.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) body)::remove);
          }
          assertThat(Corpus.shape(body)).as("body shape of %s (accepted extra keys %s: %s)", operation,
              row.extraBodyKeys, row.why).isEqualTo(Corpus.shape(recorded.path("body")));
          break;
        }
        case "binary": {
          long length = recorded.path("body").path("length").asLong();
          assertThat(request.bodySize()).as("%s body length", operation).isEqualTo(length);
          assertThat(request.header("Content-Length")).as("%s sends its length up front, as recorded",
              operation).isEqualTo(String.valueOf(length));
          break;
        }
        case "none": {
          assertThat(request.bodySize()).as("%s sends no body", operation).isZero();
          String recordedLength = headerValues(recorded.path("headers"), "Content-Length").stream().findFirst()
              .orElse(null);
          if ("0".equals(recordedLength)) {
            assertThat(request.header("Content-Length")).as("%s: a body-less %s sends Content-Length: 0",
                operation, method).isEqualTo("0");
          }
          break;
        }
        default:
          throw new AssertionError("row " + row + " uses a corpus line with a " + bodyKind + " body");
      }
    }
  }

  /** The table is not empty by accident, and every row names a case the corpus holds. */
  @Test
  void everyRowNamesAnAcceptedCorpusCase() {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
    for (Row row : rows) {
      assertThat(Corpus.all()).as("row %s", row).containsKey(row.corpusCase);
      assertThat(Corpus.line(row.corpusCase).path("actor").asText()).as("row %s", row).isEqualTo("client");
    }
  }

  private static String bind(String text, Map<String, String> bindings) {
    String out = text;
    for (Map.Entry<String, String> b : bindings.entrySet()) {
      out = out.replace(b.getKey(), b.getValue());
    }
    assertThat(out).as("every placeholder of %s is bound", text).doesNotContain("<uuid:");
    return out;
  }

  private static List<String> sorted(List<String> values) {
    List<String> out = new ArrayList<>(values);
    Collections.sort(out);
    return out;
  }

  /** A recorded header's values (a repeated header is a list), by case-insensitive name. */
  private static List<String> headerValues(JsonNode headers, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        List<String> values = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> values.add(v.asText()));
        } else {
          values.add(e.getValue().asText());
        }
        return values;
      }
    }
    return List.of();
  }
}
