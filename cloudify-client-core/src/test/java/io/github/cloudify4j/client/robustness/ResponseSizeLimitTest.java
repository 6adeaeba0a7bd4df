package io.github.cloudify4j.client.robustness;

import io.github.cloudify4j.client.spi.ClientContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cloudify4j.client.CloudifyClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.ResponseTooLargeException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.testing.MockServerTest;
import io.github.cloudify4j.client.testing.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every JSON answer is read with a size limit counted after decompression: a gzip bomb (100 KiB on the wire, over
 * 100 MiB inflated) is a {@link ResponseTooLargeException} as soon as the limit is passed, whichever way the answer
 * is read (Retrofit call, direct read, answer buffered whole). Without the limit these answers are read to the end
 * (and at -Xmx64m end in OutOfMemoryError).
 */
@Timeout(10)
class ResponseSizeLimitTest extends MockServerTest {
  static final long MIB = 1024 * 1024;
  static final String ITEM = "{\"id\": \"e-0001\", \"status\": \"terminated\", \"workflow_id\": \"create_snapshot\"},";
  /** {"items": [ item, item, ... (over 100 MiB, never closed). */
  static byte[] itemsBomb;
  /** {"items": [], "metadata": ... then 128 MiB of spaces. */
  static byte[] blankBomb;

  @BeforeAll
  static void bombs() throws IOException {
    itemsBomb = gzip("{\"items\": [", ITEM, 100 * MIB + 1);
    blankBomb = gzip("{\"items\": [", " ", 128 * MIB);
  }

  /** A gzip body: {@code head}, then {@code unit} repeated to {@code size} bytes. */
  static byte[] gzip(String head, String unit, long size) throws IOException {
    Buffer out = new Buffer();
    byte[] chunk = unit.repeat((int) Math.max(1, 64 * 1024 / unit.length())).getBytes(StandardCharsets.UTF_8);
    try (GZIPOutputStream gz = new GZIPOutputStream(out.outputStream(), 64 * 1024) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(head.getBytes(StandardCharsets.UTF_8));
      for (long n = 0; n < size; n += chunk.length) {
        gz.write(chunk);
      }
    }
    return out.readByteArray();
  }

  static MockResponse gzipped(byte[] body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
        .setBody(new Buffer().write(body));
  }

  CloudifyClient limited(long limit) {
    return TestClients.builder(time, server).maxResponseSize(limit).build();
  }

