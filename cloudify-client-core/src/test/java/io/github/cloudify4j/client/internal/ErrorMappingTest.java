package io.github.cloudify4j.client.internal;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.BadParametersException;
import io.github.cloudify4j.client.errors.BadRequestException;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
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
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.MockServerTest;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure answer becomes the typed exception, through the one mapping function. */
class ErrorMappingTest extends MockServerTest {
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";
  private String url;

  @Override
  protected CloudifyClient.Builder clientBuilder() {
    return super.clientBuilder().retryPolicy(RetryPolicy.none());
  }

  @BeforeEach
  void url() {
    url = server.url("/api/v3.1/executions/" + ID).toString();
  }

  static Stream<Arguments> realErrorBodies() {
    return Stream.of(
        Arguments.of("error_not_found", NotFoundException.class, "not_found_error", null),
        Arguments.of("error_conflict", ConflictException.class, "conflict_error", null),
        Arguments.of("error_maintenance_active", MaintenanceModeActiveException.class, "maintenance_mode_active",
            "NoneType: None\n"),
        Arguments.of("error_entering_maintenance", EnteringMaintenanceModeException.class,
            "entering_maintenance_mode", "NoneType: None\n"),
        Arguments.of("error_unauthorized", UnauthorizedException.class, "unauthorized_error", null),
        Arguments.of("error_forbidden", ForbiddenException.class, "forbidden_error", null),
        Arguments.of("error_snapshot_action", SnapshotActionException.class, "snapshot_action_error", null),
        Arguments.of("error_existing_running_execution", ExistingRunningExecutionException.class,
            "existing_running_execution_error", null),
        Arguments.of("error_pydantic_validation", BadParametersException.class, "bad_parameters_error", null),
        Arguments.of("error_internal", InternalServerErrorException.class, "internal_server_error",
            "Traceback (most recent call last):\n  ...\nKeyError: 'force'\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realErrorBodies")
  void realErrorBody(String sample, Class<? extends CloudifyServiceException> type, String code, String traceback) {
    int status = Samples.httpStatus(sample);
    String message = Samples.node(sample).get("message").asText();
    server.enqueue(json(status, Samples.json(sample)));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(type)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(status);
          assertThat(e.errorCode()).contains(code);
          assertThat(e.serverMessage()).isEqualTo(message);
          assertThat(e.serverTraceback()).isEqualTo(java.util.Optional.ofNullable(traceback));
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).isEqualTo(url);
          assertThat(e.getMessage()).contains(String.valueOf(status), code, "GET " + url);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unknownErrorCodeOnAStatusWithoutATypeKeepsTheCodeOnTheBaseType() {
    // the real server sends blueprint_in_use with 405 (manager_exceptions.BlueprintInUseError)
    server.enqueue(json(405, "{\"message\":\"Blueprint x is still used\",\"error_code\":\"blueprint_in_use\","
        + "\"server_traceback\":null}"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(CloudifyServiceException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(405);
          assertThat(e.errorCode()).contains("blueprint_in_use");
          assertThat(e.serverMessage()).isEqualTo("Blueprint x is still used");
        });
  }

  /**
   * An error code the client does not know still gets the type of its status, so {@code catch (NotFoundException)}
   * sees every 404; the code stays readable. The codes are real ones (manager_rest/manager_exceptions.py, 7.x).
   */
  static Stream<Arguments> unknownCodes() {
    return Stream.of(
        Arguments.of(404, "community_only_error", NotFoundException.class),
        Arguments.of(404, "deployment_parent_not_found_error", NotFoundException.class),
        Arguments.of(409, "storage_error", ConflictException.class),
        Arguments.of(409, "ambiguous_name", ConflictException.class),
        Arguments.of(401, "no_token_generator_error", UnauthorizedException.class),
        Arguments.of(403, "forbidden_while_cancelling", ForbiddenException.class),
        Arguments.of(500, "invalid_fernet_token_format_error", InternalServerErrorException.class),
        Arguments.of(503, "in_snapshot_restore_error", ServerUnavailableException.class),
        Arguments.of(503, "insufficient_memory_error", ServerUnavailableException.class));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unknownCodes")
  void unknownCodeIsTypedByItsStatus(int status, String code, Class<? extends CloudifyServiceException> type) {
    server.enqueue(json(status, "{\"message\": \"m\", \"error_code\": \"" + code + "\", \"server_traceback\": null}"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(type)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(status);
          assertThat(e.errorCode()).contains(code);
          assertThat(e.serverMessage()).isEqualTo("m");
        });
  }

  @Test
  void unknown400CodeIsABadRequestAndKnownOnesAreItsSubtypes() {
    // corpus: POST /executions/{id} with an illegal status change answers 400 illegal_action_error
    server.enqueue(json(400, "{\"message\": \"Cannot cancel\", \"error_code\": \"illegal_action_error\","
        + " \"server_traceback\": null}"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(BadRequestException.class)
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.errorCode()).contains("illegal_action_error"));
    assertThat(BadRequestException.class).isAssignableFrom(BadParametersException.class)
        .isAssignableFrom(SnapshotActionException.class).isAssignableFrom(ExistingRunningExecutionException.class);
  }

  @Test
  void communityManagersPremiumOnly404IsItsOwnNotFoundType() {
    // corpus seq 213: GET /users on a community manager
    server.enqueue(json(404, "{\"message\": \"This feature exists only in the premium edition of Cloudify.\\n"
        + "Please contact sales for additional info.\", \"error_code\": \"missing_premium_package_error\","
        + " \"server_traceback\": null}"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(PremiumFeatureRequiredException.class)
        .isInstanceOf(NotFoundException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.errorCode()).contains("missing_premium_package_error");
          assertThat(e.serverMessage()).startsWith("This feature exists only in the premium edition");
        });
  }

  @Test
  void serviceExceptionCarriesStatusMaskedHeadersMaskedBodyAndTheRequest() {
    String body = "{\"message\": \"Requested `Snapshot` with ID `nope` was not found\", \"error_code\": "
        + "\"not_found_error\", \"server_traceback\": null, \"echo\": {\"admin_password\": \"hunter2\"}}";
    server.enqueue(json(404, body)
        .addHeader("Server", "nginx")
        .addHeader("X-Cloudify-Audit-Username", "admin")
        .addHeader("Set-Cookie", "session=abc123secret; HttpOnly")
        .addHeader("Authentication-Token", "ctok-1-abcdefsecret")
        .addHeader("Retry-After", "30"));
    String asked = server.url("/api/v3.1/executions/" + ID).newBuilder().build().toString();

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(NotFoundException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.headers().get("server")).containsExactly("nginx");      // names case-insensitive
          assertThat(e.response().header("x-cloudify-audit-username")).contains("admin");
          assertThat(e.response().header("Retry-After")).contains("30");
          assertThat(e.headers().get("Set-Cookie")).containsExactly("****");
          assertThat(e.headers().get("authentication-token")).containsExactly("****");
          assertThat(e.body()).contains("not_found_error", "\"admin_password\": \"****\"")
              .doesNotContain("hunter2");
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).isEqualTo(asked);
          assertThat(e.response().toString() + e + e.headers() + e.body())
              .doesNotContain("hunter2", "abc123secret", "abcdefsecret");
        });
  }

  @Test
  void bodyKeptIsBounded() {
    server.enqueue(json(500, "<html><title>boom</title>" + "x".repeat(200_000) + "</html>"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(InternalServerErrorException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.body()).startsWith("<html><title>boom</title>xxx").hasSize(ErrorResponse.MAX_BODY_CHARS);
          assertThat(e.serverMessage()).isEqualTo("boom");
        });
  }

  @Test
  void usersBuildTheExceptionTheClientWouldThrowAndItIsMaskedToo() {
    CloudifyServiceException e = ErrorResponse.builder(404).errorCode("missing_premium_package_error")
        .serverMessage("only premium; password=hunter2").header("Set-Cookie", "s=secret")
        .request("GET", "https://admin:pw@manager/api/v3.1/users?api_token=ctok-9-xyz").build().toException();

    assertThat(e).isExactlyInstanceOf(PremiumFeatureRequiredException.class);
    assertThat(e.serverMessage()).isEqualTo("only premium; password=****");
    assertThat(e.headers().get("set-cookie")).containsExactly("****");
    assertThat(e.requestUrl()).isEqualTo("https://manager/api/v3.1/users?api_token=****");
    assertThat(new NotFoundException(ErrorResponse.builder(404).build()).getMessage()).isEqualTo("404");
    assertThat(ErrorResponse.builder(418).errorCode("teapot").build().toException())
        .isExactlyInstanceOf(CloudifyServiceException.class);
    assertThatThrownBy(() -> ErrorResponse.builder(42)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nginxHtml404() {
    server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "text/html")
        .setBody("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found"
            + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(NotFoundException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.errorCode()).isEmpty();
          assertThat(e.serverMessage()).isEqualTo("404 Not Found");
          assertThat(e.serverTraceback()).isEmpty();
        });
  }

  @Test
  void nginxHtml502() {
    server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
        .setBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
            + "</center><hr><center>nginx/1.22.1</center></body></html>"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(ServerUnavailableException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.errorCode()).isEmpty();
          assertThat(e.serverMessage()).isEqualTo("502 Bad Gateway");
        });
  }

  @Test
  void empty304OnAGet() {
    server.enqueue(new MockResponse().setResponseCode(304));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(NotModifiedException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(304);
          assertThat(e.errorCode()).contains("not_modified");
        });
  }

  @Test
  void empty500() {
    server.enqueue(new MockResponse().setResponseCode(500));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(InternalServerErrorException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(500);
          assertThat(e.errorCode()).isEmpty();
          assertThat(e.serverMessage()).isEmpty();
          assertThat(e.serverTraceback()).isEmpty();
        });
  }

  @Test
  void otherStatusWithoutCodeIsTheBaseType() {
    server.enqueue(new MockResponse().setResponseCode(405).setBody("<title>405 Method Not Allowed</title>"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(CloudifyServiceException.class)
        .hasMessageContaining("405");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\": \"x\", \"status\": \"termin",           // truncated
      "",                                               // empty body on 200
      "null",                                           // JSON null
      "[]",                                             // wrong shape
      "<html>ok</html>",                                // not JSON
      "{\"id\": \"x\", \"status\": {\"a\": 1}}",         // wrong type
      "{\"id\": \"x\", \"status\": \"started\", \"created_at\": \"yesterday\"}", // bad timestamp
      "{\"status\": \"started\"}",                      // missing id
      "{\"id\": \"x\", \"status\": \"started\", \"parameters\": [1]}" // wrong container type
  })
  void unusableSuccessBodyIsAnInvalidResponseNeverAnNpe(String body) {
    server.enqueue(json(body));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(CloudifyInvalidResponseException.class)
        .isInstanceOfSatisfying(CloudifyInvalidResponseException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(200);
          assertThat(e.requestMethod()).isEqualTo("GET");
          assertThat(e.requestUrl()).isEqualTo(url);
        });
  }

  @Test
  void gzipEncodedJsonIsDecompressedTransparently() throws Exception {
    server.enqueue(json(Samples.json("execution_create_snapshot_response")).setBody(gzip(
        Samples.json("execution_create_snapshot_response"))).setHeader("Content-Encoding", "gzip"));

    Execution e = client.executions().get(ID);

    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getHeader("Accept-Encoding")).isEqualTo("gzip");
    assertThat(e.id()).isEqualTo(ID);
    assertThat(e.workflowId()).contains("create_snapshot");
  }

  @Test
  void gzipEncodedErrorBodyIsMapped() throws Exception {
    server.enqueue(json(404, "").setBody(gzip(Samples.json("error_not_found"))).setHeader("Content-Encoding", "gzip"));

    assertThatThrownBy(() -> client.executions().get(ID))
        .isExactlyInstanceOf(NotFoundException.class)
        .isInstanceOfSatisfying(CloudifyServiceException.class,
            e -> assertThat(e.serverMessage()).isEqualTo("Requested `Snapshot` with ID `nope` was not found"));
  }

  @Test
  void mapperIsTotalOverOddInputs() {
    assertThat(ErrorMapper.map(503, null, "GET", "u")).isExactlyInstanceOf(ServerUnavailableException.class);
    assertThat(ErrorMapper.map(400, "{\"error_code\": 5}", "GET", "u").errorCode()).contains("5");
    assertThat(ErrorMapper.map(400, "{\"message\": null, \"error_code\": null}", "GET", "u"))
        .isExactlyInstanceOf(BadRequestException.class);
    assertThat(ErrorMapper.map(418, "{\"message\": \"x\"", "GET", "u").serverMessage()).isNotNull();
    assertThat(ErrorMapper.map(422, "{\"detail\": \"bad\"}", "GET", "u").serverMessage()).isEqualTo("bad");
    assertThat(ErrorMapper.map(400, "x".repeat(100_000), "GET", "u").serverMessage()).hasSizeLessThan(600);
  }

  private static Buffer gzip(String text) throws Exception {
    Buffer out = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new GzipSink(out))) {
      sink.writeUtf8(text);
    }
    return out;
  }
}
