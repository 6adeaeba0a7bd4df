package io.github.cloudify4j.examples;

import io.github.cloudify4j.examples.console.Human;
import io.github.cloudify4j.snapshots.archive.ArchiveInfo;
import io.github.cloudify4j.snapshots.backup.BackupReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Prints a backup report for a person. */
public final class BackupPrinter {
  private BackupPrinter() {}

  public static void report(BackupReport r, PrintStream out) {
    String outcome;
    switch (r.outcome()) {
      case ALREADY_DONE:
        outcome = "already done earlier in this slot: nothing created or downloaded";
        break;
      case RESUMED:
        outcome = "done (followed the snapshot already on the manager)";
        break;
      default:
        outcome = "done";
        break;
    }
    out.println("Backup " + r.snapshotId() + " " + outcome + " in " + Human.duration(r.duration()));
    out.println("  archive:   " + r.archive() + " (" + Human.bytes(r.bytes()) + ")");
    out.println("  sha256:    " + r.sha256().orElse("-") + "  (in " + r.checksumFile().getFileName() + ")");
    r.archiveInfo().ifPresent(i -> out.println("  contents:  " + describe(i)));
    out.println("  retention: deleted " + (r.deletedOnManager().isEmpty() ? "nothing" : r.deletedOnManager())
        + " on the manager; " + (r.deletedLocally().isEmpty() ? "nothing"
            : r.deletedLocally().stream().map(Path::getFileName).map(Object::toString)
                .collect(Collectors.joining(", "))) + " locally");
    r.skippedOnManager().forEach((id, why) -> out.println("  kept:      " + id + " (" + why + ")"));
    for (String w : r.warnings()) {
      out.println("  warning:   " + w);
    }
  }

  static String describe(ArchiveInfo info) {
    StringJoiner counts = new StringJoiner(", ");
    info.countsByKind().forEach((k, v) -> counts.add(v + " " + k));
    return info.format() + " archive, snapshot version " + info.rawSnapshotVersion().orElse("?")
        + (counts.length() == 0 ? "" : "; " + counts);
  }
}
