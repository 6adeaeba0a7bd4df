package io.github.cloudify4j.examples;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.examples.console.ProgressBar;
import io.github.cloudify4j.examples.console.Table;
import io.github.cloudify4j.examples.console.Terminal;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.TransferListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Snapshot administration: list (as a table), download (with a progress bar and a checksum), delete.
 *
 * <pre>
 * SnapshotAdminExample [connection options] list
 * SnapshotAdminExample [connection options] download SNAPSHOT_ID DIR
 * SnapshotAdminExample [connection options] delete SNAPSHOT_ID
 * </pre>
 */
public final class SnapshotAdminExample {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private SnapshotAdminExample() {}

  /** Every snapshot, newest first, as an aligned table. Returns how many. */
  public static int list(CloudifyClient client, Terminal term) {
    List<Snapshot> all;
    // listAll pages through the whole list as the stream is read; close it.
    try (Stream<Snapshot> s = Snapshots.of(client).listAll(ListParams.builder().sortDescending("created_at").build())) {
      all = s.collect(Collectors.toList());
    }
    Table table = new Table("ID", "STATUS", "CREATED", "BY", "ERROR");
    for (Snapshot s : all) {
      table.row(s.id(), s.status(), s.createdAt().map(TIME::format).orElse("-"), s.createdBy().orElse("-"),
          s.error().isEmpty() ? "" : firstLine(s.error()));
    }
    term.out().println(Human.count(all.size(), "snapshot") + " on " + client.managers().get(0));
    table.print(term.out());
    return all.size();
  }

  /** Downloads one archive into {@code dir} as {@code <id>.zip}, checked as a zip, with its SHA-256. */
  public static DownloadResult download(CloudifyClient client, String snapshotId, Path dir, Terminal term) {
    Path target = dir.resolve(snapshotId + ".zip");
    ProgressBar bar = new ProgressBar(term, "download");
    DownloadResult result = Snapshots.of(client).download(snapshotId, target, DownloadOptions.builder()
        .verifyZip(true)
        .sha256(true)
        .listener(new TransferListener() {
          @Override
          public void onProgress(long done, long total) {
            bar.update(done, total);
          }

          @Override
          public void onRestart(long resumedAt) {
            bar.restart(resumedAt); // a broken transfer is resumed with a Range request where the server allows
          }
        })
        .build());
    bar.finish();
    term.out().println("Downloaded " + snapshotId + " to " + result.path() + " (" + Human.bytes(result.bytes())
        + ", sha256 " + result.sha256().orElse("-") + ")");
    return result;
  }

  /** Deletes one snapshot (its archive on the manager too). */
  public static void delete(CloudifyClient client, String snapshotId, Terminal term) {
    Snapshots.of(client).delete(snapshotId);
    term.out().println("Deleted " + snapshotId);
  }

  private static String firstLine(String s) {
    String line = s.split("\n", 2)[0];
    return line.length() > 60 ? line.substring(0, 59) + "…" : line;
  }

  public static void main(String[] args) {
    Cli.logLevels(args);
    System.exit(run(args, Terminal.system(), System.err, System.getenv(), UnaryOperator.identity()));
  }

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: SnapshotAdminExample [connection options] list | download ID [DIR] | delete ID   [--debug]",
      "Exit codes: 0 done; 1 failed; 2 bad arguments.");

  /** The program behind {@link #main}: returns the exit code; {@code clients} finishes the client it builds. */
  static int run(String[] args, Terminal term, PrintStream err, Map<String, String> env,
      UnaryOperator<CloudifyClient.Builder> clients) {
    Args a;
    List<String> p;
    try {
      a = Args.parse(args);
      p = a.positional();
      if (a.flag("help")) {
        term.out().println(USAGE);
        return Cli.OK;
      }
      a.requireKnown(Cli.COMMON_OPTIONS);
      if (p.isEmpty()) {
        throw new Cli.UsageException("a command is needed: list, download ID [DIR] or delete ID");
      }
      int expected = p.get(0).equals("list") ? 1 : p.get(0).equals("download") ? 3 : 2;
      if (!Arrays.asList("list", "download", "delete").contains(p.get(0))) {
        throw new Cli.UsageException("unknown command " + p.get(0) + ": list, download or delete");
      }
      if (p.size() < Math.min(expected, 2) || p.size() > expected) {
        throw new Cli.UsageException(p.get(0).equals("list") ? "list takes no argument"
            : p.get(0) + " takes " + (expected == 3 ? "a snapshot id and a directory (default .)" : "a snapshot id"));
      }
    } catch (IllegalArgumentException e) {
      return Cli.usage(err, Cli.oneLine(e));
    }
    try (CloudifyClient client = clients.apply(a.client("", env)).build()) {
      switch (p.get(0)) {
        case "list":
          list(client, term);
          break;
        case "download":
          download(client, p.get(1), Paths.get(p.size() > 2 ? p.get(2) : "."), term);
          break;
        default:
          delete(client, p.get(1), term);
          break;
      }
      return Cli.OK;
    } catch (RuntimeException e) {
      return Cli.ended(err, e, a.flag("debug"));
    }
  }
}
