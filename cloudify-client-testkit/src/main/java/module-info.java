/**
 * cloudify4j testkit: {@code FakeCloudifyManager}, an embedded HTTP fake of the Cloudify Manager REST API, and its
 * JUnit 5 extension. It does not depend on the client. {@code io.github.cloudify4j.testkit.internal} is never
 * exported; JUnit is optional (only the extension needs it).
 */
module io.github.cloudify4j.testkit {
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires jdk.httpserver;
  requires static org.junit.jupiter.api;

  exports io.github.cloudify4j.testkit;

  opens io.github.cloudify4j.testkit to com.fasterxml.jackson.databind;
  opens io.github.cloudify4j.testkit.internal to com.fasterxml.jackson.databind;
}
