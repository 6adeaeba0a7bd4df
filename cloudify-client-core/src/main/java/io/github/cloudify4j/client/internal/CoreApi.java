package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;

import io.github.cloudify4j.client.model.ClusterStatus;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.MaintenanceStatus;
import io.github.cloudify4j.client.model.ManagerNode;
import io.github.cloudify4j.client.model.ManagerStatus;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.spi.CallOptions;
import java.util.Map;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * The manager-level endpoints, each declared once. Paths are relative to {@code <manager>/api/v3.1/}; every method
 * takes the {@link CallOptions} in force for the call as its tag.
 */
@InternalApi
public interface CoreApi {
  /** Also moves an {@code activating} manager with no execution left to {@code activated}. */
  @GET("maintenance")
  MaintenanceStatus maintenance(@Tag CallOptions options);

  /** Sends no body, like the official client; the server reads none. */
  @POST("maintenance/{action}")
  Response<MaintenanceStatus> maintenanceAction(@Path("action") String action, @Tag CallOptions options);

  /** {@code id} checked by {@code Arguments.requireId}: unreserved characters only, sent as they are. */
  @GET("executions/{id}")
  Execution execution(@Path("id") String id, @Tag CallOptions options);

  /** A page of {@code GET /executions}; the relative URL carries the list parameters ({@code RelativeUrl.list}). */
  @GET
  Page<Execution> executions(@Url String relativeUrl, @Tag CallOptions options);

  /** {@code {"action": "cancel" | "force-cancel" | "kill" | "resume" | "force-resume"}}. */
  @POST("executions/{id}")
  Execution executionAction(@Path("id") String id, @Body Map<String, Object> body, @Tag CallOptions options);

  /** The unversioned {@code /api/version}, as the official client reads it. */
  @GET("../version")
  ServerVersion version(@Tag CallOptions options);

  /** The services of the node that answers ({@code summary} null: the full answer). */
  @GET("status")
  ManagerStatus status(@Query("summary") Boolean summary, @Tag CallOptions options);

  /** The whole cluster; with {@code summary=true} the server answers 500 when the status is {@code Fail}. */
  @GET("cluster-status")
  ClusterStatus clusterStatus(@Query("summary") Boolean summary, @Tag CallOptions options);

  /** The manager nodes, or the one of {@code hostname} (null: all). */
  @GET("managers")
  Page<ManagerNode> managers(@Query("hostname") String hostname, @Tag CallOptions options);

  /** Premium: removes a manager node from the cluster; a community manager answers 404 missing_premium_package_error. */
  @DELETE("managers/{hostname}")
  ManagerNode removeManager(@Path("hostname") String hostname, @Tag CallOptions options);
}
