package io.github.cloudify4j.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.errors.BadParametersException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.ConflictException;
import io.github.cloudify4j.client.errors.EnteringMaintenanceModeException;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
import io.github.cloudify4j.client.errors.ForbiddenException;
import io.github.cloudify4j.client.errors.InternalServerErrorException;
import io.github.cloudify4j.client.errors.MaintenanceModeActiveException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.errors.NotModifiedException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.errors.SnapshotActionException;
import io.github.cloudify4j.client.errors.UnauthorizedException;

/**
 * The single place where an HTTP error answer becomes an exception: by the Cloudify {@code error_code} first
 * (that is what the server means), by HTTP status when the body is not a Cloudify error (nginx HTML, empty).
 */
public final class ErrorMapper {
  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final int MAX_MESSAGE = 500;

  private ErrorMapper() {}

  /** Maps an error answer. {@code body} may be null or empty; {@code url} must already be redacted. */
  public static CloudifyServiceException map(int status, String body, String method, String url) {
    String code = null;
    String message = null;
    String traceback = null;
    JsonNode json = parse(body);
    if (json != null && json.isObject()) {
      code = text(json.get("error_code"));
      message = text(json.get("message"));
      if (message == null) {
        message = text(json.get("detail"));
      }
      traceback = text(json.get("server_traceback"));
    }
    if (message == null) {
      message = excerpt(body);
    }
    // what the server echoes back may hold a secret (a workflow's config in a KeyError, a token in a page)
    message = Redaction.redactText(message);
    traceback = Redaction.redactText(traceback);
    if (status == 304) {
      return new NotModifiedException(304, code != null ? code : "not_modified",
          message.isEmpty() ? "Nothing to modify" : message, traceback, method, url);
    }
    if (code != null) {
      switch (code) {
        case "not_found_error":
          return new NotFoundException(status, code, message, traceback, method, url);
        case "conflict_error":
          return new ConflictException(status, code, message, traceback, method, url);
        case "bad_parameters_error":
          return new BadParametersException(status, code, message, traceback, method, url);
        case "unauthorized_error":
          return new UnauthorizedException(status, code, message, traceback, method, url);
        case "forbidden_error":
          return new ForbiddenException(status, code, message, traceback, method, url);
        case "maintenance_mode_active":
          return new MaintenanceModeActiveException(status, code, message, traceback, method, url);
        case "entering_maintenance_mode":
          return new EnteringMaintenanceModeException(status, code, message, traceback, method, url);
        case "existing_running_execution_error":
          return new ExistingRunningExecutionException(status, code, message, traceback, method, url);
        case "snapshot_action_error":
          return new SnapshotActionException(status, code, message, traceback, method, url);
        case "internal_server_error":
          return new InternalServerErrorException(status, code, message, traceback, method, url);
        default:
          return new CloudifyServiceException(status, code, message, traceback, method, url);
      }
    }
    switch (status) {
      case 401:
        return new UnauthorizedException(status, null, message, traceback, method, url);
      case 403:
        return new ForbiddenException(status, null, message, traceback, method, url);
      case 404:
        return new NotFoundException(status, null, message, traceback, method, url);
      case 409:
        return new ConflictException(status, null, message, traceback, method, url);
      case 500:
        return new InternalServerErrorException(status, null, message, traceback, method, url);
      case 502:
      case 503:
      case 504:
        return new ServerUnavailableException(status, null, message, traceback, method, url);
      default:
        return new CloudifyServiceException(status, null, message, traceback, method, url);
    }
  }

  /** Whether an error body says the manager is in, or entering, maintenance mode. */
  public static boolean isMaintenanceError(String body) {
    return body != null
        && (body.contains("\"maintenance_mode_active\"") || body.contains("\"entering_maintenance_mode\""));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    String trimmed = body.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return MAPPER.readTree(trimmed);
    } catch (Exception e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
  }

  /** A short, single-line, tag-free excerpt of a non-JSON body (an nginx page gives "502 Bad Gateway"). */
  static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String text = body;
    java.util.regex.Matcher title = java.util.regex.Pattern.compile("(?is)<title>(.*?)</title>").matcher(text);
    if (title.find()) {
      text = title.group(1);
    } else {
      text = text.replaceAll("(?s)<[^>]*>", " ");
    }
    text = text.replaceAll("\\s+", " ").trim();
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
  }
}
