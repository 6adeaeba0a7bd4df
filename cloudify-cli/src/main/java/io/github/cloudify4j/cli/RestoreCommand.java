package io.github.cloudify4j.cli;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.examples.RestorePrinter;
import io.github.cloudify4j.examples.RestoreProgress;
import io.github.cloudify4j.snapshots.restore.RestoreFailedException;
import io.github.cloudify4j.snapshots.restore.RestoreOrchestrator;
import io.github.cloudify4j.snapshots.restore.RestorePlan;
import io.github.cloudify4j.snapshots.restore.RestoreReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code restore ARCHIVE | --snapshot ID | --resume REPORT.json}: the {@link RestoreOrchestrator}; {@code --resume}
 * finishes a failed run with {@link RestoreOrchestrator.Builder#resumeFrom}. It always prints the plan first; without
 * {@code --yes} it stops there with exit 3 and has changed nothing (the plan only reads the manager).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore a manager from an archive (uploaded first) or from a snapshot already on it, following"
        + " the documented procedure: maintenance mode, restore, wait, reauthenticate, verify, deactivate.",
        "Replaces ALL data of the manager. Prints the plan and stops (exit 3) unless --yes."})
final class RestoreCommand implements Callable<Integer> {
  private final Session s;

  @Mixin Connection connection;
  @Mixin RestoreSettings settings;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ARCHIVE", description = "A snapshot archive (.zip) to upload.")
  Path archive;

  @Option(names = "--snapshot", paramLabel = "ID",
      description = "The snapshot id (with ARCHIVE: the id to upload it as; default its file name).")
  String snapshotId;

  @Option(names = "--yes", description = "Go ahead: replace the manager's data.")
  boolean yes;

  @Option(names = "--resume", paramLabel = "REPORT.json",
      description = {"Finish a restore that failed after it started (e.g. in VERIFY or DEACTIVATE_MAINTENANCE)"
          + " from the report an earlier `restore --output json` printed (its resume_state). Uploads and restores"
          + " nothing again; give the same ARCHIVE and post-restore credentials as the first run."})
  Path resume;

  /** A report larger than this is not one this command wrote. */
  static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;

  RestoreCommand(Session s) {
    this.s = s;
  }

  @Override
  public Integer call() {
    RestoreReport failedRun = resume == null ? null : readResumeState(resume);
    if (archive == null && snapshotId == null && failedRun == null) {
      throw new IllegalArgumentException("give an ARCHIVE to upload or --snapshot ID");
    }
    if (archive != null && !Files.isReadable(archive)) {
      throw new IllegalArgumentException(archive + " is not a readable file");
    }
    String id = snapshotId != null ? snapshotId
        : failedRun != null ? failedRun.snapshotId()
        : archive.getFileName().toString().replaceFirst("\\.zip$", "");
    try (CloudifyClient client = connection.builder(s).build()) {
      RestoreProgress progress = new RestoreProgress(s.terminal(), client.poller().clock());
      RestoreOrchestrator.Builder b = settings.applyTo(RestoreOrchestrator.builder(client), s).snapshotId(id)
          .listener(progress);
      if (archive != null) {
        b.uploadFrom(archive);
      }
      if (failedRun != null) {
        b.resumeFrom(failedRun);
        return run(s, b.build(), id, progress, yes, "finishing the restore changes the manager");
      }
      return run(s, b.build(), id, progress, yes, "a restore replaces all data of the manager");
    }
  }

  /**
   * The failed run's report from {@code --resume}: the {@code resume_state} of the document {@code restore --output
   * json} printed, or a file holding only that state ({@link RestoreReport#toResumeJson()}).
   */
  static RestoreReport readResumeState(Path file) {
    String text;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_REPORT_BYTES) {
        throw new IllegalArgumentException("--resume " + file + " is not a restore report (not a file, or larger"
            + " than " + MAX_REPORT_BYTES / (1024 * 1024) + " MiB)");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--resume " + file + " cannot be read: " + e.getMessage());
    }
    JsonNode doc;
    try {
      doc = READER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("--resume " + file + " is not JSON");
    }
    if (doc != null && doc.has("resume_state")) {
      JsonNode state = doc.get("resume_state");
      if (state.isNull()) {
        throw new IllegalArgumentException("--resume " + file + " is the report of a run that did not fail (outcome "
            + doc.path("outcome").asText("?") + "): nothing to finish");
      }
      text = state.toString();
    }
    try {
      return RestoreReport.fromResumeJson(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--resume " + file + ": " + e.getMessage());
    }
  }

  private static final ObjectMapper READER = new ObjectMapper();

  /** Plan, confirmation, run, report. */
  static int run(Session s, RestoreOrchestrator orchestrator, String id, RestoreProgress progress, boolean yes,
      String what) {
    RestorePlan plan = orchestrator.plan();
    RestorePrinter.plan(plan, s.human());
    if (!yes) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("outcome", "NOT_CONFIRMED");
      doc.put("snapshot_id", id);
      doc.put("plan", Documents.plan(plan));
      s.printJson(doc);
      throw new Refused(what + " (" + plan.node() + "); the plan above was not run. Add --yes to go ahead");
    }
    progress.steps(plan.steps().size());
    s.human().println();
    RestoreReport report;
    try {
      report = orchestrator.run(plan);
    } catch (RestoreFailedException e) {
      s.human().println();
      RestorePrinter.report(e.report(), s.human());
      Map<String, Object> doc = Documents.restore(e.report());
      doc.put("plan", Documents.plan(plan));
      s.printJson(doc);
      throw e;
    }
    s.human().println();
    RestorePrinter.report(report, s.human());
    Map<String, Object> doc = Documents.restore(report);
    doc.put("plan", Documents.plan(plan));
    s.printJson(doc);
    if (report.outcome() == RestoreReport.Outcome.PARTIAL) {
      s.err.println("partial: the restore of " + report.snapshotId() + " finished, but something is missing on"
          + " the manager (see the report)");
      return Exit.PARTIAL;
    }
    return Exit.OK;
  }
}
