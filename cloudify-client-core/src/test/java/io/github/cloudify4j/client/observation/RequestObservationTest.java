package io.github.cloudify4j.client.observation;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.InternalServerErrorException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.Samples;
import io.github.cloudify4j.client.testing.SecretForms;
import io.github.cloudify4j.client.testing.TestClients;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each request is one {@code cloudify.client.requests} observation, with exact keys, on a real HTTP exchange. */
class RequestObservationTest extends MockServerTest {
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final List<String> events = new ArrayList<>();
  private final List<Observation.Context> contexts = new ArrayList<>();

  @BeforeEach
  void recordEvents() {
    registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
      @Override
      public void onEvent(Observation.Event event, Observation.Context context) {
        events.add(event.getName() + " | " + event.getContextualName());
      }

      @Override
      public void onStop(Observation.Context context) {
        contexts.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
  }

  @Override
  protected CloudifyClient.Builder clientBuilder() {
    return super.clientBuilder().observationRegistry(registry);
  }

  private String base() {
    return TestClients.uri(server).toString();
  }

  @Test
  void aSuccessfulCallIsOneObservationWithTheEndpointTemplateNotTheId() {
    server.enqueue(json(Samples.execution("exec-7f3a91", "terminated")));

    client.executions().get("exec-7f3a91");

    TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsEqualTo(1)
        .hasSingleObservationThat()
        .hasNameEqualTo("cloudify.client.requests")
        .hasContextualNameEqualTo("GET /executions/{id}")
        .hasLowCardinalityKeyValue("method", "GET")
        .hasLowCardinalityKeyValue("endpoint", "/executions/{id}")
        .hasLowCardinalityKeyValue("status", "200")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasLowCardinalityKeyValue("node.index", "0")
        .hasLowCardinalityKeyValue("exception", "none")
        .hasHighCardinalityKeyValue("url", base() + "/api/v3.1/executions/exec-7f3a91")
        .hasHighCardinalityKeyValue("node", base())
        .hasHighCardinalityKeyValue("retries", "0")
        .hasHighCardinalityKeyValue("failovers", "0")
        .doesNotHaveError()
        .hasBeenStarted()
        .hasBeenStopped();
    assertThat(lowValues()).noneMatch(v -> v.contains("exec-7f3a91"));
    assertThat(events).isEmpty();
  }

  @Test
  void aListCallByUrlGetsItsTemplateFromThePath() {
    server.enqueue(json(Samples.page(0, 1000, 0)));

    client.executions().list(io.github.cloudify4j.client.ListParams.none());

    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("endpoint", "/executions");
  }

  @Test
  void anErrorAnswerIsAClientErrorWithItsExceptionType() {
    server.enqueue(json(404, Samples.json("error_not_found")));

    assertThatThrownBy(() -> client.executions().get("missing-1")).isInstanceOf(NotFoundException.class);

    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "404")
        .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
        .hasLowCardinalityKeyValue("exception", "NotFoundException")
        .hasError();
  }

  @Test
  void aRetryIsAnEventAndCounted() {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
    server.enqueue(json(Samples.execution("e1", "started")));

    client.executions().get("e1");

    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", "200")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasHighCardinalityKeyValue("retries", "1")
        .hasHighCardinalityKeyValue("failovers", "0");
    assertThat(events).containsExactly("cloudify.client.retry | HTTP 503; retry 2/4");
  }

  @Test
  void aNetworkFailureOnEveryAttemptIsATransportError() throws Exception {
    server.shutdown();
    try (CloudifyClient down = clientBuilder()
        .retryPolicy(io.github.cloudify4j.client.RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> down.executions().get("e1")).isInstanceOf(CloudifyTransportException.class);
    }

    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("status", KeyValue.NONE_VALUE)
        .hasLowCardinalityKeyValue("outcome", "TRANSPORT_ERROR")
        .hasLowCardinalityKeyValue("exception", "CloudifyTransportException")
        .hasLowCardinalityKeyValue("node.index", "0")
        .hasError();
  }

