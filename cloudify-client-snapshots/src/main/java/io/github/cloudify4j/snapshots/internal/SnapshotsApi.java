package io.github.cloudify4j.snapshots.internal;

import io.github.cloudify4j.client.InternalApi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.spi.CallOptions;
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
 * The snapshot endpoints, each declared once. Paths are relative to {@code <manager>/api/v3.1/}. Every {@code id}
 * is passed already percent-encoded ({@code Arguments.encodePathSegment}): Retrofit's own encoding leaves
 * sub-delimiters such as {@code ;} {@code +} {@code =} raw, and every call about one snapshot must send the same
 * bytes. Every method takes the {@link CallOptions} in force for the call as its tag.
 */
@InternalApi
public interface SnapshotsApi {
  /** A page of {@code GET /snapshots}; the relative URL carries the list parameters ({@code RelativeUrl.list}). */
  @GET
  Page<Snapshot> list(@Url String relativeUrl, @Tag CallOptions options);

  /** Works in maintenance mode: what a creation wait polls. */
  @GET("snapshots/{id}")
  Snapshot get(@Path(value = "id", encoded = true) String id, @Tag CallOptions options);

  /** 201 with the {@code create_snapshot} Execution. */
  @PUT("snapshots/{id}")
  Execution create(@Path(value = "id", encoded = true) String id, @Body Map<String, Object> body,
      @Tag CallOptions options);

  /** 200 with the deleted snapshot, or 204. */
  @DELETE("snapshots/{id}")
  Response<ResponseBody> delete(@Path(value = "id", encoded = true) String id, @Tag CallOptions options);

  /** Answers a Snapshot, or (7.0.4+, existing id) an object whose fields are all null: read as a tree. */
  @PUT("snapshots/{id}/archive")
  JsonNode upload(@Path(value = "id", encoded = true) String id, @Body RequestBody archive,
      @Tag CallOptions options);

  /** The manager fetches the URL itself; the body must be empty (Content-Length 0, not chunked). */
  @PUT("snapshots/{id}/archive")
  JsonNode uploadFromUrl(@Path(value = "id", encoded = true) String id, @Query("snapshot_archive_url") String url,
      @Body RequestBody empty, @Tag CallOptions options);

  /** The archive, handed over open; {@code range} ({@code bytes=N-}) resumes a broken download, null reads all. */
  @Streaming
  @GET("snapshots/{id}/archive")
  Response<ResponseBody> download(@Path(value = "id", encoded = true) String id, @Header("Range") String range,
      @Tag CallOptions options);

  /**
   * Answers the {@code restore_snapshot} execution squeezed into the Snapshot field list (id, status, created_at,
   * error, created_by, …): read as an Execution, whose fields those are.
   */
  @POST("snapshots/{id}/restore")
  Execution restore(@Path(value = "id", encoded = true) String id, @Body Map<String, Object> body,
      @Tag CallOptions options);

  /** Needs no credentials: read without them (the caller's options say so). */
  @GET("snapshot-status")
  JsonNode restoreStatus(@Tag CallOptions options);
}
