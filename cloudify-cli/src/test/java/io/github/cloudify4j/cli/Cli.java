package io.github.cloudify4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs the command line in-process, as a person would type it, against fake managers whose clocks the clients
 * advance instead of sleeping. Captures stdout and stderr separately (the JSON contract is about which is which).
 */
final class Cli {
  final Map<String, String> env = new HashMap<>();
  final Path home;
  boolean interactive;
  char[] typedPassword;
  UnaryOperator<CloudifyClient.Builder> clients = UnaryOperator.identity();
  private final ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
  int exit = -1;

  Cli(Path home) {
    this.home = home;
  }

  /** Every client runs on the fakes' virtual time: each wait advances all of them (same start time). */
  Cli on(FakeCloudifyManager... fakes) {
    Consumer<Duration> advance = d -> {
      for (FakeCloudifyManager f : fakes) {
        f.advance(d);
      }
    };
    clients = b -> b.clock(fakes[0].clock()).sleeper(advance::accept);
    return this;
  }

  /** The fake's admin in the cfy CLI's environment variables. */
  Cli envFor(FakeCloudifyManager m) {
    env.put("CLOUDIFY_MANAGER_URL", m.baseUrl());
    env.put("CLOUDIFY_USERNAME", m.adminUsername());
    env.put("CLOUDIFY_PASSWORD", m.adminPassword());
    return this;
  }

  int run(String... args) {
    outBuf.reset();
    errBuf.reset();
    Session s = new Session(new PrintStream(outBuf, true, StandardCharsets.UTF_8),
        new PrintStream(errBuf, true, StandardCharsets.UTF_8), env, home, interactive, clients,
        prompt -> typedPassword);
    exit = Main.execute(s, args);
    return exit;
  }

  String out() {
    return outBuf.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return errBuf.toString(StandardCharsets.UTF_8);
  }

  /** stdout as the one JSON document it must be (fails the test otherwise). */
  JsonNode json() {
    try {
      ObjectMapper m = new ObjectMapper();
      JsonNode node = m.readTree(out());
      assertThat(node).as("stdout is one JSON document: " + out()).isNotNull();
      // Nothing after the document: readTree of the whole text succeeded, and it re-serialises to one value.
      assertThat(m.readerFor(JsonNode.class).readValues(out()).readAll()).hasSize(1);
      return node;
    } catch (java.io.IOException e) {
      throw new AssertionError("stdout is not JSON: " + out() + "\nstderr: " + err(), e);
    }
  }

  String all() {
    return out() + err();
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out() + "\n--- stderr\n" + err();
  }
}
