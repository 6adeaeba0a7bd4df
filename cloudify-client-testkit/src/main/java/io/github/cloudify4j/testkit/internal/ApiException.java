package io.github.cloudify4j.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered as the server's JSON error body. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public final int status;
  public final transient ObjectNode body;

  public ApiException(int status, String code, String message) {
    this(status, Json.error(message, code, null));
  }

  public ApiException(int status, ObjectNode body) {
    super(body.path("message").asText(), null, false, false);
    this.status = status;
    this.body = body;
  }

  public static ApiException badParams(String msg) {
    return new ApiException(400, "bad_parameters_error", msg);
  }

  public static ApiException pydantic(String msg) {
    return new ApiException(400, Json.error(msg, "bad_parameters_error", Json.NO_TRACEBACK));
  }

  public static ApiException notFound(String kind, String id) {
    return new ApiException(404, "not_found_error", "Requested `" + kind + "` with ID `" + id + "` was not found");
  }

  /**
   * A 500 as the real REST service answers an unexpected Python exception: the message never names the
   * exception; only the last line of {@code server_traceback} does (corpus seq 32, 38, 117).
   */
  public static ApiException internal(String type, String msg) {
    return new ApiException(500, Json.error("Internal error occurred in manager REST server - "
        + "InternalServerError: 500 Internal Server Error: The server encountered an internal error and was unable "
        + "to complete your request. Either the server is overloaded or there is an error in the application.",
        "internal_server_error", "Traceback (most recent call last):\n  File \"/opt/manager/env/lib/python3.11/"
            + "site-packages/manager_rest/rest/rest_decorators.py\", line 60, in wrapper\n" + type + ": " + msg
            + "\n"));
  }
}
