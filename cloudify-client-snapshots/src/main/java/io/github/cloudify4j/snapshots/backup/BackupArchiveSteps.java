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

/** DOWNLOAD and VERIFY: the archive streamed to a staging file, checked, given its .sha256 and moved into place. */
abstract class BackupArchiveSteps extends BackupSnapshotSteps {

  BackupArchiveSteps(BackupJob job, AtomicBoolean cancelled) {
    super(job, cancelled);
  }

  // ------------------------------------------------------------------ DOWNLOAD, VERIFY

  DownloadResult download(BackupReport.Builder r, Path staging, AtomicBoolean cancelled)
      throws IOException {
    Files.deleteIfExists(staging);
    DownloadOptions options = DownloadOptions.builder()
        .verifyZip(true)
        .sha256(true)
        .maxAttempts(downloadAttempts)
        .listener((done, total) -> {
          if (cancelled.get()) {
            throw new CloudifyInterruptedException("download cancelled after " + done + " bytes", null);
          }
          listener.onTransfer(done, total);
        })
        .build();
    try {
      DownloadResult d = snapshots.download(r.snapshotId, staging, options);
      LOG.info("Backup {}: downloaded {} bytes in {} ({} attempt(s))", r.snapshotId, d.bytes(), d.duration(),
          d.attempts());
      return d;
    } catch (RuntimeException e) {
      Files.deleteIfExists(staging);
      throw e;
    }
  }

  void verifyAndPublish(BackupReport.Builder r, DownloadResult download, Path staging) throws IOException {
    boolean published = false;
    try {
      long size = Files.size(staging);
      if (size != download.bytes()) {
        throw new Refusal("the staged archive has " + size + " bytes, " + download.bytes() + " were received");
      }
      String sha = download.sha256().orElseThrow(() -> new IllegalStateException("no SHA-256 computed"));
      ArchiveInfo info;
      try {
        info = SnapshotArchive.inspect(staging);
      } catch (InvalidSnapshotArchiveException e) {
        throw new Refusal("the downloaded archive is not a valid snapshot: " + e.reason(), e);
      }
      ownerOnly(staging);
      if (Files.exists(r.archive, LinkOption.NOFOLLOW_LINKS)) {
        throw new Refusal(r.archive + " appeared during the download; it is left untouched");
      }
      writeChecksum(r.checksumFile, sha, r.archive.getFileName().toString());
      publish(staging, r.archive);
      published = true;
      r.bytes = size;
      r.sha256 = sha;
      r.archiveInfo = info;
      LOG.info("Backup {}: verified {} ({} bytes, format {}, sha256 {})", r.snapshotId, r.archive, size,
          info.format(), sha);
    } finally {
      if (!published) {
        Files.deleteIfExists(staging);
      }
    }
  }

  static void writeChecksum(Path checksum, String sha, String archiveName) throws IOException {
    Path tmp = checksum.resolveSibling("." + archiveName + SHA256 + ".tmp");
    Files.deleteIfExists(tmp);
    Files.write(tmp, (sha + "  " + archiveName + "\n").getBytes(StandardCharsets.UTF_8));
    ownerOnly(tmp);
    try {
      Files.move(tmp, checksum, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, checksum, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Moves {@code staging} to {@code target}, never replacing a file (a hard link fails when the target exists). */
  static void publish(Path staging, Path target) throws IOException {
    try {
      Files.createLink(target, staging);
      Files.delete(staging);
      return;
    } catch (FileAlreadyExistsException e) {
      throw new Refusal(target + " appeared during the download; it is left untouched", e);
    } catch (UnsupportedOperationException | IOException e) {
      // No hard links here: a plain move, after checking (a race remains only on such file systems).
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new Refusal(target + " appeared during the download; it is left untouched");
    }
    Files.move(staging, target);
  }

  static void ownerOnly(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
      Files.setPosixFilePermissions(file, perms);
    }
  }

}
