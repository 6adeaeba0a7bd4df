package io.github.cloudify4j.client.wire;

import static io.github.cloudify4j.client.testing.TestClients.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.Samples;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A real manager compares the raw {@code Content-Type} of every JSON body with the exact string
 * {@code application/json} ({@code rest_utils.get_json_and_verify_params}) and answers 415
 * {@code unsupported_content_type_error} to anything else, a charset parameter included (contract corpus, seq 20, 24,
 * 66, 124). These tests pin the exact header bytes.
 */
class JsonContentTypeTest extends MockServerTest {
  private static final String ID = "3f6d2c0e-8a51-4a77-9d0b-2f4e9b1c7a10";

  @Test
  void executionActionsSendExactlyApplicationJson() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(Samples.json("execution_terminated")));
    }

    client.executions().cancel(ID);
    client.executions().forceCancel(ID);
    client.executions().kill(ID);

    for (String action : new String[] {"cancel", "force-cancel", "kill"}) {
      RecordedRequest r = take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getPath()).isEqualTo("/api/v3.1/executions/" + ID);
      assertThat(r.getHeaders().values("Content-Type")).containsExactly("application/json");
      assertThat(r.getBody().readUtf8()).isEqualTo("{\"action\":\"" + action + "\"}");
    }
  }

  @Test
  void bodilessActionsSendNoContentType() throws Exception {
    server.enqueue(json(Samples.json("maintenance_activate_response_6x_7x")));

    client.maintenance().activate();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v3.1/maintenance/activate");
    assertThat(r.getHeader("Content-Type")).isNull();
    assertThat(r.getHeader("Content-Length")).isEqualTo("0");
  }
}
