package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.client.observation.ClientObservationDocumentation;
import io.github.cloudify4j.client.observation.ClientRequestObservationContext;
import io.github.cloudify4j.client.observation.ClientRequestObservationConvention;
import io.github.cloudify4j.client.observation.DefaultClientRequestObservationConvention;
import io.github.cloudify4j.client.observation.RequestOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Method;
import okhttp3.HttpUrl;
import okhttp3.Request;
import retrofit2.Invocation;

/**
 * Makes each request a {@code cloudify.client.requests} observation. Only loaded when a client is given an
 * {@code ObservationRegistry}: the builder keeps the registry as an {@code Object} and calls {@link #create} only
 * then, so a class path without Micrometer never resolves a Micrometer type.
 */
@InternalApi
public final class MicrometerRequestObserver implements RequestObserver {
  private final ObservationRegistry registry;
  private final ClientRequestObservationConvention convention;
  private final ManagerNodes nodes;

  private MicrometerRequestObserver(ObservationRegistry registry, ClientRequestObservationConvention convention,
      ManagerNodes nodes) {
    this.registry = registry;
    this.convention = convention;
    this.nodes = nodes;
  }

  /**
   * The observer for a registry.
   *
   * @param registry an {@code ObservationRegistry}
   * @param convention a {@code ClientRequestObservationConvention}, or null for the default
   * @param nodes the client's nodes (the endpoint template of an {@code @Url} call is taken below their base)
   * @return the observer
   */
  public static RequestObserver create(Object registry, Object convention, ManagerNodes nodes) {
    return new MicrometerRequestObserver((ObservationRegistry) registry,
        (ClientRequestObservationConvention) convention, nodes);
  }

  @Override
  public Watch start(Request request) {
    ClientRequestObservationContext context = new ClientRequestObservationContext(request.method(),
        endpoint(request, nodes), Redaction.url(request.url()));
    Observation observation = ClientObservationDocumentation.CLIENT_REQUEST.observation(convention,
        DefaultClientRequestObservationConvention.INSTANCE, () -> context, registry).start();
    return new ObservationWatch(observation, context);
  }

  /**
   * The endpoint's template: the path of its Retrofit annotation ({@code snapshots/{id}/archive}); for an
   * {@code @Url} endpoint (lists, inventory), the first segment of the path below the API base, and
   * {@code /{id}} for anything after it.
   */
  static String endpoint(Request request, ManagerNodes nodes) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null) {
      String declared = declaredPath(invocation.method());
      if (declared != null && !declared.isEmpty()) {
        return declared.startsWith("/") ? declared : "/" + declared;
      }
    }
    HttpUrl url = request.url();
    String base = nodes.apiBase().encodedPath();
    String path = url.encodedPath();
    for (HttpUrl node : nodes.bases()) {
      String apiPath = node.resolve("api/v3.1/").encodedPath();
      if (path.startsWith(apiPath)) {
        base = apiPath;
        break;
      }
    }
    String below = path.startsWith(base) ? path.substring(base.length()) : path;
    int slash = below.indexOf('/');
    if (slash < 0) {
      return "/" + below;
    }
    String rest = below.substring(slash + 1);
    return "/" + below.substring(0, slash) + (rest.isEmpty() ? "" : "/{id}");
  }

  private static String declaredPath(Method method) {
    retrofit2.http.GET get = method.getAnnotation(retrofit2.http.GET.class);
    if (get != null) {
      return get.value();
    }
    retrofit2.http.PUT put = method.getAnnotation(retrofit2.http.PUT.class);
    if (put != null) {
      return put.value();
    }
    retrofit2.http.POST post = method.getAnnotation(retrofit2.http.POST.class);
    if (post != null) {
      return post.value();
    }
    retrofit2.http.PATCH patch = method.getAnnotation(retrofit2.http.PATCH.class);
    if (patch != null) {
      return patch.value();
    }
    retrofit2.http.DELETE delete = method.getAnnotation(retrofit2.http.DELETE.class);
    if (delete != null) {
      return delete.value();
    }
    retrofit2.http.HEAD head = method.getAnnotation(retrofit2.http.HEAD.class);
    if (head != null) {
      return head.value();
    }
    retrofit2.http.HTTP http = method.getAnnotation(retrofit2.http.HTTP.class);
    return http != null ? http.path() : null;
  }

  private static final class ObservationWatch implements Watch {
    private final Observation observation;
    private final ClientRequestObservationContext context;

    ObservationWatch(Observation observation, ClientRequestObservationContext context) {
      this.observation = observation;
      this.context = context;
    }

    @Override
    public void retry(String reason) {
      context.addRetry();
      observation.event(Observation.Event.of(ClientObservationDocumentation.Events.RETRY.getName(),
          Redaction.redactText(reason)));
    }

    @Override
    public void failover(String reason) {
      context.addFailover();
      observation.event(Observation.Event.of(ClientObservationDocumentation.Events.FAILOVER.getName(),
          Redaction.redactText(reason)));
    }

    @Override
    public void node(int index, String label) {
      context.setNode(index, label);
    }

    @Override
    public void status(int status) {
      context.setStatus(status);
    }

    @Override
    public void error(Throwable error) {
      if (context.status() < 0) {
        context.setOutcome(RequestOutcome.TRANSPORT_ERROR);
      }
      observation.error(error);
    }

    @Override
    public Scope openScope() {
      Observation.Scope scope = observation.openScope();
      return scope::close;
    }

    @Override
    public void stop() {
      observation.stop();
    }
  }
}
