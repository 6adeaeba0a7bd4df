package io.github.cloudify4j.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.model.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** GET /snapshots: the query on the wire, the envelope, and auto-paging. */
class SnapshotsListTest extends MockManager {

  @Test
  void sendsFiltersSortProjectionSearchTenantsAndPaging() throws Exception {
    enqueueJson(200, Samples.LIST_ENVELOPE);

    Page<Snapshot> page = snapshots.list(ListParams.builder()
        .filter("status", "created", "uploaded")
        .sortDescending("created_at")
        .sortAscending("id")
        .include("id", "status", "created_at")
        .search("snap 2024/05")
        .allTenants(true)
        .size(2)
        .offset(0)
        .build());

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/api/v3.1/snapshots");
    assertThat(r.getRequestUrl().queryParameterValues("status")).containsExactly("created", "uploaded");
    assertThat(r.getRequestUrl().queryParameterValues("_sort")).containsExactly("-created_at", "id");
    assertThat(r.getRequestUrl().queryParameter("_include")).isEqualTo("id,status,created_at");
    assertThat(r.getRequestUrl().queryParameter("_search")).isEqualTo("snap 2024/05");
    assertThat(r.getRequestUrl().encodedQuery()).contains("_search=snap%202024").doesNotContain("snap 2024");
    assertThat(r.getRequestUrl().queryParameter("_all_tenants")).isEqualTo("true");
    assertThat(r.getRequestUrl().queryParameter("_size")).isEqualTo("2");
    assertThat(r.getRequestUrl().queryParameter("_offset")).isEqualTo("0");
    assertThat(r.getHeader("Authorization")).startsWith("Basic ");
    assertThat(r.getHeader("Tenant")).isEqualTo("default_tenant");

    assertThat(page.items()).extracting(Snapshot::id).containsExactly("snap-2024-05-02", "uploaded-from-old-mgr");
    assertThat(page.items().get(1).status()).isEqualTo(SnapshotStatus.UPLOADED);
    assertThat(page.items().get(0).createdAt()).contains(Instant.parse("2024-05-02T10:11:12.345Z"));
    assertThat(page.pagination().total()).isEqualTo(5);
    assertThat(page.pagination().size()).isEqualTo(2);
    assertThat(page.pagination().offset()).isZero();
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void noParamsSendsNoQuery() throws Exception {
    enqueueJson(200, Samples.page(0, 0, 1000));
    assertThat(snapshots.list(ListParams.none()).items()).isEmpty();
    RecordedRequest r = take();
    assertThat(r.getPath()).isEqualTo("/api/v3.1/snapshots");
  }

  @Test
  void readsTheEnvelopeWithoutFilteredAsOn52() throws Exception {
    enqueueJson(200, "{\"items\": [" + Samples.SNAPSHOT + "], \"metadata\": {\"pagination\":"
        + " {\"total\": 1, \"size\": 1000, \"offset\": 0}}}");
    Page<Snapshot> page = snapshots.list(ListParams.none());
    assertThat(page.items()).extracting(Snapshot::id).containsExactly("snap-2024-05-02");
    assertThat(page.pagination().total()).isEqualTo(1);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void readsTheEnvelopeWithFilteredMetadata() throws Exception {
    enqueueJson(200, "{\"items\": [" + Samples.SNAPSHOT + "], \"metadata\": {\"pagination\":"
        + " {\"total\": 1, \"size\": 1000, \"offset\": 0}, \"filtered\": 3}}");
    assertThat(snapshots.list(ListParams.none()).items()).hasSize(1);
  }

  @Test
  void listAllFetchesPageByPageUntilTotal() throws Exception {
    enqueueJson(200, Samples.page(5, 0, 2, "a1", "a2"));
    enqueueJson(200, Samples.page(5, 2, 2, "a3", "a4"));
    enqueueJson(200, Samples.page(5, 4, 2, "a5"));

    List<String> ids = snapshots.listAll(ListParams.builder().filter("status", "created").size(2).build())
        .map(Snapshot::id).collect(Collectors.toList());

    assertThat(ids).containsExactly("a1", "a2", "a3", "a4", "a5");
    assertThat(server.getRequestCount()).isEqualTo(3);
    List<String> offsets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordedRequest r = take();
      assertThat(r.getRequestUrl().queryParameter("_size")).isEqualTo("2");
      assertThat(r.getRequestUrl().queryParameter("status")).isEqualTo("created");
      offsets.add(r.getRequestUrl().queryParameter("_offset"));
    }
    assertThat(offsets).containsExactly("0", "2", "4");
  }

  @Test
  void listAllStartsAtTheGivenOffsetAndUsesDefaultPageSize() throws Exception {
    enqueueJson(200, Samples.page(12, 10, 1000, "x11", "x12"));
    assertThat(snapshots.listAll(ListParams.builder().offset(10).build()).map(Snapshot::id))
        .containsExactly("x11", "x12");
    RecordedRequest r = take();
    assertThat(r.getRequestUrl().queryParameter("_offset")).isEqualTo("10");
    assertThat(r.getRequestUrl().queryParameter("_size")).isEqualTo("1000");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void listAllIsLazy() throws Exception {
    enqueueJson(200, Samples.page(6, 0, 3, "b1", "b2", "b3"));
    enqueueJson(200, Samples.page(6, 3, 3, "b4", "b5", "b6"));

    try (Stream<Snapshot> all = snapshots.listAll(ListParams.builder().size(3).build())) {
      assertThat(server.getRequestCount()).as("nothing fetched before the stream is used").isZero();
      assertThat(all.limit(2).map(Snapshot::id)).containsExactly("b1", "b2");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(take().getRequestUrl().queryParameter("_offset")).isEqualTo("0");
  }

  @Test
  void listAllStopsOnAnEmptyPageEvenIfTotalSaysMore() throws Exception {
    enqueueJson(200, Samples.page(10, 0, 2, "c1", "c2"));
    enqueueJson(200, Samples.page(10, 2, 2));
    assertThat(snapshots.listAll(ListParams.builder().size(2).build()).count()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
