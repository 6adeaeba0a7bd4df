package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.errors.BadParametersException;
import io.github.cloudify4j.client.errors.BadRequestException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.ConflictException;
import io.github.cloudify4j.client.errors.EnteringMaintenanceModeException;
import io.github.cloudify4j.client.errors.ErrorResponse;
import io.github.cloudify4j.client.errors.ExistingRunningExecutionException;
import io.github.cloudify4j.client.errors.ForbiddenException;
import io.github.cloudify4j.client.errors.InternalServerErrorException;
import io.github.cloudify4j.client.errors.MaintenanceModeActiveException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.errors.NotModifiedException;
import io.github.cloudify4j.client.errors.PremiumFeatureRequiredException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.errors.SnapshotActionException;
import io.github.cloudify4j.client.errors.UnauthorizedException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Headers;

/**
 * The single place where an HTTP error answer becomes an exception. The answer is read into an
 * {@link ErrorResponse} (which masks every secret and bounds the body), then typed: by the Cloudify
 * {@code error_code} first (that is what the server means), then by HTTP status when the code is absent (nginx
 * HTML, an empty body) or unknown (a 404 {@code deployment_parent_not_found_error} is still a
 * {@link NotFoundException}). Only a status with no type of its own and an unknown code gives the base
 * {@link CloudifyServiceException}; the code is always kept.
 */
@InternalApi
public final class ErrorMapper {
  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final int MAX_MESSAGE = 500;

  /** The typed exception for a Cloudify {@code error_code}: what the server means comes first. */
  private static final Map<String, Function<ErrorResponse, CloudifyServiceException>> BY_CODE = new HashMap<>();
  /** For answers without a known code: by HTTP status. */
  private static final Map<Integer, Function<ErrorResponse, CloudifyServiceException>> BY_STATUS = new HashMap<>();

  static {
    BY_CODE.put("not_found_error", NotFoundException::new);
    BY_CODE.put("missing_premium_package_error", PremiumFeatureRequiredException::new);
    BY_CODE.put("conflict_error", ConflictException::new);
    BY_CODE.put("bad_parameters_error", BadParametersException::new);
    BY_CODE.put("unauthorized_error", UnauthorizedException::new);
    BY_CODE.put("forbidden_error", ForbiddenException::new);
    BY_CODE.put("maintenance_mode_active", MaintenanceModeActiveException::new);
    BY_CODE.put("entering_maintenance_mode", EnteringMaintenanceModeException::new);
    BY_CODE.put("existing_running_execution_error", ExistingRunningExecutionException::new);
    BY_CODE.put("snapshot_action_error", SnapshotActionException::new);
    BY_CODE.put("internal_server_error", InternalServerErrorException::new);
    BY_STATUS.put(304, NotModifiedException::new);
    BY_STATUS.put(400, BadRequestException::new);
    BY_STATUS.put(401, UnauthorizedException::new);
    BY_STATUS.put(403, ForbiddenException::new);
    BY_STATUS.put(404, NotFoundException::new);
    BY_STATUS.put(409, ConflictException::new);
    BY_STATUS.put(500, InternalServerErrorException::new);
    BY_STATUS.put(502, ServerUnavailableException::new);
    BY_STATUS.put(503, ServerUnavailableException::new);
    BY_STATUS.put(504, ServerUnavailableException::new);
  }

  private ErrorMapper() {}

  /** Maps an error answer without headers (tests, callers that have none). */
  public static CloudifyServiceException map(int status, String body, String method, String url) {
    return map(status, null, body, method, url);
  }

  /**
   * Maps an error answer. {@code headers} and {@code body} may be null; {@code body} is the start of the body (the
   * caller bounds what it reads); {@code url} must already be redacted.
   */
  public static CloudifyServiceException map(int status, Headers headers, String body, String method, String url) {
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
      // masked before the excerpt joins the lines: a page echoing the request has one header per line
      message = excerpt(Redaction.redactText(body));
    }
    if (status == 304) {
      code = code != null ? code : "not_modified";
      message = message.isEmpty() ? "Nothing to modify" : message;
    }
    ErrorResponse.Builder response = ErrorResponse.builder(status).errorCode(code).serverMessage(message)
        .serverTraceback(traceback).body(body);
    if (headers != null) {
      for (int i = 0; i < headers.size(); i++) {
        response.header(headers.name(i), headers.value(i));
      }
    }
    if (method != null && url != null) {
      response.request(method, url);
    }
    return toException(response.build());
  }

  /** The typed exception for an answer: by code, then by status, else the base type. */
  public static CloudifyServiceException toException(ErrorResponse response) {
    Function<ErrorResponse, CloudifyServiceException> factory = response.errorCode().map(BY_CODE::get)
        .orElse(null);
    if (factory == null) {
      factory = BY_STATUS.getOrDefault(response.statusCode(), CloudifyServiceException::new);
    }
    return factory.apply(response);
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
