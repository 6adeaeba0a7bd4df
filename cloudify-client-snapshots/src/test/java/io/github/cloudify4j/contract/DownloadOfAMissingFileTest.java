package io.github.cloudify4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.snapshots.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 item 6: a snapshot row whose archive file is missing (a create still running, a file removed by hand)
 * downloads through nginx as an HTML 404 that still carries {@code Content-Disposition: attachment;
 * filename="<id>.zip"} (corpus seq 100). The status decides, never the headers: a typed {@link NotFoundException}
 * and nothing at the target, nor a temporary file beside it.
 */
class DownloadOfAMissingFileTest {
  @TempDir Path dir;

  /** The recorded answer, headers and body byte for byte as far as the corpus keeps them. */
  private static MockResponse recorded() {
    JsonNode response = Corpus.line("snapshots.download.no-file").path("response");
    MockResponse answer = new MockResponse().setResponseCode(response.path("status").asInt());
    for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      if (!h.getKey().equalsIgnoreCase("content-length")) {
        answer.setHeader(h.getKey(), h.getValue().asText());
      }
    }
    return answer.setBody(response.path("text").asText());
  }

  @Test
  void anHtml404WithContentDispositionIsNotFoundAndLeavesNoFile() throws Exception {
    MockResponse answer = recorded();
    assertThat(answer.getHeaders().get("Content-Disposition")).isEqualTo("attachment; filename=\"snap-opts.zip\"");
    assertThat(answer.getHeaders().get("Content-Type")).isEqualTo("text/html");
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < 5; i++) {
        server.enqueue(recorded());
      }
      server.start();
      try (CloudifyClient client = CloudifyClient.builder().manager(server.url("/").uri())
          .basicAuth("admin", "admin").tenant("default_tenant").retryPolicy(RetryPolicy.none())
          .sleeper(d -> { }).build()) {
        Path target = dir.resolve("snap-opts.zip");

        Throwable t = catchThrowable(() -> Snapshots.of(client).download("snap-opts", target));

        assertThat(t).isInstanceOf(NotFoundException.class);
        NotFoundException e = (NotFoundException) t;
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.requestUrl()).endsWith("/api/v3.1/snapshots/snap-opts/archive");
        assertThat(target).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
          assertThat(left).as("nothing left beside the target").isEmpty();
        }
        assertThat(server.getRequestCount()).as("a 404 is not retried").isEqualTo(1);
      }
    }
  }
}
