package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.ProgressBar;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapshots list|get|create|download|upload|delete}: the {@link Snapshots} resource, one call each. */
@Command(name = "snapshots", mixinStandardHelpOptions = true, description = "The manager's snapshots, one by one.",
    subcommands = {SnapshotsCommand.ListCmd.class, SnapshotsCommand.Get.class, SnapshotsCommand.Create.class,
        SnapshotsCommand.Download.class, SnapshotsCommand.Upload.class, SnapshotsCommand.Delete.class})
final class SnapshotsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is missing: list, get, create, download, upload or delete");
  }

  /** A transfer progress bar on the session's terminal (redrawn in place on a terminal, lines otherwise). */
  static TransferListener bar(Session s, String label, ProgressBar[] holder) {
    ProgressBar bar = new ProgressBar(s.terminal(), label);
    holder[0] = bar;
    return new TransferListener() {
      @Override
      public void onProgress(long bytesDone, long totalBytes) {
        bar.update(bytesDone, totalBytes);
      }

      @Override
      public void onRestart(long resumedAt) {
        bar.restart(resumedAt);
      }
    };
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every snapshot of the tenant.")
  static final class ListCmd implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;

    ListCmd(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      try (CloudifyClient client = connection.builder(s).build()) {
        List<Snapshot> all = Snapshots.of(client).listAll(ListParams.none()).collect(Collectors.toList());
        List<Object> doc = new ArrayList<>();
        for (Snapshot snap : all) {
          s.human().println(String.format("%-40s %-10s %s", snap.id(), snap.status(),
              snap.createdAt().map(Object::toString).orElse("")));
          doc.add(Documents.snapshot(snap));
        }
        if (all.isEmpty()) {
          s.human().println("(no snapshots)");
        }
        s.printJson(doc);
        return Exit.OK;
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One snapshot.")
  static final class Get implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;
    @Parameters(paramLabel = "ID") String id;

    Get(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      try (CloudifyClient client = connection.builder(s).build()) {
        Snapshot snap = Snapshots.of(client).get(id);
        s.human().println(snap.id() + "  " + snap.status() + snap.createdAt().map(t -> "  created " + t).orElse("")
            + (snap.error().isEmpty() ? "" : "  error: " + snap.error()));
        s.printJson(Documents.snapshot(snap));
        return Exit.OK;
      }
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Start a snapshot; --wait for it.")
  static final class Create implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--wait", description = "Wait until it is created (or failed).") boolean await;
    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = Durations.class,
        description = "With --wait: how long (default 1h).")
    Duration waitTimeout = Duration.ofHours(1);

    Create(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      try (CloudifyClient client = connection.builder(s).build()) {
        Snapshots snapshots = Snapshots.of(client);
        Execution e = snapshots.create(id);
        s.human().println("creating " + id + " (execution " + e.id() + ")");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("execution", Documents.execution(e));
        if (await) {
          Snapshot snap = snapshots.waitUntilCreated(id, PollOptions.timeout(waitTimeout));
          s.human().println(snap.id() + "  " + snap.status());
          doc.put("snapshot", Documents.snapshot(snap));
        }
        s.printJson(doc);
        return Exit.OK;
      }
    }
  }

  @Command(name = "download", mixinStandardHelpOptions = true,
      description = "Download a snapshot's archive (verified zip, SHA-256; never a partial file).")
  static final class Download implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Default: ID.zip") Path file;
    @Option(names = "--overwrite", description = "Replace FILE when it exists.") boolean overwrite;

    Download(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      Path target = file != null ? file : Path.of(id + ".zip");
      try (CloudifyClient client = connection.builder(s).build()) {
        ProgressBar[] bar = new ProgressBar[1];
        DownloadResult r = Snapshots.of(client).download(id, target, DownloadOptions.builder().overwrite(overwrite)
            .verifyZip(true).sha256(true).listener(bar(s, "download", bar)).build());
        bar[0].finish();
        s.human().println(r.path() + "  " + Human.bytes(r.bytes()) + r.sha256().map(h -> "  sha256 " + h).orElse(""));
        s.printJson(Documents.download(r));
        return Exit.OK;
      }
    }
  }

  @Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload an archive as a snapshot.")
  static final class Upload implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Option(names = "--id", paramLabel = "ID", description = "Default: the file name without .zip.") String id;

    Upload(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(file + " is not a readable file");
      }
      String snapshotId = id != null ? id : file.getFileName().toString().replaceFirst("\\.zip$", "");
      try (CloudifyClient client = connection.builder(s).build()) {
        ProgressBar[] bar = new ProgressBar[1];
        Snapshot snap = Snapshots.of(client).upload(snapshotId, file, bar(s, "upload", bar));
        bar[0].finish();
        s.human().println(snap.id() + "  " + snap.status());
        s.printJson(Documents.snapshot(snap));
        return Exit.OK;
      }
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a snapshot from the manager (needs --yes).")
  static final class Delete implements Callable<Integer> {
    private final Session s;
    @Mixin Connection connection;
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--yes", description = "Go ahead.") boolean yes;

    Delete(Session s) {
      this.s = s;
    }

    @Override
    public Integer call() {
      if (!yes) {
        throw new Refused("deleting snapshot " + id + " cannot be undone; nothing was sent. Add --yes to go ahead");
      }
      try (CloudifyClient client = connection.builder(s).build()) {
        Optional<Snapshot> gone = Snapshots.of(client).delete(id);
        s.human().println(gone.isPresent() ? "deleted " + id : id + " was not there");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("deleted", gone.isPresent());
        s.printJson(doc);
        return Exit.OK;
      }
    }
  }
}
