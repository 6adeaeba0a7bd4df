package io.github.cloudify4j.snapshots.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.ExecutionStatus;
import io.github.cloudify4j.snapshots.workflow.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The resume state of a {@link RestoreReport} as JSON ({@link RestoreReport#toResumeJson()} and {@link
 * RestoreReport#fromResumeJson(String)}): exactly the facts {@link RestoreOrchestrator.Builder#resumeFrom} reads,
 * strictly checked on the way back. Executions are written without their parameters and error text: those are
 * what can hold a secret (a snapshot workflow's {@code postgresql_password}), and no resume needs them.
 */
final class ResumeJson {
  /** The format's name and version; a reader refuses any other. */
  static final String FORMAT = "cloudify4j-restore-resume/1";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> KEYS = keys("format", "outcome", "snapshot_id", "restore_execution_id",
      "restore_execution", "restore_requested_at", "snapshot_left_on_manager", "failed_step", "failure", "steps",
      "verification", "scheduled_executions_failed", "executions_cancelled");
  private static final Set<String> STEP_KEYS = keys("step", "status", "started_at", "duration_ms", "detail");
  private static final Set<String> EXECUTION_KEYS = keys("id", "workflow_id", "status", "deployment_id",
      "blueprint_id", "tenant_name", "created_at", "started_at", "ended_at", "scheduled_for");
  private static final Set<String> VERIFICATION_KEYS = keys("expected", "actual", "not_counted", "restore_errors",
      "note");

  private ResumeJson() {}

  static String write(RestoreReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("outcome", r.outcome().name());
    o.put("snapshot_id", r.snapshotId());
    o.put("restore_execution_id", r.restoreExecutionId().orElse(null));
    o.set("restore_execution", r.restoreExecution().map(ResumeJson::execution).orElse(null));
    o.put("restore_requested_at", r.restoreRequestedAt().map(Instant::toString).orElse(null));
    o.put("snapshot_left_on_manager", r.snapshotLeftOnManager().orElse(null));
    o.put("failed_step", r.failedStep().map(Enum::name).orElse(null));
    o.put("failure", r.failure().orElse(null));
    ArrayNode steps = o.putArray("steps");
    for (StepResult<RestoreStep> s : r.steps()) {
      ObjectNode step = steps.addObject();
      step.put("step", s.step().name());
      step.put("status", s.status().name());
      step.put("started_at", s.startedAt() == null ? null : s.startedAt().toString());
      step.put("duration_ms", s.duration() == null ? 0 : s.duration().toMillis());
      step.put("detail", s.detail());
    }
    o.set("verification", r.verification().map(ResumeJson::verification).orElse(null));
    ArrayNode failed = o.putArray("scheduled_executions_failed");
    r.scheduledExecutionsFailed().forEach(e -> failed.add(execution(e)));
    ArrayNode cancelled = o.putArray("executions_cancelled");
    r.executionsCancelled().forEach(e -> cancelled.add(execution(e)));
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of strings and numbers always serializes
    }
  }

  static RestoreReport read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("resume state: not JSON (" + e.getOriginalMessage() + ")");
    }
    // The format first: another version's fields are not "unknown", they are another format.
    JsonNode format = root == null ? null : root.get("format");
    if (format != null && !FORMAT.equals(format.asText(null))) {
      throw new IllegalArgumentException("resume state: field 'format' is " + format + ", expected '" + FORMAT
          + "'");
    }
    ObjectNode o = object(root, "resume state", KEYS);
    RestoreReport.Builder b = new RestoreReport.Builder();
    b.outcome = constant(o, "outcome", RestoreReport.Outcome::valueOf, true);
    b.snapshotId = text(o, "snapshot_id", true);
    b.restoreExecutionId = text(o, "restore_execution_id", false);
    b.restoreExecution = o.get("restore_execution").isNull() ? null
        : execution(o.get("restore_execution"), "restore_execution");
    b.restoreRequestedAt = instant(o, "restore_requested_at", false);
    b.snapshotLeftOnManager = text(o, "snapshot_left_on_manager", false);
    b.failedStep = constant(o, "failed_step", RestoreStep::valueOf, false);
    b.failure = text(o, "failure", false);
    JsonNode steps = array(o, "steps");
    for (int i = 0; i < steps.size(); i++) {
      String where = "steps[" + i + "]";
      ObjectNode s = object(steps.get(i), where, STEP_KEYS);
      b.steps.add(new StepResult<>(constant(s, "step", RestoreStep::valueOf, true, where),
          constant(s, "status", StepResult.Status::valueOf, true, where), instant(s, "started_at", false, where),
          Duration.ofMillis(number(s, "duration_ms", where)), text(s, "detail", true, where)));
    }
    if (!o.get("verification").isNull()) {
      b.verification = verification(object(o.get("verification"), "verification", VERIFICATION_KEYS));
    }
    JsonNode failed = array(o, "scheduled_executions_failed");
    for (int i = 0; i < failed.size(); i++) {
      b.scheduledExecutionsFailed.add(execution(failed.get(i), "scheduled_executions_failed[" + i + "]"));
    }
    JsonNode cancelled = array(o, "executions_cancelled");
    for (int i = 0; i < cancelled.size(); i++) {
      b.executionsCancelled.add(execution(cancelled.get(i), "executions_cancelled[" + i + "]"));
    }
    return b.build();
  }

  private static ObjectNode execution(Execution e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", e.id());
    n.put("workflow_id", e.workflowId().orElse(null));
    n.put("status", e.status().value());
    n.put("deployment_id", e.deploymentId().orElse(null));
    n.put("blueprint_id", e.blueprintId().orElse(null));
    n.put("tenant_name", e.tenantName().orElse(null));
    n.put("created_at", e.createdAt().map(Instant::toString).orElse(null));
    n.put("started_at", e.startedAt().map(Instant::toString).orElse(null));
    n.put("ended_at", e.endedAt().map(Instant::toString).orElse(null));
    n.put("scheduled_for", e.scheduledFor().map(Instant::toString).orElse(null));
    return n;
  }

  private static Execution execution(JsonNode node, String where) {
    ObjectNode n = object(node, where, EXECUTION_KEYS);
    return Execution.builder().id(text(n, "id", true, where)).workflowId(text(n, "workflow_id", false, where))
        .status(ExecutionStatus.of(text(n, "status", true, where)))
        .deploymentId(text(n, "deployment_id", false, where)).blueprintId(text(n, "blueprint_id", false, where))
        .tenantName(text(n, "tenant_name", false, where)).createdAt(instant(n, "created_at", false, where))
        .startedAt(instant(n, "started_at", false, where)).endedAt(instant(n, "ended_at", false, where))
        .scheduledFor(instant(n, "scheduled_for", false, where)).build();
  }

  private static ObjectNode verification(Verification v) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode expected = n.putObject("expected");
    v.expected().forEach(expected::put);
    ObjectNode actual = n.putObject("actual");
    v.actual().forEach(actual::put);
    ObjectNode notCounted = n.putObject("not_counted");
    v.notCounted().forEach(notCounted::put);
    ArrayNode errors = n.putArray("restore_errors");
    v.restoreErrors().forEach(errors::add);
    n.put("note", v.note());
    return n;
  }

  private static Verification verification(ObjectNode n) {
    Map<String, Long> expected = counts(n, "expected");
    Map<String, Long> actual = counts(n, "actual");
    Map<String, String> notCounted = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(objectField(n, "not_counted", "verification"))) {
      notCounted.put(e.getKey(), textValue(e.getValue(), "verification.not_counted." + e.getKey()));
    }
    List<String> errors = new ArrayList<>();
    JsonNode list = array(n, "restore_errors", "verification");
    for (int i = 0; i < list.size(); i++) {
      errors.add(textValue(list.get(i), "verification.restore_errors[" + i + "]"));
    }
    return new Verification(expected, actual, notCounted, errors, text(n, "note", true, "verification"));
  }

  private static Map<String, Long> counts(ObjectNode n, String field) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(objectField(n, field, "verification"))) {
      if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber()) {
        throw bad("verification." + field + "." + e.getKey(), "is not a whole number");
      }
      counts.put(e.getKey(), e.getValue().longValue());
    }
    return counts;
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    n.fields().forEachRemaining(list::add);
    return list;
  }

  /** An object with exactly {@code keys}: an unknown or a missing field is an error naming it. */
  private static ObjectNode object(JsonNode n, String where, Set<String> keys) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("resume state: " + where + " is not a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!keys.contains(name)) {
        throw bad(qualified(where, name), "is unknown (this reader knows " + FORMAT + ")");
      }
    }
    for (String key : keys) {
      if (!n.has(key)) {
        throw bad(qualified(where, key), "is missing");
      }
    }
    return (ObjectNode) n;
  }

  private static JsonNode objectField(ObjectNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (!v.isObject()) {
      throw bad(qualified(where, field), "is not a JSON object");
    }
    return v;
  }

  private static JsonNode array(ObjectNode n, String field) {
    return array(n, field, "resume state");
  }

  private static JsonNode array(ObjectNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (!v.isArray()) {
      throw bad(qualified(where, field), "is not a JSON array");
    }
    return v;
  }

  private static String text(ObjectNode n, String field, boolean required) {
    return text(n, field, required, "resume state");
  }

  private static String text(ObjectNode n, String field, boolean required, String where) {
    JsonNode v = n.get(field);
    if (v.isNull()) {
      if (required) {
        throw bad(qualified(where, field), "is null");
      }
      return null;
    }
    return textValue(v, qualified(where, field));
  }

  private static String textValue(JsonNode v, String field) {
    if (!v.isTextual()) {
      throw bad(field, "is not a string");
    }
    return v.textValue();
  }

  private static long number(ObjectNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw bad(qualified(where, field), "is not a whole number of milliseconds");
    }
    return v.longValue();
  }

  private static Instant instant(ObjectNode n, String field, boolean required) {
    return instant(n, field, required, "resume state");
  }

  private static Instant instant(ObjectNode n, String field, boolean required, String where) {
    String text = text(n, field, required, where);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad(qualified(where, field), "is not an ISO-8601 instant: '" + text + "'");
    }
  }

  private static <T> T constant(ObjectNode n, String field, Function<String, T> valueOf, boolean required) {
    return constant(n, field, valueOf, required, "resume state");
  }

  private static <T> T constant(ObjectNode n, String field, Function<String, T> valueOf, boolean required,
      String where) {
    String text = text(n, field, required, where);
    try {
      return text == null ? null : valueOf.apply(text);
    } catch (IllegalArgumentException e) {
      throw bad(qualified(where, field), "has an unknown value '" + text + "'");
    }
  }

  private static IllegalArgumentException bad(String field, String what) {
    return new IllegalArgumentException("resume state: field '" + field + "' " + what);
  }

  private static String qualified(String where, String field) {
    return "resume state".equals(where) ? field : where + "." + field;
  }

  private static Set<String> keys(String... keys) {
    return new LinkedHashSet<>(Arrays.asList(keys));
  }
}
