package io.github.cloudify4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side contract test: the recorded real-manager exchanges ({@code contract/real-manager-7.1.jsonl}, recorded
 * from cloudify-manager 7.1 community; see {@code contract/README.md}) replayed in order against a fresh fake
 * manager of the matching edition (community, profile 7.0.4: the REST code these exchanges touch is the same), in
 * its worker-driven mode, over HTTP. The worker's lines are sent as the recorded HTTP requests (its PATCH and
 * archive PUT requests) and the restore flag file; every answer must match the recorded one the way
 * {@code replay_contract.py} compares them (status, {@code error_code}, body kind, Content-Type family, JSON shape,
 * binary length).
 *
 * <p>{@link #ACCEPTED} lists the only lines that may differ, each with the exact differences and why.
 */
class ContractReplayTest {

  /**
   * Accepted differences: seq → the exact differences the replay reports. All come from the recording environment
   * (contract/README.md, last section), where the fake models a healthy production manager instead.
   */
  static final Map<Integer, List<String>> ACCEPTED = Map.of(
      // /ok: the recording manager had no broker or monitoring services and answered 500 "FAIL"; a healthy one
      // answers 200 "OK"
      4, List.of("status 500 vs 200"),
      // /status: the recording manager's broker check failed and left its error in extra_info; healthy: {}
      5, List.of("$.services.RabbitMQ.extra_info.connection_check: missing"),
      // /cluster-status: no cluster rows on the recording manager (empty nodes); the fake lists its node
      6, List.of("$.services.broker.nodes.cfy-manager-1: extra", "$.services.db.nodes.cfy-manager-1: extra",
          "$.services.manager.nodes.cfy-manager-1: extra"),
      // /managers: "configure" registered no manager row on the recording manager; a real one lists itself
      7, List.of("$.items: length 0 vs 1"));

  /** Lines not replayed, and why. */
  static final Map<Integer, String> NOT_REPLAYED = Map.of(
      // "via": "backend": the REST service's raw X-Accel-Redirect answer without nginx in front; the fake plays
      // nginx and the service together and has no separate backend port
      101, "via backend (the REST service without nginx)");

  @Test
  void replaysTheRealManagerCorpus(@TempDir Path dir) {
    List<JsonNode> corpus = ContractReplay.corpus();
    assertThat(corpus).hasSizeGreaterThan(190);
    Path flag = dir.resolve("cloudify").resolve("snapshot_restoring");
    try (FakeCloudifyManager m = FakeCloudifyManager.builder()
        .profile(ServerProfile.V7_0_4)
        .edition(Edition.COMMUNITY)
        .workflows(WorkflowMode.WORKER_DRIVEN)
        .restoreFlagFile(flag)
        .storageDir(dir.resolve("storage"))
        .build().start()) {
      List<ContractReplay.Outcome> out = new ContractReplay("127.0.0.1", m.port(), flag, m.adminUsername(),
          m.adminPassword()).replay(corpus);
      assertMatches(out);
    }
  }

  /** Every line matches, except exactly the accepted differences and the lines not replayed. */
  static void assertMatches(List<ContractReplay.Outcome> out) {
    List<String> problems = new ArrayList<>();
    Map<Integer, List<String>> seenAccepted = new TreeMap<>();
    int client = 0;
    int clientOk = 0;
    int worker = 0;
    int workerOk = 0;
    for (ContractReplay.Outcome o : out) {
      if (o.skipped != null) {
        if (!NOT_REPLAYED.containsKey(o.seq)) {
          problems.add(o.toString());
        }
        continue;
      }
      boolean ok = ACCEPTED.containsKey(o.seq) ? o.diffs.equals(ACCEPTED.get(o.seq)) && o.unbound.isEmpty()
          : o.ok();
      if (ACCEPTED.containsKey(o.seq)) {
        seenAccepted.put(o.seq, o.diffs);
      }
      if (o.actor.equals("worker")) {
        worker++;
        workerOk += ok ? 1 : 0;
      } else {
        client++;
        clientOk += ok ? 1 : 0;
      }
      if (!ok) {
        problems.add(o.toString());
      }
    }
    assertThat(seenAccepted.keySet()).as("accepted differences that no longer occur").containsAll(ACCEPTED.keySet());
    assertThat(problems).as("lines that differ from the real manager (contract: %d/%d, worker: %d/%d)",
        clientOk, client, workerOk, worker).isEmpty();
    assertThat(client).isGreaterThan(160);
    assertThat(worker).isGreaterThan(25);
  }
}