  @Test
  void aGzipBombListIsStoppedAtTheLimitWithATypedError() {
    assertThat(itemsBomb.length).as("bytes on the wire").isLessThan((int) MIB);
    server.enqueue(gzipped(itemsBomb));
    try (CloudifyClient c = limited(MIB)) {
      Throwable t = catchThrowable(() -> c.executions().list(ListParams.none()));
      assertThat(t).isInstanceOf(ResponseTooLargeException.class)
          .hasMessageContaining("limit 1 MiB").hasMessageContaining("GET")
          .hasMessageContaining("/api/v3.1/executions").hasMessageNotContaining("admin");
      assertThat(((ResponseTooLargeException) t).limit()).isEqualTo(MIB);
      assertThat(((ResponseTooLargeException) t).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aGzipBombOnADirectReadIsStoppedToo() {
    server.enqueue(gzipped(itemsBomb));
    try (CloudifyClient c = limited(MIB)) {
      assertThatThrownBy(() -> c.executions().get("e-0001"))
          .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("/api/v3.1/executions/e-0001");
    }
  }

  @Test
  void theDefaultLimitStopsA128MiBAnswer() {
    server.enqueue(gzipped(blankBomb));
    Throwable t = catchThrowable(() -> client.executions().list(ListParams.none()));
    assertThat(t).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("limit 16 MiB");
  }

  @Test
  void anAnnouncedLengthOverTheLimitIsRefusedBeforeReading() {
    byte[] body = ("{\"items\": [" + " ".repeat(3000) + "], \"metadata\": null}").getBytes(StandardCharsets.UTF_8);
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(new Buffer().write(body)));
    try (CloudifyClient c = limited(2048)) {
      assertThatThrownBy(() -> c.executions().list(ListParams.none()))
          .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("announced");
    }
  }

  /** An execution as a 7.1 manager lists it: about 14 bytes a JSON value. */
  static final String REAL_ITEM = "{\"id\": \"e-0001\", \"workflow_id\": \"create_snapshot\", \"blueprint_id\": null,"
      + " \"deployment_id\": null, \"status\": \"terminated\", \"status_display\": \"completed\","
      + " \"created_at\": \"2024-05-02T10:11:12.345Z\", \"started_at\": \"2024-05-02T10:11:12.345Z\","
      + " \"ended_at\": \"2024-05-02T10:11:20.001Z\", \"error\": \"\", \"is_system_workflow\": true,"
      + " \"parameters\": {\"snapshot_id\": \"s1\", \"include_logs\": true, \"include_events\": true},"
      + " \"visibility\": \"private\", \"tenant_name\": \"default_tenant\", \"created_by\": \"admin\"},";

  @Test
  void anAnswerJustUnderTheLimitIsRead() {
    StringBuilder json = new StringBuilder("{\"items\": [");
    while (json.length() < MIB - 1000) {
      json.append(REAL_ITEM);
    }
    json.setLength(json.length() - 1);
    json.append("], \"metadata\": {\"pagination\": {\"total\": 1, \"size\": 1000, \"offset\": 0}}}");
    server.enqueue(TestClients.json(json.toString()));
    try (CloudifyClient c = limited(MIB)) {
      Page<Execution> page = c.executions().list(ListParams.none());
      assertThat(page.items()).hasSizeGreaterThan(1_500).allSatisfy(e -> assertThat(e.id()).isEqualTo("e-0001"));
    }
  }

  /** 700 KiB of parameters: under the byte limit, but 140,000 map entries (some 10 MiB of heap). */
  @Test
  void anAnswerOfTinyMapValuesIsStoppedByTheValueBudget() {
    StringBuilder json = new StringBuilder("{\"items\": [{\"id\": \"e\", \"status\": \"started\", \"parameters\": {");
    for (int i = 0; json.length() < 700 * 1024; i++) {
      json.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":1");
    }
    json.append("}}]}");
    server.enqueue(TestClients.json(json.toString()));
    try (CloudifyClient c = limited(MIB)) {
      assertThatThrownBy(() -> c.executions().list(ListParams.none()))
          .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("more than 87381 JSON values");
    }
  }

  @Test
  void aTreeOfSmallValuesIsStoppedByTheTreeBudget() {
    StringBuilder json = new StringBuilder("{\"status\": \"running\", \"x\": [1");
    while (json.length() < 300 * 1024) {
      json.append(",1");
    }
    json.append("]}");
    server.enqueue(TestClients.json(json.toString()));
    try (CloudifyClient c = limited(MIB)) {
      ClientContext context = ClientContext.of(c);
      TreeApi api = context.create(TreeApi.class);
      assertThatThrownBy(() -> api.snapshotStatus(context.callOptions(RequestOptions.none())))
          .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("more than 65536 JSON values");
    }
  }

  @Test
  void aNullItemIsRefusedNotHandedOut() {
    server.enqueue(TestClients.json("{\"items\": [{\"id\": \"a\", \"status\": \"started\"}, null],"
        + " \"metadata\": {\"pagination\": {\"total\": 2, \"size\": 1000, \"offset\": 0}}}"));
    Throwable t = catchThrowable(() -> client.executions().list(ListParams.none()));
    assertThat(t).isExactlyInstanceOf(CloudifyInvalidResponseException.class).hasMessageContaining("items[1]");
  }

  @Test
  void aPageCannotBeBuiltWithANull() {
    assertThatThrownBy(() -> new Page<>(Arrays.asList("a", null), new Page.Pagination(2, 2, 0)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("items[1]");
    assertThat(new Page<>(List.of("a"), new Page.Pagination(1, 1, 0)).items()).containsExactly("a");
  }

  @Test
  void theLimitIsValidated() {
    assertThatThrownBy(() -> CloudifyClient.builder().maxResponseSize(1023))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseSize");
  }

  /** An answer read as a tree, as the snapshots module reads {@code /snapshot-status}. */
  interface TreeApi {
    @retrofit2.http.GET("snapshot-status")
    JsonNode snapshotStatus(@retrofit2.http.Tag io.github.cloudify4j.client.spi.CallOptions options);
  }
}
