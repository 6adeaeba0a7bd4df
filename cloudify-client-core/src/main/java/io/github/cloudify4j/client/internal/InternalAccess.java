package io.github.cloudify4j.client.internal;

import static java.util.Objects.requireNonNull;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.client.executions.Executions;
import io.github.cloudify4j.client.maintenance.MaintenanceMode;
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
 * the internal {@code CoreApi} part of the API (likewise the {@code Executions} and {@code MaintenanceMode}
 * constructors, which took the SPI's {@code ClientContext}). With this, {@link ClientContext#of(CloudifyClient)} (exported to
 * the snapshots module only) is the one way to a client's context.
 */
@InternalApi
public final class InternalAccess {
  private static volatile Function<CloudifyClient, ClientContext> contexts;
  private static volatile BiFunction<ClientContext, AtomicReference<ServerVersion>, Manager> managers;
  private static volatile Function<ClientContext, Executions> executions;
  private static volatile Function<ClientContext, MaintenanceMode> maintenance;

  private InternalAccess() {}

  /** Called once, by {@code CloudifyClient}'s static initializer. */
  public static synchronized void contexts(Function<CloudifyClient, ClientContext> accessor) {
    if (contexts != null) {
      throw new IllegalStateException("already set");
    }
    contexts = requireNonNull(accessor, "accessor == null");
  }

  /** Called once, by {@code Manager}'s static initializer. */
  public static synchronized void managers(BiFunction<ClientContext, AtomicReference<ServerVersion>, Manager> factory) {
    if (managers != null) {
      throw new IllegalStateException("already set");
    }
    managers = requireNonNull(factory, "factory == null");
  }

  /** Called once, by {@code Executions}' static initializer. */
  public static synchronized void executions(Function<ClientContext, Executions> factory) {
    if (executions != null) {
      throw new IllegalStateException("already set");
    }
    executions = requireNonNull(factory, "factory == null");
  }

  /** Called once, by {@code MaintenanceMode}'s static initializer. */
  public static synchronized void maintenance(Function<ClientContext, MaintenanceMode> factory) {
    if (maintenance != null) {
      throw new IllegalStateException("already set");
    }
    maintenance = requireNonNull(factory, "factory == null");
  }

  /** The {@code Executions} resource of a client view. */
  public static Executions newExecutions(ClientContext context) {
    if (executions == null) {
      initialize(Executions.class);
    }
    return executions.apply(context);
  }

  /** The {@code MaintenanceMode} resource of a client view. */
  public static MaintenanceMode newMaintenanceMode(ClientContext context) {
    if (maintenance == null) {
      initialize(MaintenanceMode.class);
    }
    return maintenance.apply(context);
  }

  /** The context of a client (whose class is initialized, since an instance exists). */
  public static ClientContext context(CloudifyClient client) {
    requireNonNull(client, "client == null");
    return contexts.apply(client);
  }

  /** The {@code Manager} resource of a client view, sharing the version cache of every view of the client. */
  public static Manager newManager(ClientContext context, AtomicReference<ServerVersion> cachedVersion) {
    if (managers == null) {
      initialize(Manager.class);
    }
    return managers.apply(context, cachedVersion);
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
