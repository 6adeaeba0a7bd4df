package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's network timeouts. Connect, read and write timeouts measure <em>inactivity</em>: a multi-gigabyte
 * archive transfer that keeps moving never hits them, one that stalls does. The optional call timeout bounds a
 * whole call (including retries, failover and reading the answer) and is off by default, because an archive
 * transfer may legitimately take hours.
 *
 * <p>One name, one meaning: {@link #call()}, {@link #read()} and {@link #write()} are the client-wide values of
 * what {@link RequestOptions#callTimeout()}, {@link RequestOptions#readTimeout()} and
 * {@link RequestOptions#writeTimeout()} set for one call. None of them bounds a wait for a workflow (that is
 * {@code PollOptions.maxWait}): a wait is many calls.
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

  /**
   * Connect 10 s, read 5 min, write 5 min (nginx's own proxy timeout is 330 s), no call timeout.
   *
   * @return the defaults, one shared instance
   */
  public static Timeouts defaults() {
    return DEFAULTS;
  }

  /**
   * Connect and read timeouts, the rest default: the two a slow network or a slow manager makes one change.
   *
   * @param connect a positive duration
   * @param read a positive duration
   * @return the timeouts, write and call at their defaults
   * @throws IllegalArgumentException if either is not positive
   */
  public static Timeouts of(Duration connect, Duration read) {
    return DEFAULTS.toBuilder().connect(connect).read(read).build();
  }

  /**
   * How long opening a connection (TCP and TLS) may take. Short by default: an unreachable cluster node should
   * make the client move to the next one quickly.
   *
   * @return the connect timeout
   */
  public Duration connect() {
    return connect;
  }

  /** {@return how long a socket read may wait for data (inactivity). Per call: {@link RequestOptions#readTimeout()}} */
  public Duration read() {
    return read;
  }

  /** {@return how long a socket write may stall (inactivity). Per call: {@link RequestOptions#writeTimeout()}} */
  public Duration write() {
    return write;
  }

  /**
   * The call timeout of every call, if any: how long one call may take from start to end, retries, failover and
   * reading the answer included. Per call: {@link RequestOptions#callTimeout()}, which overrides it.
   *
   * @return the whole-call timeout, or empty for none
   */
  public Optional<Duration> call() {
    return Optional.ofNullable(call);
  }

  /** {@return a builder holding these timeouts, to change one of them} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return a builder starting from {@link #defaults()}} */
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

    /**
     * See {@link Timeouts#connect()}.
     *
     * @param connect a positive duration
     * @return the connect timeout
     * @throws IllegalArgumentException if not positive
     */
    public Builder connect(Duration connect) {
      this.connect = positive(connect, "connect");
      return this;
    }

    /**
     * See {@link Timeouts#read()}.
     *
     * @param read a positive duration
     * @return the read timeout
     * @throws IllegalArgumentException if not positive
     */
    public Builder read(Duration read) {
      this.read = positive(read, "read");
      return this;
    }

    /**
     * See {@link Timeouts#write()}.
     *
     * @param write a positive duration
     * @return the write timeout
     * @throws IllegalArgumentException if not positive
     */
    public Builder write(Duration write) {
      this.write = positive(write, "write");
      return this;
    }

    /**
     * Bounds every call, retries, failover and reading the answer included (see {@link Timeouts#call()}). Leave
     * it off for a client that transfers archives, or set a per-call {@link RequestOptions#callTimeout()} instead.
     *
     * @param call a positive duration
     * @return the whole-call timeout, or empty for none
     * @throws IllegalArgumentException if not positive
     */
    public Builder call(Duration call) {
      this.call = positive(call, "call");
      return this;
    }

    /**
     * No whole-call timeout (the default).
     *
     * @return this builder
     */
    public Builder noCallTimeout() {
      this.call = null;
      return this;
    }

    /** {@return the timeouts} */
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
