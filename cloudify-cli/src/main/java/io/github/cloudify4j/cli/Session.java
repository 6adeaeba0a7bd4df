package io.github.cloudify4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.console.Terminal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One run of the command line: where its output goes, the environment it reads, and the global options
 * ({@code --output}, {@code --quiet}, {@code --verbose}, {@code --debug}). Everything a test replaces is here: the
 * two streams, the environment, the home directory (for {@code cfy} profiles), whether stdout is a terminal, the
 * password prompt, and a hook that finishes every client (tests give it the fake manager's virtual clock).
 *
 * <p>The output contract: with {@code --output json} stdout carries exactly one JSON document and everything meant
 * for people (progress, plans, reports) goes to stderr; {@code --quiet} drops the human text (errors stay).
 */
final class Session {
  enum Output { TEXT, JSON }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream(), true,
      StandardCharsets.UTF_8);

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  final Path home;
  final boolean interactive;
  final UnaryOperator<CloudifyClient.Builder> clients;
  final Function<String, char[]> passwordPrompt;

  Output output = Output.TEXT;
  boolean quiet;
  boolean verbose;
  boolean debug;
  /** Whether the command's JSON document was printed (an error then prints none of its own). */
  boolean printed;

  Session(PrintStream out, PrintStream err, Map<String, String> env, Path home, boolean interactive,
      UnaryOperator<CloudifyClient.Builder> clients, Function<String, char[]> passwordPrompt) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.home = home;
    this.interactive = interactive;
    this.clients = clients;
    this.passwordPrompt = passwordPrompt;
  }

  boolean json() {
    return output == Output.JSON;
  }

  /** Where text for people goes: stdout, or stderr under {@code --output json}, or nowhere under {@code --quiet}. */
  PrintStream human() {
    if (quiet) {
      return NOWHERE;
    }
    return json() ? err : out;
  }

  /** The terminal progress is drawn on: redrawn in place only when it is a real terminal and not stderr-for-JSON. */
  Terminal terminal() {
    return new Terminal(human(), interactive && !quiet && !json());
  }

  /** Prints the command's one JSON document on stdout (only under {@code --output json}). */
  void printJson(Object document) {
    if (!json()) {
      return;
    }
    try {
      out.println(JSON.writeValueAsString(document));
      printed = true;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** A line for {@code --verbose}. */
  void verbose(String line) {
    if (verbose || debug) {
      human().println(line);
    }
  }
}
