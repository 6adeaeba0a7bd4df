package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The library's texts these programs read (the exact sentences the restore workflow writes today), and what a person
 * reads instead: advice worded for the Java API becomes the option of these programs that does the same. The end to
 * end tests ({@link RestoreFromTheCommandLineTest}) catch a change of the library's wording; these pin each rule.
 */
class LibraryTextTest {
  @Test
  void preflightAdviceBecomesTheOption() {
    assertThat(LibraryText.forCommandLine("Snapshot nightly already exists on the manager. Choose"
        + " onExistingSnapshot(REUSE) to restore it, or REPLACE to upload over it."))
        .isEqualTo("Snapshot nightly already exists on the manager. Run again with --existing-snapshot=reuse to"
            + " restore it, or --existing-snapshot=replace to upload over it.");
  }

  @Test
  void snapshotLeftFollowUpBecomesTheOptionsAndTheAdminProgram() {
    assertThat(LibraryText.forCommandLine("Snapshot nightly uploaded by this run is still on the manager; a rerun"
        + " with the same id needs onExistingSnapshot(REUSE) (no second upload) or REPLACE (upload again); or delete"
        + " it (Snapshots.delete(\"nightly\"))."))
        .isEqualTo("Snapshot nightly uploaded by this run is still on the manager; a rerun with the same id needs"
            + " --existing-snapshot=reuse (no second upload) or --existing-snapshot=replace (upload again); or"
            + " delete it (SnapshotAdminExample delete nightly).");
  }

  @Test
  void exceptionSentenceAndQualifiedPolicy() {
    assertThat(LibraryText.forCommandLine("a rerun needs onExistingSnapshot(REUSE) or REPLACE, or delete it first."))
        .isEqualTo("a rerun needs --existing-snapshot=reuse or --existing-snapshot=replace, or delete it first.");
    assertThat(LibraryText.forCommandLine("rerun with onExistingSnapshot(ExistingSnapshotPolicy.REPLACE)"))
        .isEqualTo("rerun with --existing-snapshot=replace");
  }

  @Test
  void healthLimitBecomesTheOption() {
    assertThat(LibraryText.forCommandLine("The manager was not healthy after 2 min (limit 2 min,"
        + " RestoreTimeouts.health): status Fail; not active: Manager Rest-Service (of 8 services)"))
        .isEqualTo("The manager was not healthy after 2 min (limit 2 min, --health-wait): status Fail; not active:"
            + " Manager Rest-Service (of 8 services)");
  }

  @Test
  void aBarePolicyWordWithoutATranslatedOneIsLeftAlone() {
    assertThat(LibraryText.forCommandLine("if the id exists: REPLACE")).isEqualTo("if the id exists: REPLACE");
  }

  @Test
  void managerStateIsToldApart() {
    assertThat(LibraryText.splitState("415 Injected. Manager left with maintenance mode deactivated; the restore was"
        + " not started.")).containsExactly("415 Injected.", "Manager left with maintenance mode deactivated; the"
        + " restore was not started.");
    assertThat(LibraryText.splitState("no state")).containsExactly("no state", null);
  }

  @Test
  void unreachableMessagesAndTheirInnermostCause() {
    String m = "manager unreachable for 2 s (No answer from http://10.0.0.5: ConnectException: Failed to connect to"
        + " /10.0.0.5:80 (Connection refused))";
    assertThat(LibraryText.isUnreachable(m)).isTrue();
    assertThat(LibraryText.isUnreachable("activating; waiting for 1 execution(s)")).isFalse();
    assertThat(LibraryText.unreachableCause(m)).isEqualTo("Connection refused");
    assertThat(LibraryText.unreachableCause("manager unreachable for 2 s")).isNull();
  }
}
