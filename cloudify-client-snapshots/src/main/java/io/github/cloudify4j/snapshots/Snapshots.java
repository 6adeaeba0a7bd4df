package io.github.cloudify4j.snapshots;

import io.github.cloudify4j.snapshots.internal.SnapshotsObserver;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.RequestOptions;
import io.github.cloudify4j.client.errors.CloudifyInvalidResponseException;
import io.github.cloudify4j.client.errors.CloudifyLocalIoException;
import io.github.cloudify4j.client.errors.CloudifyTransportException;
import io.github.cloudify4j.client.errors.ServerUnavailableException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.model.Page;
import io.github.cloudify4j.client.poll.PollListener;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.client.spi.Arguments;
import io.github.cloudify4j.client.spi.AutoPager;
import io.github.cloudify4j.client.spi.CallOptions;
import io.github.cloudify4j.client.spi.ClientContext;
import io.github.cloudify4j.client.spi.RelativeUrl;
import io.github.cloudify4j.client.spi.Secrets;
import io.github.cloudify4j.snapshots.internal.ArchiveBodies;
import io.github.cloudify4j.snapshots.internal.ArchiveDownloader;
import io.github.cloudify4j.snapshots.internal.SnapshotsApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * Every snapshot operation of the manager. Snapshot operations are sys-admin only.
 *
 * <pre>{@code
 * Snapshots snapshots = Snapshots.of(client);
 * Execution create = snapshots.create("nightly-20261125");
 * snapshots.waitUntilCreated("nightly-20261125", PollOptions.timeout(Duration.ofHours(1)));
 * snapshots.download("nightly-20261125", Path.of("/backups/nightly-20261125.zip"));
 * }</pre>
 *
 * <p>Every method that sends a request has an overload taking {@link RequestOptions} last (for a wait, before the
 * listener, as in {@code Executions}): a call timeout, a pinned node, an extra header, for that call alone. The
 * same options as a client view's defaults, {@code Snapshots.of(client.withOptions(...))}, send the same
 * requests; a view is cheap, so either suits per-call use.
 *
 * <p>One convention for what starts a workflow: {@link #create} and {@link #restore} both return the workflow's
 * {@link Execution}, whose id is what {@code client.executions()} follows. Thread-safe.
 */
public final class Snapshots {
  /** The server's rule for new snapshot ids: a letter first, then URL-safe characters, at most 256. */
  private static final Pattern CREATE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._~-]{0,255}");
  private static final int PAGE_SIZE = 1000;
  private static final RequestOptions WITHOUT_CREDENTIALS = RequestOptions.builder().authenticate(false).build();
  /** The only workflow {@code POST /snapshots/{id}/restore} starts (the fact sheet, §2.9). */
  static final String RESTORE_WORKFLOW = "restore_snapshot";

  private final SnapshotsApi api;
  private final ClientContext context;
  private final ObjectMapper mapper;
  private final ArchiveDownloader downloader;

  private Snapshots(ClientContext context) {
    this.context = context;
    this.api = context.create(SnapshotsApi.class);
    this.mapper = context.objectMapper();
    this.downloader = new ArchiveDownloader(api, context);
  }

  /**
   * The snapshots of the manager (or cluster) this client talks to, with the client's default options (a view's,
   * for a view made by {@code withOptions} or {@code pinnedTo}).
   */
  public static Snapshots of(CloudifyClient client) {
    requireNonNull(client, "client == null");
    return new Snapshots(ClientContext.of(client));
  }

  /** One page of {@code GET /snapshots}: filters, sort, projection, search, paging, all tenants. */
  public Page<Snapshot> list(ListParams params) {
    return list(params, RequestOptions.none());
  }

  /** {@link #list(ListParams)} with per-call options. */
  public Page<Snapshot> list(ListParams params, RequestOptions options) {
    requireNonNull(params, "params == null");
    requireNonNull(options, "options == null");
    return api.list(RelativeUrl.list("snapshots", params, null, null), context.callOptions(options));
  }

  /** Every snapshot matching {@code params}, fetched page by page as the stream is consumed. */
  public Stream<Snapshot> listAll(ListParams params) {
    return listAll(params, RequestOptions.none());
  }

  /** {@link #listAll(ListParams)} with per-call options, applied to every page's request. */
  public Stream<Snapshot> listAll(ListParams params, RequestOptions options) {
    requireNonNull(params, "params == null");
    requireNonNull(options, "options == null");
    CallOptions call = context.callOptions(options);
    int size = params.size().filter(s -> s > 0).orElse(PAGE_SIZE);
    return AutoPager.<Snapshot>of((offset, pageSize) -> api.list(
        RelativeUrl.list("snapshots", params, pageSize, offset), call), size,
        params.offset().orElse(0L)).stream();
  }

  /** {@code GET /snapshots/{id}}; works in maintenance mode. */
  public Snapshot get(String snapshotId) {
    return get(snapshotId, RequestOptions.none());
  }

  /**
   * {@link #get(String)} with per-call options.
   *
   * @throws IllegalArgumentException if {@code snapshotId} is empty, {@code .} or {@code ..}, before anything is
   *     sent
   */
  public Snapshot get(String snapshotId, RequestOptions options) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(options, "options == null");
    return api.get(segment(snapshotId), context.callOptions(options));
  }

  /** The snapshot, or empty when the manager has none with this id (its 404). */
  public Optional<Snapshot> find(String snapshotId) {
    return find(snapshotId, RequestOptions.none());
  }

  /** {@link #find(String)} with per-call options. */
  public Optional<Snapshot> find(String snapshotId, RequestOptions options) {
    try {
      return Optional.of(get(snapshotId, options));
    } catch (io.github.cloudify4j.client.errors.NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code PUT /snapshots/{id}}: starts the {@code create_snapshot} workflow and returns its execution (201).
   * Follow it with {@link #waitUntilCreated}, which works in maintenance mode too.
   *
   * @throws IllegalArgumentException when the id breaks the server's rule (a letter first; letters, digits,
   *     {@code - . _ ~}; at most 256 characters), before anything is sent
   */
  public Execution create(String snapshotId) {
    return create(snapshotId, SnapshotCreateOptions.defaults());
  }

  /** {@link #create(String)} with what the snapshot includes ({@link SnapshotCreateOptions}). */
  public Execution create(String snapshotId, SnapshotCreateOptions options) {
    return create(snapshotId, options, RequestOptions.none());
  }

  /**
   * {@link #create(String, SnapshotCreateOptions)} with per-call options. A {@code PUT} that starts a workflow is
   * not repeated after a failure unless {@code requestOptions} (or the client) allow non-idempotent retries: a
   * second creation is refused or, worse, runs twice.
   */
  public Execution create(String snapshotId, SnapshotCreateOptions options, RequestOptions requestOptions) {
    requireCreateId(snapshotId);
    requireNonNull(options, "options == null");
    requireNonNull(requestOptions, "requestOptions == null");
    return api.create(segment(snapshotId), options.toBody(), context.callOptions(requestOptions));
  }

  /** {@code DELETE /snapshots/{id}}: the deleted snapshot when the server returns it (200), empty on 204. */
  public Optional<Snapshot> delete(String snapshotId) {
    return delete(snapshotId, RequestOptions.none());
  }

  /** {@link #delete(String)} with per-call options. */
  public Optional<Snapshot> delete(String snapshotId, RequestOptions options) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(options, "options == null");
    Response<ResponseBody> response = api.delete(segment(snapshotId), context.callOptions(options));
    try (ResponseBody body = response.body()) {
      if (response.code() == 204 || body == null) {
        return Optional.empty();
      }
      String text = body.string();
      if (text.trim().isEmpty() || text.trim().equals("null")) {
        return Optional.empty();
      }
      JsonNode node = mapper.readTree(text);
      return node.hasNonNull("id") ? Optional.of(mapper.treeToValue(node, Snapshot.class)) : Optional.empty();
    } catch (IOException e) {
      throw invalid("The deleted snapshot could not be read", response.code(), "DELETE", snapshotId, e);
    }
  }

  /**
   * Uploads an archive file, streamed with its length known. The body can be replayed, but a {@code PUT} is not a
   * safe call: it is retried only when the retry policy allows non-idempotent retries
   * ({@link io.github.cloudify4j.client.RetryPolicy.Builder#retryNonIdempotent(boolean)}).
   */
  public Snapshot upload(String snapshotId, Path archive) {
    return upload(snapshotId, archive, TransferListener.none());
  }

  /**
   * {@code PUT /snapshots/{id}/archive} from a file. On 6.x and 7.0.0–7.0.2 an existing id is a
   * {@link io.github.cloudify4j.client.errors.ConflictException}; 7.0.4+ overwrites the archive and answers with
   * an empty snapshot, after which the snapshot is read back.
   *
   * @throws CloudifyLocalIoException when {@code archive} is missing, not a regular file or unreadable, before
   *     anything is sent
   */
  public Snapshot upload(String snapshotId, Path archive, TransferListener listener) {
    return upload(snapshotId, archive, listener, RequestOptions.none());
  }

  /**
   * {@link #upload(String, Path, TransferListener)} with per-call options. A call timeout bounds the whole
   * transfer (and the read-back of an overwritten snapshot, a call of its own).
   */
  public Snapshot upload(String snapshotId, Path archive, TransferListener listener, RequestOptions options) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(archive, "archive == null");
    requireNonNull(listener, "listener == null");
    requireNonNull(options, "options == null");
    requireReadableFile(archive);
    long size;
    try {
      size = Files.size(archive);
    } catch (IOException e) {
      throw new CloudifyLocalIoException("cannot read the size of " + archive, archive, e);
    }
    RequestBody body = ArchiveBodies.fromPath(archive, size, listener);
    return observedUpload(snapshotId, size, body, options);
  }

  /** Uploads {@code length} bytes read from {@code in}. The stream cannot be replayed: never retried. */
  public Snapshot upload(String snapshotId, InputStream in, long length, TransferListener listener) {
    return upload(snapshotId, in, length, listener, RequestOptions.none());
  }

  /**
   * {@link #upload(String, InputStream, long, TransferListener)} with per-call options.
   *
   * @throws IllegalArgumentException if {@code length} is negative, before anything is sent
   */
  public Snapshot upload(String snapshotId, InputStream in, long length, TransferListener listener,
      RequestOptions options) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(in, "in == null");
    requireNonNull(listener, "listener == null");
    requireNonNull(options, "options == null");
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
    RequestBody body = ArchiveBodies.fromStream(in, length, listener);
    return observedUpload(snapshotId, length, body, options);
  }

  /** The upload as a {@code cloudify.archive.transfers} observation (when the client has a registry). */
  private Snapshot observedUpload(String snapshotId, long size, RequestBody body, RequestOptions options) {
    SnapshotsObserver.Span span = SnapshotsObserver.of(context).transfer("upload", snapshotId);
    return SnapshotsObserver.observe(span, () -> {
      JsonNode answer = api.upload(segment(snapshotId), body, context.callOptions(options));
      span.transferred(size, 1);
      return uploaded(snapshotId, answer, options);
    }, s -> "SUCCESS", e -> "FAILURE");
  }

  /**
   * The manager downloads the archive from {@code archiveUrl} itself ({@code ?snapshot_archive_url=}); nothing
   * is streamed from here.
   *
   * @throws IllegalArgumentException unless {@code archiveUrl} is an absolute http, https or ftp URL
   */
  public Snapshot uploadFromUrl(String snapshotId, URI archiveUrl) {
    return uploadFromUrl(snapshotId, archiveUrl, RequestOptions.none());
  }

  /**
   * {@link #uploadFromUrl(String, URI)} with per-call options; a read timeout here must cover the manager's own
   * download, which happens before it answers.
   */
  public Snapshot uploadFromUrl(String snapshotId, URI archiveUrl, RequestOptions options) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(archiveUrl, "archiveUrl == null");
    requireNonNull(options, "options == null");
    String scheme = archiveUrl.getScheme();
    if (!archiveUrl.isAbsolute() || scheme == null || archiveUrl.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp"))) {
      throw new IllegalArgumentException("archiveUrl must be an absolute http, https or ftp URL: " + archiveUrl);
    }
    return uploaded(snapshotId, api.uploadFromUrl(segment(snapshotId), archiveUrl.toASCIIString(),
        RequestBody.create(new byte[0], null), context.callOptions(options)), options);
  }

  private Snapshot uploaded(String snapshotId, JsonNode node, RequestOptions options) {
    if (node != null && node.hasNonNull("id")) {
      try {
        return mapper.treeToValue(node, Snapshot.class);
      } catch (JsonProcessingException e) {
        throw invalid("The uploaded snapshot could not be read", 201, "PUT", snapshotId, e);
      }
    }
    // 7.0.4+: an existing id was overwritten and the answer has every field null. Read what is there now.
    return get(snapshotId, options);
  }

  /** Downloads the archive to {@code target}: see {@link #download(String, Path, DownloadOptions)}. */
  public DownloadResult download(String snapshotId, Path target) {
    return download(snapshotId, target, DownloadOptions.defaults());
  }

  /**
   * {@code GET /snapshots/{id}/archive} into {@code target}, streamed in constant memory to a temporary file
   * beside it, checked against {@code Content-Length} when the server sends one (it may not), optionally checked
   * as a zip, then moved into place atomically. On any failure nothing is left at {@code target}.
   *
   * @throws CloudifyLocalIoException when {@code target} exists (unless {@code overwrite}:
   *     {@code FileAlreadyExistsException}), is a directory, or its directory does not exist — before anything is
   *     sent; or when writing or moving the file fails (nothing is left at {@code target} then)
   */
  public DownloadResult download(String snapshotId, Path target, DownloadOptions options) {
    return download(snapshotId, target, options, RequestOptions.none());
  }

  /**
   * {@link #download(String, Path, DownloadOptions)} with per-call options, sent with every request of the
   * download (a resumed download makes several). A call timeout bounds each of them, body included: set one only
   * if the archive can arrive within it.
   */
  public DownloadResult download(String snapshotId, Path target, DownloadOptions options,
      RequestOptions requestOptions) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(target, "target == null");
    requireNonNull(options, "options == null");
    requireNonNull(requestOptions, "requestOptions == null");
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new CloudifyLocalIoException("Cannot download to " + target, target,
          new NoSuchFileException(String.valueOf(dir), null, "target's directory does not exist"));
    }
    if (Files.isDirectory(target)) {
      throw new CloudifyLocalIoException("Cannot download to " + target, target,
          new FileSystemException(target.toString(), null, "target is a directory"));
    }
    if (Files.exists(target) && !options.overwrite()) {
      throw new CloudifyLocalIoException("Cannot download to " + target, target,
          new FileAlreadyExistsException(target.toString(), null, "target exists and overwrite is off"));
    }
    SnapshotsObserver.Span span = SnapshotsObserver.of(context).transfer("download", snapshotId);
    return SnapshotsObserver.observe(span, () -> {
      DownloadResult result = downloader.download(snapshotId, target, options, context.callOptions(requestOptions));
      span.transferred(result.bytes(), result.attempts());
      return result;
    }, r -> "SUCCESS", e -> "FAILURE");
  }

  /** The archive as a stream, for callers who send it elsewhere. Close it. */
  public ArchiveStream openArchive(String snapshotId) {
    return openArchive(snapshotId, RequestOptions.none());
  }

  /**
   * {@link #openArchive(String)} with per-call options. A call timeout keeps running while the stream is read:
   * it bounds the whole transfer, not just the answer's arrival.
   */
  public ArchiveStream openArchive(String snapshotId, RequestOptions options) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(options, "options == null");
    Response<ResponseBody> response = api.download(segment(snapshotId), null, context.callOptions(options));
    ResponseBody body = response.body();
    if (body == null) {
      throw invalid("The manager sent no archive", response.code(), "GET", snapshotId, null);
    }
    return new ArchiveStream(body.byteStream(), body.contentLength(), body);
  }

  /**
   * {@code POST /snapshots/{id}/restore}: starts the {@code restore_snapshot} workflow and returns its execution,
   * as {@link #create} does for {@code create_snapshot}. The server version is read once (cached) to send the
   * right body: 5.x managers need {@code recreate_deployments_envs}.
   *
   * <p>Why an {@link Execution} that looks thin: the manager answers with the execution marshalled through the
   * Snapshot field list (the fact sheet, §2.9), so only its id, status, creation time, error, creator, tenant and
   * visibility arrive. The client adds what the endpoint implies, {@code workflowId() == "restore_snapshot"} and
   * {@code isSystemWorkflow() == true}; parameters and timings stay empty. Read the whole record with
   * {@code client.executions().get(id, bypassMaintenance)}, since maintenance mode blocks {@code /executions}.
   *
   * <p>Restoring replaces the manager's data. Prefer {@code RestoreOrchestrator}, which runs the documented
   * procedure (maintenance mode, follow-up, verification) around this call.
   */
  public Execution restore(String snapshotId, RestoreOptions options) {
    return restore(snapshotId, options, RequestOptions.none());
  }

  /**
   * {@link #restore(String, RestoreOptions)} with per-call options (in a cluster, pin the node being restored).
   * Never repeated after a failure unless non-idempotent retries are allowed: a second restore is refused while
   * the first runs.
   */
  public Execution restore(String snapshotId, RestoreOptions options, RequestOptions requestOptions) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(options, "options == null");
    requireNonNull(requestOptions, "requestOptions == null");
    Map<String, Object> body = options.toBody(context.serverVersion().version());
    Execution started = api.restore(segment(snapshotId), body, context.callOptions(requestOptions));
    if (started.workflowId().isPresent()) {
      return started; // a manager that sends the whole execution
    }
    return started.toBuilder().workflowId(RESTORE_WORKFLOW)
        .isSystemWorkflow(started.isSystemWorkflow().orElse(true)).build();
  }

  /**
   * {@code GET /snapshot-status}, sent without credentials (the endpoint needs none, and during a restore the
   * credentials may be changing under us).
   */
  public RestoreStatus restoreStatus() {
    return restoreStatus(RequestOptions.none());
  }

  /**
   * {@link #restoreStatus()} with per-call options (in a cluster, pin the node being restored). Still sent
   * without credentials unless {@code options} say {@code authenticate(true)}.
   */
  public RestoreStatus restoreStatus(RequestOptions options) {
    requireNonNull(options, "options == null");
    JsonNode body = api.restoreStatus(context.callOptions(WITHOUT_CREDENTIALS.overriddenBy(options)));
    JsonNode status = body.get("status");
    if (status == null || !status.isTextual()) {
      throw new CloudifyInvalidResponseException("The snapshot-status answer has no text \"status\"", 200, "GET",
          context.currentManager() + "/api/v3.1/snapshot-status", null);
    }
    return RestoreStatus.parse(status.asText());
  }

  /**
   * Polls {@code GET /snapshots/{id}} until the snapshot is {@code created} (or {@code uploaded}). Works while
   * maintenance mode blocks {@code /executions}.
   *
   * @throws io.github.cloudify4j.client.errors.WaitFailedException when it becomes {@code failed}, with the
   *     server's error text
   */
  public Snapshot waitUntilCreated(String snapshotId, PollOptions options, PollListener<Snapshot> listener) {
    requireNonNull(options, "options == null");
    return waitUntilCreated(snapshotId, options, RequestOptions.none(), listener);
  }

  /**
   * {@link #waitUntilCreated(String, PollOptions, PollListener)} with per-call options for every poll (each poll
   * is one call: a call timeout bounds a poll, {@code pollOptions} the wait).
   */
  public Snapshot waitUntilCreated(String snapshotId, PollOptions pollOptions, RequestOptions options,
      PollListener<Snapshot> listener) {
    Arguments.requirePathSegment(snapshotId, "snapshotId");
    requireNonNull(pollOptions, "pollOptions == null");
    requireNonNull(options, "options == null");
    requireNonNull(listener, "listener == null");
    CallOptions call = context.callOptions(options);
    String segment = segment(snapshotId);
    return context.poller().until("snapshot " + snapshotId + " to be created", () -> api.get(segment, call))
        .succeedWhen(s -> s.status().isRestorable(), "created")
        .failWhen(s -> SnapshotStatus.FAILED.equals(s.status()),
            s -> "snapshot " + snapshotId + " failed: " + (s.error().isEmpty() ? "(no error text)" : Secrets.mask(s.error())))
        .retryOn(ServerUnavailableException.class, CloudifyTransportException.class)
        .options(pollOptions)
        .listener(listener)
        .await();
  }

  /** {@link #waitUntilCreated(String, PollOptions, PollListener)} without a listener. */
  public Snapshot waitUntilCreated(String snapshotId, PollOptions options) {
    return waitUntilCreated(snapshotId, options, PollListener.none());
  }

  /**
   * Polls {@code GET /snapshot-status} until it says not running, riding out connection failures and
   * 502/503/504 (a legacy restore stops the REST service). An unknown answer is not taken as "over".
   *
   * <p>A "not running" read taken before the restore has begun proves nothing; the restore orchestrator handles
   * that. This waiter alone suits a restore already seen running.
   */
  public RestoreStatus waitUntilRestoreFinished(PollOptions options, PollListener<RestoreStatus> listener) {
    requireNonNull(options, "options == null");
    return waitUntilRestoreFinished(options, RequestOptions.none(), listener);
  }

  /**
   * {@link #waitUntilRestoreFinished(PollOptions, PollListener)} with per-call options for every poll (in a
   * cluster, pin the node being restored; a short call timeout so one hung poll does not eat the wait).
   */
  public RestoreStatus waitUntilRestoreFinished(PollOptions pollOptions, RequestOptions options,
      PollListener<RestoreStatus> listener) {
    requireNonNull(pollOptions, "pollOptions == null");
    requireNonNull(options, "options == null");
    requireNonNull(listener, "listener == null");
    return context.poller().until("the snapshot restore to finish", () -> restoreStatus(options))
        .succeedWhen(RestoreStatus::isNotRunning, "not running")
        .retryOn(ServerUnavailableException.class, CloudifyTransportException.class,
            CloudifyInvalidResponseException.class)
        .options(pollOptions)
        .listener(listener)
        .await();
  }

  /** A file's state is the environment's, not the argument's: a local I/O error, found before anything is sent. */
  private static void requireReadableFile(Path archive) {
    IOException problem = !Files.exists(archive) ? new NoSuchFileException(archive.toString())
        : !Files.isRegularFile(archive) ? new FileSystemException(archive.toString(), null, "not a regular file")
        : !Files.isReadable(archive) ? new AccessDeniedException(archive.toString()) : null;
    if (problem != null) {
      throw new CloudifyLocalIoException("Cannot upload the archive " + archive, archive, problem);
    }
  }

  static String requireCreateId(String snapshotId) {
    Arguments.requireId(snapshotId, "snapshotId");
    if (!CREATE_ID.matcher(snapshotId).matches()) {
      throw new IllegalArgumentException("snapshotId must begin with an ASCII letter (the manager's rule): "
          + snapshotId);
    }
    return snapshotId;
  }

  /** The id as one percent-encoded path segment (see {@link Arguments#encodePathSegment}). */
  private static String segment(String snapshotId) {
    return Arguments.encodePathSegment(snapshotId);
  }

  private CloudifyInvalidResponseException invalid(String message, int code, String method, String snapshotId,
      Throwable cause) {
    return new CloudifyInvalidResponseException(message, code, method,
        context.currentManager() + "/api/v3.1/snapshots/" + segment(snapshotId), cause);
  }
}
