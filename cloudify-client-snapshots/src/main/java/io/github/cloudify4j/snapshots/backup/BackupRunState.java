package io.github.cloudify4j.snapshots.backup;

import static java.util.Objects.requireNonNull;
import io.github.cloudify4j.client.spi.Secrets;
import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.ListParams;
import io.github.cloudify4j.client.errors.CloudifyException;
import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyServiceException;
import io.github.cloudify4j.client.errors.ConflictException;
import io.github.cloudify4j.client.errors.NotFoundException;
import io.github.cloudify4j.client.errors.SnapshotActionException;
import io.github.cloudify4j.client.errors.WaitFailedException;
import io.github.cloudify4j.client.errors.WaitTimeoutException;
import io.github.cloudify4j.client.model.Execution;
import io.github.cloudify4j.client.poll.PollOptions;
import io.github.cloudify4j.snapshots.DownloadOptions;
import io.github.cloudify4j.snapshots.DownloadResult;
import io.github.cloudify4j.snapshots.Snapshot;
import io.github.cloudify4j.snapshots.SnapshotCreateOptions;
import io.github.cloudify4j.snapshots.SnapshotStatus;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.snapshots.workflow.internal.StepRunner;
import io.github.cloudify4j.snapshots.archive.ArchiveInfo;
import io.github.cloudify4j.snapshots.archive.InvalidSnapshotArchiveException;
import io.github.cloudify4j.snapshots.archive.SnapshotArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings one backup run works with, and the helpers its steps share. The steps are split by job over the
 * classes that extend it: {@link BackupSnapshotSteps} (CHECK, CREATE, WAIT), {@link BackupArchiveSteps} (DOWNLOAD,
 * VERIFY), {@link BackupRetention} (PRUNE_MANAGER, PRUNE_LOCAL) and {@link BackupRun} (the runner and the report).
 */
abstract class BackupRunState {
  static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);
  static final String ZIP = BackupJob.ZIP;
  static final String SHA256 = BackupJob.SHA256;
  static final String STAGING = BackupJob.STAGING;

  final AtomicBoolean cancelled;
  final CloudifyClient client;
  final Snapshots snapshots;
  final Clock clock;
  final Path directory;
  final String prefix;
  final Slots slots;
  final SnapshotCreateOptions createOptions;
  final int keepOnManager;
  final int keepLocally;
  final double sizeWarningFactor;
  final Duration createTimeout;
  final int downloadAttempts;
  final BackupListener listener;
  final boolean allowUnsafeCluster;
  final Pattern ownId;
  final Pattern ownArchive;

  BackupRunState(BackupJob job, AtomicBoolean cancelled) {
    this.cancelled = cancelled;
    client = job.client;
    allowUnsafeCluster = job.allowUnsafeCluster;
    snapshots = job.snapshots;
    clock = job.clock;
    directory = job.directory;
    prefix = job.prefix;
    slots = job.slots;
    createOptions = job.createOptions;
    keepOnManager = job.keepOnManager;
    keepLocally = job.keepLocally;
    sizeWarningFactor = job.sizeWarningFactor;
    createTimeout = job.createTimeout;
    downloadAttempts = job.downloadAttempts;
    listener = job.listener;
    ownId = job.ownId;
    ownArchive = job.ownArchive;
  }

  static String errorText(Snapshot s) {
    return s.error().isEmpty() ? "no error text" : firstLine(Secrets.mask(s.error()));
  }

  static String firstLine(String text) {
    String t = text.trim();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl) + " …";
  }

  static String sha256Of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    StringBuilder sb = new StringBuilder(64);
    for (byte b : digest.digest()) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

}
