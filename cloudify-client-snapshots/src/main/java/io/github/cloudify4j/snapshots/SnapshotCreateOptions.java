package io.github.cloudify4j.snapshots;

import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code PUT /snapshots/{id}}. Every key is always sent, with explicit values, as the official client
 * does: the server's defaults differ between versions ({@code legacy} was true on 7.0.0, false from 7.0.1), and
 * older servers ignore keys they do not know.
 *
 * <p>An immutable value: {@link #toBuilder()} copies it to change one option; {@link #equals(Object)} compares
 * every option.
 */
public final class SnapshotCreateOptions {
  private static final SnapshotCreateOptions DEFAULTS = builder().build();

  private final boolean includeCredentials;
  private final boolean includeLogs;
  private final boolean includeEvents;
  private final boolean queue;
  private final String tempdirPath;
  private final boolean legacy;
  private final Duration listenerTimeout;

  private SnapshotCreateOptions(Builder b) {
    includeCredentials = b.includeCredentials;
    includeLogs = b.includeLogs;
    includeEvents = b.includeEvents;
    queue = b.queue;
    tempdirPath = b.tempdirPath;
    legacy = b.legacy;
    listenerTimeout = b.listenerTimeout;
  }

  /**
   * Credentials, logs and events included; not queued; the 7.x JSON format ({@code legacy=false}).
   *
   * @return the shared default options
   */
  public static SnapshotCreateOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder that starts from {@link #defaults()}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with every option of this one} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.includeCredentials = includeCredentials;
    b.includeLogs = includeLogs;
    b.includeEvents = includeEvents;
    b.queue = queue;
    b.tempdirPath = tempdirPath;
    b.legacy = legacy;
    b.listenerTimeout = listenerTimeout;
    return b;
  }

  /** {@return whether the archive holds the tenants' credentials and secrets ({@code include_credentials})} */
  public boolean includeCredentials() {
    return includeCredentials;
  }

  /** {@return whether the archive holds the manager's logs ({@code include_logs})} */
  public boolean includeLogs() {
    return includeLogs;
  }

  /** {@return whether the archive holds events ({@code include_events})} */
  public boolean includeEvents() {
    return includeEvents;
  }

  /** {@return whether the workflow is queued when other executions block it ({@code queue})} */
  public boolean queue() {
    return queue;
  }

  /** {@return where the manager stages a legacy archive ({@code tempdir_path}); empty for the server's choice} */
  public Optional<String> tempdirPath() {
    return Optional.ofNullable(tempdirPath);
  }

  /** {@return whether the old pg_dump-based format is asked for ({@code legacy})} */
  public boolean legacy() {
    return legacy;
  }

  /** {@return how long the create workflow listens for changes ({@code listener_timeout}); empty: the server's} */
  public Optional<Duration> listenerTimeout() {
    return Optional.ofNullable(listenerTimeout);
  }

  /** The JSON body, every key present. */
  Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("include_credentials", includeCredentials);
    body.put("include_logs", includeLogs);
    body.put("include_events", includeEvents);
    body.put("queue", queue);
    body.put("tempdir_path", tempdirPath);
    body.put("legacy", legacy);
    body.put("listener_timeout", listenerTimeout == null ? null : listenerTimeout.toMillis() / 1000.0);
    return body;
  }

  /** Builds {@link SnapshotCreateOptions}. */
  public static final class Builder {
    private boolean includeCredentials = true;
    private boolean includeLogs = true;
    private boolean includeEvents = true;
    private boolean queue;
    private String tempdirPath;
    private boolean legacy;
    private Duration listenerTimeout;

    private Builder() {}

    /**
     * Legacy format only: put the agents' credentials in the archive (server default true).
     *
     * @param includeCredentials false to leave them out; default true
     * @return this builder
     */
    public Builder includeCredentials(boolean includeCredentials) {
      this.includeCredentials = includeCredentials;
      return this;
    }

    /**
     * Logs dominate an archive's size; leave them out to keep daily snapshots small.
     *
     * @param includeLogs false to leave the logs out; default true
     * @return this builder
     */
    public Builder includeLogs(boolean includeLogs) {
      this.includeLogs = includeLogs;
      return this;
    }

    /**
     * Events (the workflows' history) can be large too; leave them out to keep an archive small.
     *
     * @param includeEvents false to leave the events out; default true
     * @return this builder
     */
    public Builder includeEvents(boolean includeEvents) {
      this.includeEvents = includeEvents;
      return this;
    }

    /**
     * Queue the workflow instead of failing when other executions block it.
     *
     * @param queue true to queue; default false (the server refuses while other executions run)
     * @return this builder
     */
    public Builder queue(boolean queue) {
      this.queue = queue;
      return this;
    }

    /**
     * 6.4+, legacy format: where the manager stages the archive (it must be writable by the REST service).
     *
     * @param tempdirPath an absolute path on the manager; default: the manager's own choice
     * @return this builder
     * @throws IllegalArgumentException when it is blank, holds a control character or is not absolute
     */
    public Builder tempdirPath(String tempdirPath) {
      String p = Arguments.requireText(tempdirPath, "tempdirPath");
      if (!p.startsWith("/")) {
        throw new IllegalArgumentException("tempdirPath must be an absolute path on the manager: " + p);
      }
      this.tempdirPath = p;
      return this;
    }

    /**
     * 7.0+: the old pg_dump-based format instead of the 7.x JSON dump.
     *
     * @param legacy true for the old format; default false
     * @return this builder
     */
    public Builder legacy(boolean legacy) {
      this.legacy = legacy;
      return this;
    }

    /**
     * 7.0.4+, JSON format: how long the create workflow listens for concurrent changes (server default 10 s).
     *
     * @param listenerTimeout a positive duration, sent in whole seconds; default: not sent (the server's 10 s)
     * @return this builder
     * @throws IllegalArgumentException when it is null, zero or negative
     */
    public Builder listenerTimeout(Duration listenerTimeout) {
      this.listenerTimeout = Arguments.requirePositive(listenerTimeout, "listenerTimeout");
      return this;
    }

    /** {@return the options; refuses {@code listenerTimeout} with {@code legacy(true)}} */
    public SnapshotCreateOptions build() {
      if (legacy && listenerTimeout != null) {
        throw new IllegalArgumentException("listenerTimeout applies to the JSON format only, not with legacy(true)");
      }
      return new SnapshotCreateOptions(this);
    }
  }

  /** Equal when every option is equal. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SnapshotCreateOptions)) {
      return false;
    }
    SnapshotCreateOptions other = (SnapshotCreateOptions) o;
    return includeCredentials == other.includeCredentials && includeLogs == other.includeLogs
        && includeEvents == other.includeEvents && queue == other.queue
        && Objects.equals(tempdirPath, other.tempdirPath) && legacy == other.legacy
        && Objects.equals(listenerTimeout, other.listenerTimeout);
  }

  /** A hash of every option, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(includeCredentials, includeLogs, includeEvents, queue, tempdirPath, legacy, listenerTimeout);
  }

  /** The options as they are sent (the body holds no secret). */
  @Override
  public String toString() {
    return "SnapshotCreateOptions" + toBody();
  }
}
