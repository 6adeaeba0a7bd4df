package io.github.cloudify4j.snapshots.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.backup.BackupJob;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import io.github.cloudify4j.snapshots.support.VirtualTime;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Micrometer is optional: in a JVM whose class path has no Micrometer jar, a client (requests, a download, a
 * backup run with its steps) works, and none of cloudify4j's Micrometer-facing classes is ever loaded.
 */
class WithoutMicrometerTest {
  @TempDir Path dir;

  @Test
  void aClientWithoutMicrometerOnTheClassPathWorksAndLoadsNoObservationClass() throws Exception {
    String classPath = System.getProperty("java.class.path");
    List<String> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      (Paths.get(entry).getFileName().toString().startsWith("micrometer-") ? dropped : kept).add(entry);
    }
    assertThat(dropped).as("the test's own class path has Micrometer").isNotEmpty();
    Path log = dir.resolve("child.log");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, kept));
    command.add(Child.class.getName());
    command.add(dir.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(log);
    String tail = lines.stream().filter(l -> !l.contains("[class,load]")).collect(Collectors.joining("\n"));
    assertThat(ended).as("child ended").isTrue();
    assertThat(process.exitValue()).as(tail).isZero();
    assertThat(tail).contains("OK CREATED");
    // what the library (and its dependencies) loaded: the test's own classes (this Child) aside
    List<String> loaded = lines.stream().filter(l -> l.contains("[class,load]") && !l.contains("test-classes"))
        .collect(Collectors.toList());
    assertThat(loaded).as("the child logged its class loading").anyMatch(l -> l.contains(
        "io.github.cloudify4j.snapshots.workflow.internal.StepRunner "));
    assertThat(loaded).noneMatch(l -> l.contains(" io.micrometer."))
        .noneMatch(l -> l.contains("io.github.cloudify4j.client.observation."))
        .noneMatch(l -> l.contains("io.github.cloudify4j.snapshots.observation."))
        .noneMatch(l -> l.contains("MicrometerRequestObserver"))
        .noneMatch(l -> l.contains("MicrometerSnapshotsObserver"))
        .noneMatch(l -> l.contains("MicrometerBackupRecorder"));
  }

  /** The child JVM: a fake manager, a client, a backup run, a download. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path dir = Paths.get(args[0]);
      try (FakeCloudifyManager m = FakeCloudifyManager.builder().build().start();
          CloudifyClient client = VirtualTime.client(m).build()) {
        m.seed().blueprints(1);
        client.manager().version();
        BackupReport report = BackupJob.builder(client).directory(dir).prefix("daily-").build().run();
        Snapshots.of(client).download(report.snapshotId(), dir.resolve("again.zip"));
        System.out.println("OK " + report.outcome());
      }
    }
  }
}
