package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.snapshots.RestoreStart;
import io.github.cloudify4j.snapshots.Snapshot;
import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Streaming;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * The snapshot endpoints. Paths are relative to {@code <manager>/api/v3.1/}. Every {@code id} is passed already
 * percent-encoded ({@code Arguments.encodePathSegment}): Retrofit's own encoding leaves sub-delimiters raw, and a
 * read ({@code ClientContext.get}) must send the same bytes as these calls.
 */
@InternalApi
public interface SnapshotsApi {
  @GET
  Page<Snapshot> list(@Url String relativeUrl, @Tag RequestOptions options);

  // GET snapshots/{id} and GET snapshot-status go through ClientContext.get: the reads a waiter repeats, built
  // without Retrofit.

  /** 201 with the {@code create_snapshot} Execution. */
  @PUT("snapshots/{id}")
  Execution create(@Path(value = "id", encoded = true) String id, @Body Map<String, Object> body, @Tag RequestOptions options);

  /** 200 with the deleted snapshot, or 204. */
  @DELETE("snapshots/{id}")
  Response<ResponseBody> delete(@Path(value = "id", encoded = true) String id, @Tag RequestOptions options);

  /** Answers a Snapshot, or (7.0.4+, existing id) an object whose fields are all null: read as a tree. */
  @PUT("snapshots/{id}/archive")
  JsonNode upload(@Path(value = "id", encoded = true) String id, @Body RequestBody archive, @Tag RequestOptions options);

  /** The manager fetches the URL itself; the body must be empty (Content-Length 0, not chunked). */
  @PUT("snapshots/{id}/archive")
  JsonNode uploadFromUrl(@Path(value = "id", encoded = true) String id, @Query("snapshot_archive_url") String url,
      @Body RequestBody empty, @Tag RequestOptions options);

  @Streaming
  @GET("snapshots/{id}/archive")
  Response<ResponseBody> download(@Path(value = "id", encoded = true) String id, @Header("Range") String range,
      @Tag RequestOptions options);

  @POST("snapshots/{id}/restore")
  RestoreStart restore(@Path(value = "id", encoded = true) String id, @Body Map<String, Object> body, @Tag RequestOptions options);
}
