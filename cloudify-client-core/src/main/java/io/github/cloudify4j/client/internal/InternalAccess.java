package io.github.cloudify4j.client.internal;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.client.manager.Manager;
import io.github.cloudify4j.client.model.ServerVersion;
import io.github.cloudify4j.client.spi.ClientContext;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reaches package-private parts of public classes from other packages of this module, without making them public
 * (the JDK's "shared secrets" pattern): the owning class registers an accessor in its static initializer, once.
 *
 * <p>Why: {@code CloudifyClient.context()} and a public {@code Manager} constructor would have made the SPI and
 * the internal {@code CoreApi} part of the API. With this, {@link ClientContext#of(CloudifyClient)} (exported to
 * the snapshots module only) is the one way to a client's context.
 */
@InternalApi
public final class InternalAccess {
  private static volatile Function<CloudifyClient, ClientContext> contexts;
  private static volatile BiFunction<CoreApi, AtomicReference<ServerVersion>, Manager> managers;

  private InternalAccess() {}

  /** Called once, by {@code CloudifyClient}'s static initializer. */
  public static synchronized void contexts(Function<CloudifyClient, ClientContext> accessor) {
    if (contexts != null) {
      throw new IllegalStateException("already set");
    }
    contexts = requireNonNull(accessor, "accessor == null");
  }

  /** Called once, by {@code Manager}'s static initializer. */
  public static synchronized void managers(BiFunction<CoreApi, AtomicReference<ServerVersion>, Manager> factory) {
    if (managers != null) {
      throw new IllegalStateException("already set");
    }
    managers = requireNonNull(factory, "factory == null");
  }

  /** The context of a client (whose class is initialized, since an instance exists). */
  public static ClientContext context(CloudifyClient client) {
    requireNonNull(client, "client == null");
    return contexts.apply(client);
  }

  public static Manager newManager(CoreApi api, AtomicReference<ServerVersion> cachedVersion) {
    if (managers == null) {
      initialize(Manager.class);
    }
    return managers.apply(api, cachedVersion);
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
