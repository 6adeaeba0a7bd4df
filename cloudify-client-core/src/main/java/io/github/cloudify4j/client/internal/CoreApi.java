package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.model.ClusterStatus;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerNode;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.model.ServerVersion;
import java.util.Map;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/** The manager-level endpoints, as Retrofit sees them. Paths are relative to {@code <manager>/api/v3.1/}. */
@InternalApi
public interface CoreApi {
  // GET maintenance and GET executions/{id} go through ClientContext.get: the reads a waiter repeats, built
  // without Retrofit.

  /** Sends no body, like the official client; the server reads none. */
  @POST("maintenance/{action}")
  Response<MaintenanceStatus> maintenanceAction(@Path("action") String action, @Tag RequestOptions options);

  @GET
  Page<Execution> executions(@Url String relativeUrl, @Tag RequestOptions options);

  @POST("executions/{id}")
  Execution executionAction(@Path("id") String id, @Body Map<String, Object> body, @Tag RequestOptions options);

  /** The unversioned {@code /api/version}, as the official client reads it. */
  @GET("../version")
  ServerVersion version(@Tag RequestOptions options);

  @GET("status")
  ManagerStatus status(@Query("summary") Boolean summary, @Tag RequestOptions options);

  @GET("cluster-status")
  ClusterStatus clusterStatus(@Query("summary") Boolean summary, @Tag RequestOptions options);

  @GET("managers")
  Page<ManagerNode> managers(@Query("hostname") String hostname, @Tag RequestOptions options);
}
