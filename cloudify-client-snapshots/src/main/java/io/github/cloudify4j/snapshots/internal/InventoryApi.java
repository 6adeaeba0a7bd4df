package io.github.cloudify4j.snapshots.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.model.Page;
import retrofit2.http.GET;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/** Generic reads of list endpoints (counts per kind, events), for restore verification. */
public interface InventoryApi {
  @GET
  Page<JsonNode> list(@Url String relativeUrl, @Tag RequestOptions options);
}
