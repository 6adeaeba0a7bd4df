package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.spi.CallOptions;
import retrofit2.http.GET;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/** Generic reads of list endpoints (counts per kind, events) and of the cluster status, for restores. */
@InternalApi
public interface InventoryApi {
  /** A page of any list endpoint, its items read as trees. */
  @GET
  Page<JsonNode> list(@Url String relativeUrl, @Tag CallOptions options);

  /** Any single resource, read as a tree. */
  @GET
  JsonNode get(@Url String relativeUrl, @Tag CallOptions options);
}
