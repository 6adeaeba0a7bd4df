package io.github.cloudify4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RetryPolicy;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.robustness.Figures.Counter;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory ceiling, in a child JVM at {@code -Xmx64m}: gzip bombs (40 MiB of JSON in a few hundred KiB) for a
 * list, a tree read and a map-heavy page, and an overlapping-entries zip for the preflight, all with the default
 * limits, end in typed exceptions. The control run raises the client's limit out of the way and the same heap runs
 * out: the limit, not luck, holds the ceiling.
 */
@ExtendWith(Figures.class)
@Timeout(60)
class MemoryCeilingTest {
  static final String HEAP = "-Xmx64m";
  @TempDir Path dir;

  @Test
  void hostileAnswersAndArchivesFailTypedAt64MiB() throws Exception {
    Path zip = Files.write(dir.resolve("overlap.zip"), HostileArchiveTest.withOverlappingCopies(
        HostileArchiveTest.zipWithPaddedDump("mgmt/00000001.json", 16L << 20), 200));
    assertThat(runChild("default", zip.toString())).as("exit code (0 = every case typed, 5 = OOM)").isZero();
    Figures.add(Counter.MALFORMED_RESPONSES, 4);
    Figures.cases(4);
  }

  @Test
  void controlWithoutTheLimitTheSameHeapRunsOut() throws Exception {
    assertThat(runChild("unlimited", "-")).as("exit code of the control (5 = OOM)").isEqualTo(5);
  }

  private static int runChild(String mode, String zip) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add(HEAP);
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Child.class.getName());
    command.add(mode);
    command.add(zip);
    Path log = Files.createTempFile("memory-ceiling", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = process.waitFor(50, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log).trim().replace('\n', ' ');
    Files.delete(log);
    System.out.println("[memory-ceiling " + mode + "] " + output);
    if (!ended) {
      throw new AssertionError("child JVM did not finish: " + output);
    }
    return process.exitValue();
  }

  static byte[] gzip(String head, String unit, long size, String tail) throws Exception {
    Buffer out = new Buffer();
    byte[] chunk = unit.repeat(Math.max(1, 65536 / unit.length())).getBytes();
    try (GZIPOutputStream gz = new GZIPOutputStream(out.outputStream(), 65536)) {
      gz.write(head.getBytes());
      for (long n = 0; n < size; n += chunk.length) {
        gz.write(chunk);
      }
      gz.write(tail.getBytes());
    }
    return out.readByteArray();
  }

  /** Child JVM: exit 0 iff every case ends in a CloudifyException, 5 on OutOfMemoryError. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      boolean unlimited = args[0].equals("unlimited");
      long size = 40L << 20;
      StringBuilder params = new StringBuilder("{\"id\": \"e\", \"status\": \"started\", \"parameters\": {");
      for (int i = 0; i < 2000; i++) {
        params.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(i);
      }
      params.append("}},");
      MockWebServer server = new MockWebServer();
      server.start();
      CloudifyClient.Builder b = CloudifyClient.builder().manager(server.url("/").uri()).basicAuth("admin", "pw")
          .retryPolicy(RetryPolicy.none());
      if (unlimited) {
        b.maxResponseSize(Long.MAX_VALUE);
      }
      try (CloudifyClient client = b.build()) {
        Snapshots snapshots = Snapshots.of(client);
        List<Runnable> cases = new ArrayList<>();
        enqueue(server, gzip("{\"status\": \"running\", \"x\": [", "1,", size, "1]}"));
        cases.add(snapshots::restoreStatus);
        if (!unlimited) {
          enqueue(server, gzip("{\"items\": [", params.toString(), size, "{}]}"));
          cases.add(() -> client.executions().list(ListParams.none()));
          enqueue(server, gzip("{\"items\": [", "{\"id\": \"s-0001\", \"status\": \"created\", \"error\": \"\"},",
              size, "{}]}"));
          cases.add(() -> snapshots.list(ListParams.none()));
          cases.add(() -> SnapshotArchive.inspect(Paths.get(args[1])));
        }
        int typed = 0;
        for (Runnable c : cases) {
          try {
            c.run();
            System.out.println("no error");
          } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError");
            System.exit(5);
          } catch (CloudifyException e) {
            typed++;
            System.out.println(e.getClass().getSimpleName());
          }
        }
        System.out.println(typed + "/" + cases.size() + " typed");
        System.exit(typed == cases.size() ? 0 : 3);
      }
    }

    private static void enqueue(MockWebServer server, byte[] body) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setHeader("Content-Encoding", "gzip").setBody(new Buffer().write(body)));
    }
  }
}
