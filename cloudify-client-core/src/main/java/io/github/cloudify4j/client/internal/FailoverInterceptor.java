package io.github.cloudify4j.client.internal;

import io.github.cloudify4j.client.RequestOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the request to a manager node of the cluster, starting with the one that answered last, and moves to
 * the next node when a node is unreachable or its proxy answers 502/503/504.
 *
 * <p>A request that never left (connection refused, unknown host, connect timeout) may go to another node
 * whatever its method. One that may have reached the server (read timeout, reset, 5xx) moves on only when it is
 * safe to repeat: a {@code GET}, or a policy that allows non-idempotent retries, and a replayable body.
 */
final class FailoverInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.cloudify4j.client.http");

  private final ClientConfig config;

  FailoverInterceptor(ClientConfig config) {
    this.config = config;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestOptions options = EffectiveOptions.of(request, config.defaults());
    ManagerNodes nodes = config.nodes();
    List<HttpUrl> order = options.node().isPresent()
        ? java.util.Collections.singletonList(nodes.baseOf(options.node().get()))
        : nodes.inPreferredOrder();
    boolean repeatable = (EffectiveOptions.isSafe(request)
        || EffectiveOptions.retryPolicy(options, config.retryPolicy()).retryNonIdempotent())
        && !EffectiveOptions.isOneShot(request);

    RequestObserver.Watch watch = RequestObserver.of(request);
    Map<String, String> failures = new LinkedHashMap<>();
    IOException last = null;
    for (int i = 0; i < order.size(); i++) {
      HttpUrl node = order.get(i);
      boolean lastNode = i == order.size() - 1;
      HttpUrl url = nodes.rewrite(request.url(), node);
      Request attempt = url == request.url() ? request : request.newBuilder().url(url).build();
      if (watch != RequestObserver.Watch.NOOP) {
        String label = Redaction.url(node);
        watch.node(nodes.indexOf(node), label.endsWith("/") ? label.substring(0, label.length() - 1) : label);
      }
      Response response;
      try {
        response = chain.proceed(attempt);
      } catch (IOException e) {
        if ((e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))
            || chain.call().isCanceled()) {
          throw e; // the call was cancelled or timed out as a whole: no other node will help
        }
        failures.put(nodes.label(node), describe(e));
        last = e;
        if (!lastNode && (neverSent(e) || repeatable)) {
          watch.failover(nodes.label(node) + ": " + describe(e));
          LOG.debug("{} {} failed on {} ({}); trying the next manager node", request.method(),
              Redaction.url(attempt.url()), nodes.label(node), describe(e));
          continue;
        }
        throw new AllNodesFailedException(failures, e);
      }
      int code = response.code();
      boolean gatewayError = (code == 502 || code == 503 || code == 504)
          && !ErrorMapper.isMaintenanceError(peek(response));
      if (!lastNode && repeatable && gatewayError) {
        failures.put(nodes.label(node), "HTTP " + code);
        watch.failover(nodes.label(node) + ": HTTP " + code);
        LOG.debug("{} {} answered {} on {}; trying the next manager node", request.method(),
            Redaction.url(attempt.url()), code, nodes.label(node));
        response.close();
        continue;
      }
      if (!gatewayError && !options.node().isPresent()) {
        // Only a node whose REST service answered is tried first next time; a pinned call (a cluster restore
        // talking to one node) does not move the rest of the client's traffic.
        nodes.prefer(node);
      }
      return response;
    }
    throw new AllNodesFailedException(failures, last);
  }

  static String peek(Response response) {
    try {
      return response.peekBody(16 * 1024).string();
    } catch (IOException e) {
      return "";
    }
  }

  static boolean neverSent(IOException e) {
    return e instanceof ConnectException || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException
        || (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("connect"));
  }

  static String describe(IOException e) {
    String type = e.getClass().getSimpleName();
    String message = e.getMessage();
    return message == null || message.isEmpty() ? type : type + ": " + message;
  }
}
