package io.github.cloudify4j.snapshots;

import io.github.cloudify4j.client.spi.Arguments;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code PUT /snapshots/{id}}. Every key is always sent, with explicit values, as the official client
 * does: the server's defaults differ between versions ({@code legacy} was true on 7.0.0, false from 7.0.1), and
 * older servers ignore keys they do not know.
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

  /** Credentials, logs and events included; not queued; the 7.x JSON format ({@code legacy=false}). */
  public static SnapshotCreateOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

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

  public boolean includeCredentials() {
    return includeCredentials;
  }

  public boolean includeLogs() {
    return includeLogs;
  }

  public boolean includeEvents() {
    return includeEvents;
  }

  public boolean queue() {
    return queue;
  }

  public Optional<String> tempdirPath() {
    return Optional.ofNullable(tempdirPath);
  }

  public boolean legacy() {
    return legacy;
  }

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

    /** Legacy format only: put the agents' credentials in the archive (server default true). */
    public Builder includeCredentials(boolean includeCredentials) {
      this.includeCredentials = includeCredentials;
      return this;
    }

    /** Logs dominate an archive's size; leave them out to keep daily snapshots small. */
    public Builder includeLogs(boolean includeLogs) {
      this.includeLogs = includeLogs;
      return this;
    }

    public Builder includeEvents(boolean includeEvents) {
      this.includeEvents = includeEvents;
      return this;
    }

    /** Queue the workflow instead of failing when other executions block it. */
    public Builder queue(boolean queue) {
      this.queue = queue;
      return this;
    }

    /** 6.4+, legacy format: where the manager stages the archive (it must be writable by the REST service). */
    public Builder tempdirPath(String tempdirPath) {
      String p = Arguments.requireText(tempdirPath, "tempdirPath");
      if (!p.startsWith("/")) {
        throw new IllegalArgumentException("tempdirPath must be an absolute path on the manager: " + p);
      }
      this.tempdirPath = p;
      return this;
    }

    /** 7.0+: the old pg_dump-based format instead of the 7.x JSON dump. */
    public Builder legacy(boolean legacy) {
      this.legacy = legacy;
      return this;
    }

    /** 7.0.4+, JSON format: how long the create workflow listens for concurrent changes (server default 10 s). */
    public Builder listenerTimeout(Duration listenerTimeout) {
      this.listenerTimeout = Arguments.requirePositive(listenerTimeout, "listenerTimeout");
      return this;
    }

    public SnapshotCreateOptions build() {
      if (legacy && listenerTimeout != null) {
        throw new IllegalArgumentException("listenerTimeout applies to the JSON format only, not with legacy(true)");
      }
      return new SnapshotCreateOptions(this);
    }
  }

  @Override
  public String toString() {
    return "SnapshotCreateOptions" + toBody();
  }
}