  @Test
  void aFailoverIsAnEventAndTheAnsweringNodeIsTagged() throws Exception {
    try (MockWebServer second = new MockWebServer()) {
      second.start();
      server.enqueue(new MockResponse().setResponseCode(502).setBody("bad gateway"));
      second.enqueue(json(Samples.execution("e1", "started")));
      try (CloudifyClient cluster = TestClients.builder(time, server, second).observationRegistry(registry)
          .build()) {
        cluster.executions().get("e1");
      }
      TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
          .hasLowCardinalityKeyValue("node.index", "1")
          .hasLowCardinalityKeyValue("status", "200")
          .hasHighCardinalityKeyValue("node", TestClients.uri(second).toString())
          .hasHighCardinalityKeyValue("failovers", "1")
          .hasHighCardinalityKeyValue("retries", "0");
      assertThat(events).containsExactly("cloudify.client.failover | " + base() + ": HTTP 502");
    }
  }

  @Test
  void aConventionOfTheUserReplacesTheDefault() throws Exception {
    server.enqueue(json(Samples.execution("e1", "started")));
    ClientRequestObservationConvention mine = new DefaultClientRequestObservationConvention() {
      @Override
      public String getName() {
        return "my.requests";
      }

      @Override
      public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and("team", "ops");
      }
    };
    try (CloudifyClient custom = clientBuilder().requestObservationConvention(mine).build()) {
      custom.executions().get("e1");
    }
    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
        .hasNameEqualTo("my.requests")
        .hasLowCardinalityKeyValue("team", "ops")
        .hasLowCardinalityKeyValue("endpoint", "/executions/{id}");
  }

  @Test
  void noSecretAnywhereInTheObservation() throws Exception {
    // The credentials of the client, secrets in the query, and every secret form of the table in error answers.
    for (SecretForms.Form form : SecretForms.all()) {
      server.enqueue(json(500, form.text()));
    }
    for (SecretForms.Form form : SecretForms.all()) {
      assertThatThrownBy(() -> client.executions().get("e1",
          io.github.cloudify4j.client.RequestOptions.builder().retryPolicy(
              io.github.cloudify4j.client.RetryPolicy.none()).build()))
          .isInstanceOf(InternalServerErrorException.class);
    }
    StringBuilder everything = new StringBuilder();
    for (Observation.Context context : contexts) {
      everything.append(context).append('\n').append(context.getAllKeyValues()).append('\n')
          .append(context.getContextualName()).append('\n');
      if (context.getError() != null) {
        everything.append(context.getError()).append('\n');
      }
    }
    everything.append(events);
    String text = everything.toString();
    assertThat(contexts).hasSize(SecretForms.all().size());
    assertThat(text).doesNotContain(TestClients.PASSWORD)
        .doesNotContain(Base64.getEncoder().encodeToString(
            (TestClients.USER + ":" + TestClients.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    for (SecretForms.Form form : SecretForms.all()) {
      assertThat(text).as(form.name()).doesNotContain(form.secret());
    }
  }

  @Test
  void credentialsInAManagerUrlNeverReachTheObservation() throws Exception {
    server.enqueue(json(Samples.execution("e1", "started")));
    String withUser = server.url("/").newBuilder().username("admin").password("UrlPa55w0rd").build().toString();
    try (CloudifyClient c = clientBuilder().manager(withUser.substring(0, withUser.length() - 1)).build()) {
      c.executions().get("e1");
    } catch (IllegalArgumentException refused) {
      return; // a manager URL with credentials is refused before anything is sent: nothing to observe
    }
    assertThat(contexts).hasSize(1);
    assertThat(contexts.get(0).getAllKeyValues().toString()).doesNotContain("UrlPa55w0rd");
  }

  @Test
  void withoutARegistryNothingIsObserved() throws Exception {
    server.enqueue(json(Samples.execution("e1", "started")));
    try (CloudifyClient plain = TestClients.builder(time, server).build()) {
      plain.executions().get("e1");
    }
    TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
  }

  private List<String> lowValues() {
    List<String> values = new ArrayList<>();
    for (Observation.Context context : contexts) {
      for (KeyValue kv : context.getLowCardinalityKeyValues()) {
        values.add(kv.getValue());
      }
    }
    return values;
  }

}
