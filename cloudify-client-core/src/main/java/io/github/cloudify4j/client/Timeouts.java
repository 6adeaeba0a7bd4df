package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Network timeouts. Connect, read and write timeouts measure <em>inactivity</em>: a multi-gigabyte archive
 * transfer that keeps moving never hits them, one that stalls does. The optional call timeout bounds a whole call
 * (including retries and failover) and is off by default, because an archive transfer may legitimately take hours.
 */
public final class Timeouts {
  private static final Timeouts DEFAULTS =
      new Timeouts(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(5), null);

  private final Duration connect;
  private final Duration read;
  private final Duration write;
  private final Duration call;

  private Timeouts(Duration connect, Duration read, Duration write, Duration call) {
    this.connect = connect;
    this.read = read;
    this.write = write;
    this.call = call;
  }

  /** Connect 10 s, read 5 min, write 5 min (nginx's own proxy timeout is 330 s), no call timeout. */
  public static Timeouts defaults() {
    return DEFAULTS;
  }

  /** Connect and read timeouts, the rest default. */
  public static Timeouts of(Duration connect, Duration read) {
    return DEFAULTS.toBuilder().connect(connect).read(read).build();
  }

  public Duration connect() {
    return connect;
  }

  public Duration read() {
    return read;
  }

  public Duration write() {
    return write;
  }

  /** The whole-call timeout, if any. */
  public Optional<Duration> call() {
    return Optional.ofNullable(call);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** Builds {@link Timeouts}; every duration must be positive. */
  public static final class Builder {
    private Duration connect;
    private Duration read;
    private Duration write;
    private Duration call;

    private Builder(Timeouts from) {
      this.connect = from.connect;
      this.read = from.read;
      this.write = from.write;
      this.call = from.call;
    }

    public Builder connect(Duration connect) {
      this.connect = positive(connect, "connect");
      return this;
    }

    public Builder read(Duration read) {
      this.read = positive(read, "read");
      return this;
    }

    public Builder write(Duration write) {
      this.write = positive(write, "write");
      return this;
    }

    /** Bounds the whole call, retries included. */
    public Builder call(Duration call) {
      this.call = positive(call, "call");
      return this;
    }

    /** No whole-call timeout (the default). */
    public Builder noCallTimeout() {
      this.call = null;
      return this;
    }

    public Timeouts build() {
      return new Timeouts(connect, read, write, call);
    }
  }

  static Duration positive(Duration value, String name) {
    requireNonNull(value, name + " == null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Timeouts)) {
      return false;
    }
    Timeouts t = (Timeouts) o;
    return connect.equals(t.connect) && read.equals(t.read) && write.equals(t.write) && Objects.equals(call, t.call);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connect, read, write, call);
  }

  @Override
  public String toString() {
    return "Timeouts{connect=" + connect + ", read=" + read + ", write=" + write
        + ", call=" + (call == null ? "none" : call) + "}";
  }
}
