package io.github.cloudify4j.snapshots.archive;

import io.github.cloudify4j.client.errors.CloudifyInterruptedException;
import io.github.cloudify4j.client.errors.CloudifyLocalIoException;
import io.github.cloudify4j.client.model.Version;
import io.github.cloudify4j.snapshots.archive.ArchiveProblem.Code;
import io.github.cloudify4j.snapshots.internal.ZipCheck;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a Cloudify snapshot zip on the local disk, without a manager.
 *
 * <p>{@link #inspect(Path)} opens the zip through its central directory ({@link ZipFile}, which
 * handles zip64, so archives over 4 GiB or with more than 65,535 entries are fine), reads
 * {@code metadata.json}, recognises the format and counts entities. Entity dump files are
 * <em>streamed</em> token by token with Jackson's {@link JsonParser}: each entity is skipped, never
 * bound, so memory stays constant whatever the archive or dump file size. The only things kept in
 * memory are the metadata, the tenant names and, for legacy archives, the names of stored
 * blueprints and deployments.
 *
 * <p>The format rules follow the manager's own code; see {@code docs/snapshot-archive-format.md}.
 */
public final class SnapshotArchive {

  /** The metadata file at the root of every snapshot zip. */
  public static final String METADATA_ENTRY = "metadata.json";

  /** The PostgreSQL dump at the root of a legacy snapshot zip. */
  public static final String LEGACY_DB_DUMP_ENTRY = "pg_data";

  static final String M_VERSION = "snapshot_version";
  static final String M_EXECUTION_ID = "execution_id";
  static final String M_SCHEMA_REVISION = "schema_revision";
  static final String M_STAGE_SCHEMA_REVISION = "stage_schema_revision";
  static final String M_COMPOSER_SCHEMA_REVISION = "composer_schema_revision";

  /** metadata.json is a handful of keys; anything this big is not one. */
  private static final long MAX_METADATA_BYTES = 1L << 20;

  /**
   * The most entries an inspection reads. {@link ZipFile} holds the whole central directory in memory, so a zip
   * with a million entries is refused ({@link ArchiveProblem.Code#TOO_MANY_ENTRIES}) before it is opened.
   */
  public static final long MAX_ENTRIES = 200_000;

  /** The largest central directory an inspection loads (about 100 bytes an entry). */
  public static final long MAX_CENTRAL_DIRECTORY_BYTES = 16L << 20;

  /**
   * The files an inspection reads may inflate to this many times the archive's size in all (JSON dumps compress
   * 10 to 30 times), or {@link #MIN_INFLATE_BUDGET}, whichever is more; beyond it the archive is a compression bomb
   * ({@link ArchiveProblem.Code#INFLATES_TOO_MUCH}).
   */
  public static final long INFLATE_RATIO = 100;

  /** The inflate budget of a small archive. */
  public static final long MIN_INFLATE_BUDGET = 64L << 20;

  /** The most tenants an inspection records ({@link ArchiveProblem.Code#METADATA_TOO_LARGE} beyond). */
  public static final int MAX_TENANTS = 10_000;

  /** How often (in inflated bytes) a long read checks for an interrupt or a cancellation. */
  private static final long CHECK_EVERY = 1L << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  private SnapshotArchive() {
  }

  /**
   * Inspects a snapshot zip.
   *
   * @param zip the archive on the local file system
   * @return what the archive holds
   * @throws NullPointerException if {@code zip} is null
   * @throws InvalidSnapshotArchiveException if the file is not a readable Cloudify snapshot: not a
   *     zip, empty, truncated, without {@code metadata.json}, or with metadata or dump files that
   *     are not the JSON a manager writes
   * @throws CloudifyLocalIoException if the file cannot be read at all (missing, not a regular file,
   *     permission denied, I/O error); its cause is the file system's exception
   */
  public static ArchiveInfo inspect(Path zip) {
    return inspect(zip, () -> false);
  }

  /**
   * Inspects a snapshot zip, stopping when {@code cancelled} says so or the thread is interrupted.
   *
   * <p>Bounded whatever the file holds: at most {@link #MAX_ENTRIES} entries and
   * {@link #MAX_CENTRAL_DIRECTORY_BYTES} of central directory (checked before the zip is opened), entries that
   * share data refused, at most {@link #INFLATE_RATIO} times the archive's size inflated, at most
   * {@link #MAX_TENANTS} tenants. Interruption and {@code cancelled} are checked at least every MiB read and every
   * few thousand entries.
   *
   * @param zip the archive on the local file system
   * @param cancelled polled during the inspection; true stops it
   * @return what the archive holds
   * @throws InvalidSnapshotArchiveException if the file is not a readable Cloudify snapshot, or passes a bound
   *     (its {@link InvalidSnapshotArchiveException#code()} says which)
   * @throws CloudifyInterruptedException when interrupted (the interrupt flag stays set) or cancelled
   * @throws CloudifyLocalIoException if the file cannot be read at all
   */
  public static ArchiveInfo inspect(Path zip, BooleanSupplier cancelled) {
    Objects.requireNonNull(zip, "zip == null");
    Objects.requireNonNull(cancelled, "cancelled == null");
    checkReadableFile(zip);
    long fileSize;
    try {
      fileSize = Files.size(zip);
      if (fileSize == 0) {
        throw new InvalidSnapshotArchiveException(zip, "the file is empty", null);
      }
    } catch (IOException e) {
      throw new CloudifyLocalIoException("Cannot read " + zip, zip, e);
    }
    ZipCheck.verify(zip, zip, new ZipCheck.Limits(MAX_ENTRIES, MAX_CENTRAL_DIRECTORY_BYTES, cancelled));
    long budget = fileSize > Long.MAX_VALUE / INFLATE_RATIO ? Long.MAX_VALUE
        : Math.max(MIN_INFLATE_BUDGET, fileSize * INFLATE_RATIO);
    ZipFile zf;
    try {
      zf = new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new InvalidSnapshotArchiveException(zip,
          "not a zip file, or a truncated or damaged one (its central directory cannot be read)", e);
    } catch (IOException e) {
      throw new CloudifyLocalIoException("Cannot open " + zip, zip, e);
    }
    try (ZipFile z = zf) {
      return new Reader(zip, z, new Budget(zip, budget, cancelled)).read();
    } catch (ZipException | EOFException | JsonProcessingException e) {
      throw new InvalidSnapshotArchiveException(zip, "the zip's contents cannot be read", e);
    } catch (IOException e) {
      throw new CloudifyLocalIoException("Cannot read " + zip, zip, e);
    }
  }

  private static void checkReadableFile(Path zip) {
    if (!Files.exists(zip)) {
      throw new CloudifyLocalIoException("Cannot read " + zip, zip, new NoSuchFileException(zip.toString()));
    }
    if (!Files.isRegularFile(zip)) {
      throw new CloudifyLocalIoException("Cannot read " + zip, zip,
          new FileSystemException(zip.toString(), null, "not a regular file"));
    }
    if (!Files.isReadable(zip)) {
      throw new CloudifyLocalIoException("Cannot read " + zip, zip, new AccessDeniedException(zip.toString()));
    }
  }

  /** One inspection; holds the state of a single pass over the zip. */
  private static final class Reader {
    private final Path path;
    private final ZipFile zip;
    private final ArchiveInfo.Builder info;
    private final Budget budget;

    Reader(Path path, ZipFile zip, Budget budget) {
      this.path = path;
      this.zip = zip;
      this.info = ArchiveInfo.builder(path);
      this.budget = budget;
    }

    /** An entry's data, counted against the inflate budget. */
    private InputStream open(ZipEntry entry) throws IOException {
      return budget.count(zip.getInputStream(entry));
    }

    private void checkTenants(int count) {
      if (count > MAX_TENANTS) {
        throw new InvalidSnapshotArchiveException(path, Code.METADATA_TOO_LARGE, "the archive names more than "
            + MAX_TENANTS + " tenants, far more than a manager holds", null);
      }
    }

    ArchiveInfo read() throws IOException {
      Map<String, Object> metadata = readMetadata();
      info.metadata(metadata);
      Object version = metadata.get(M_VERSION);
      if (version instanceof String || version instanceof Number) {
        info.rawSnapshotVersion(String.valueOf(version));
      }
      Object executionId = metadata.get(M_EXECUTION_ID);
      if (executionId instanceof String && !((String) executionId).isEmpty()) {
        info.executionId((String) executionId);
      }
      boolean marksLegacy = metadata.containsKey(M_SCHEMA_REVISION)
          && metadata.containsKey(M_STAGE_SCHEMA_REVISION)
          && metadata.containsKey(M_COMPOSER_SCHEMA_REVISION);
      info.metadataMarksLegacy(marksLegacy);
      boolean legacy = marksLegacy || metadata.containsKey(M_SCHEMA_REVISION)
          || zip.getEntry(LEGACY_DB_DUMP_ENTRY) != null;
      if (legacy) {
        readLegacy(metadata);
      } else {
        readJsonDump();
      }
      return info.build();
    }

    private Map<String, Object> readMetadata() throws IOException {
      ZipEntry entry = zip.getEntry(METADATA_ENTRY);
      if (entry == null || entry.isDirectory()) {
        throw new InvalidSnapshotArchiveException(path, "there is no " + METADATA_ENTRY
            + " at the root of the zip, and every Cloudify snapshot has one", null);
      }
      if (entry.getSize() > MAX_METADATA_BYTES) {
        throw new InvalidSnapshotArchiveException(path, Code.METADATA_TOO_LARGE, METADATA_ENTRY + " is "
            + entry.getSize() + " bytes, far too large for snapshot metadata", null);
      }
      Object value;
      try (InputStream in = new BoundedInputStream(open(entry), MAX_METADATA_BYTES)) {
        value = MAPPER.readValue(in, Object.class);
      } catch (JsonProcessingException e) {
        throw new InvalidSnapshotArchiveException(path, METADATA_ENTRY + " is not valid JSON", e);
      } catch (BoundedInputStream.LimitExceeded e) {
        throw new InvalidSnapshotArchiveException(path, Code.METADATA_TOO_LARGE, METADATA_ENTRY
            + " is far too large for snapshot metadata", e);
      }
      if (!(value instanceof Map)) {
        throw new InvalidSnapshotArchiveException(path, METADATA_ENTRY
            + " is not a JSON object", null);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    }

    // ---------------------------------------------------------------- 7.x JSON dump layout

    private void readJsonDump() throws IOException {
      Set<String> tenantDirs = new HashSet<>();
      Set<String> tenantsWithFiles = new HashSet<>();
      long entries = 0;
      long size = 0;
      long dumpFiles = 0;
      boolean newLayout = false;
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        entries++;
        if ((entries & 0xFFF) == 0) {
          budget.checkCancelled();
          checkTenants(tenantDirs.size() + tenantsWithFiles.size());
        }
        size += Math.max(0, entry.getSize());
        String name = entry.getName();
        String[] parts = segments(name);
        if (parts.length == 0) {
          continue;
        }
        if (parts[0].equals("mgmt") || parts[0].equals("tenants")) {
          newLayout = true;
        }
        if (entry.isDirectory()) {
          if (parts.length == 2 && parts[0].equals("tenants")) {
            tenantDirs.add(parts[1]);
          }
          continue;
        }
        if (parts[0].equals("mgmt") && parts.length >= 2 && name.endsWith(".json")) {
          countDumpFile(entry, null);
          dumpFiles++;
        } else if (parts[0].equals("tenants") && parts.length >= 3 && name.endsWith("json")) {
          tenantsWithFiles.add(parts[1]);
          countDumpFile(entry, parts[1]);
          dumpFiles++;
        } else if (parts[0].equals("tenants") && parts.length >= 3) {
          tenantsWithFiles.add(parts[1]);
        }
      }
      checkTenants(tenantDirs.size());
      checkTenants(tenantsWithFiles.size());
      for (String tenant : tenantDirs) {
        info.addTenant(tenant);
      }
      for (String tenant : tenantsWithFiles) {
        info.addTenant(tenant);
        if (!tenantDirs.contains(tenant)) {
          info.tenantWithoutDirectoryEntry(tenant);
        }
      }
      info.entryCount(entries).totalUncompressedSize(size).dumpFileCount(dumpFiles);
      if (!newLayout) {
        info.format(ArchiveFormat.UNKNOWN).counts(false,
            "Nothing to count: the zip has " + METADATA_ENTRY + " but neither a database dump ("
                + LEGACY_DB_DUMP_ENTRY + ") nor entity dump files (mgmt/, tenants/), so no"
                + " Cloudify manager wrote it.");
        return;
      }
      info.format(ArchiveFormat.JSON_DUMP).counts(true,
          "Counted from the items of " + dumpFiles + " entity dump files under mgmt/ and"
              + " tenants/<tenant>/. A count can exceed what a manager restores: an entity that"
              + " changed while the snapshot was being created may be dumped twice (the manager"
              + " keeps one copy per id), and the manager merges events that share a timestamp and"
              + " a message.");
    }

    /** Streams one {"type": ..., "items": [...]} file, counting items without binding them. */
    private void countDumpFile(ZipEntry entry, String tenant) throws IOException {
      String type = null;
      long items = -1;
      try (InputStream in = open(entry); JsonParser p = JSON.createParser(in)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw invalidDump(entry, "is not a JSON object", null);
        }
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if ("type".equals(field)) {
            if (value != JsonToken.VALUE_STRING) {
              throw invalidDump(entry, "has a \"type\" that is not a string", null);
            }
            type = p.getText();
          } else if ("items".equals(field)) {
            items = countItems(entry, p, value);
          } else {
            p.skipChildren();
          }
        }
        if (token != JsonToken.END_OBJECT) {
          throw invalidDump(entry, "ends before its closing brace", null);
        }
      } catch (JsonProcessingException e) {
        throw invalidDump(entry, "is not valid JSON", e);
      }
      if (type == null || type.isEmpty()) {
        throw invalidDump(entry, "has no \"type\"", null);
      }
      if (items < 0) {
        throw invalidDump(entry, "has no \"items\"", null);
      }
      info.addCount(tenant, type, items);
    }

    private long countItems(ZipEntry entry, JsonParser p, JsonToken start) throws IOException {
      long n = 0;
      JsonToken token;
      if (start == JsonToken.START_ARRAY) {
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
          if (token == null) {
            throw invalidDump(entry, "ends inside \"items\"", null);
          }
          n++;
          p.skipChildren();
        }
        return n;
      }
      if (start == JsonToken.START_OBJECT) {
        // Not written by any manager, but harmless: count the members.
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
          n++;
          p.nextToken();
          p.skipChildren();
        }
        return n;
      }
      throw invalidDump(entry, "has \"items\" that is not a list", null);
    }

    private InvalidSnapshotArchiveException invalidDump(ZipEntry entry, String what, Throwable cause) {
      return new InvalidSnapshotArchiveException(path,
          "entity dump file " + entry.getName() + " " + what, cause);
    }

    // ---------------------------------------------------------------- legacy layout

    private void readLegacy(Map<String, Object> metadata) throws IOException {
      Set<String> blueprints = new HashSet<>();
      Set<String> deployments = new HashSet<>();
      Set<String> plugins = new HashSet<>();
      Set<String> tenants = new TreeSet<>();
      long entries = 0;
      long size = 0;
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        entries++;
        if ((entries & 0xFFF) == 0) {
          budget.checkCancelled();
          checkTenants(tenants.size());
        }
        size += Math.max(0, entry.getSize());
        String[] parts = segments(entry.getName());
        boolean dir = entry.isDirectory();
        if (parts.length < 2) {
          continue;
        }
        String top = parts[0];
        // Folders named after an entity: a directory entry at that depth, or a file below it.
        boolean tenantScopedEntity = dir ? parts.length >= 3 : parts.length >= 4;
        boolean tenantFolder = dir ? parts.length >= 2 : parts.length >= 3;
        if ((top.equals("blueprints") || top.equals("deployments") || top.equals("uploaded-blueprints"))
            && tenantFolder) {
          tenants.add(parts[1]);
        }
        if (top.equals("blueprints") && tenantScopedEntity) {
          blueprints.add(parts[1] + '/' + parts[2]);
        } else if (top.equals("deployments") && tenantScopedEntity) {
          deployments.add(parts[1] + '/' + parts[2]);
        } else if (top.equals("plugins") && (dir || parts.length >= 3)) {
          plugins.add(parts[1]);
        }
      }
      checkTenants(tenants.size());
      for (String tenant : tenants) {
        info.addTenant(tenant);
      }
      addPerTenant("blueprints", blueprints);
      addPerTenant("deployments", deployments);
      if (!plugins.isEmpty()) {
        info.addUnscopedCount("plugins", plugins.size());
      }
      String agentsNote = countLegacyAgents(metadata);
      info.entryCount(entries).totalUncompressedSize(size).dumpFileCount(0);
      info.format(ArchiveFormat.LEGACY).counts(false,
          "Partial counts: a legacy snapshot keeps its entities in a PostgreSQL dump ("
              + LEGACY_DB_DUMP_ENTRY + "), which is not parsed. Counted from stored files only:"
              + " blueprints (folders blueprints/<tenant>/<id>), deployments (work folders"
              + " deployments/<tenant>/<id>, which not every deployment has), plugins (folders"
              + " plugins/<id>, not per tenant)" + agentsNote + ". Tenants are those that own"
              + " one of these. No other kind is counted.");
    }

    private void addPerTenant(String kind, Set<String> tenantSlashIds) {
      Map<String, Long> perTenant = new HashMap<>();
      for (String key : tenantSlashIds) {
        perTenant.merge(key.substring(0, key.indexOf('/')), 1L, Long::sum);
      }
      for (Map.Entry<String, Long> e : perTenant.entrySet()) {
        info.addCount(e.getKey(), kind, e.getValue());
      }
    }

    /**
     * agents.json (legacy, 4.1+) maps tenant → deployment → node → node instance → broker
     * settings, one leaf per agent. Streams it; returns the sentence fragment for the explanation.
     */
    private String countLegacyAgents(Map<String, Object> metadata) throws IOException {
      ZipEntry entry = zip.getEntry("agents.json");
      if (entry == null || entry.isDirectory()) {
        return "";
      }
      Object rawVersion = metadata.get(M_VERSION);
      Version version = rawVersion == null ? null
          : Version.tryParse(String.valueOf(rawVersion)).orElse(null);
      if (version == null || version.compareRelease(Version.parse("4.1")) < 0) {
        return "; agents.json was not counted (its layout before 4.1 has no tenant level)";
      }
      Map<String, Long> perTenant = new LinkedHashMap<>();
      try (InputStream in = open(entry); JsonParser p = JSON.createParser(in)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return "; agents.json was not counted (unexpected layout)";
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String tenant = p.currentName();
          if (p.nextToken() != JsonToken.START_OBJECT) {
            return "; agents.json was not counted (unexpected layout)";
          }
          long n = 0;
          while (p.nextToken() == JsonToken.FIELD_NAME) {          // deployment
            if (p.nextToken() != JsonToken.START_OBJECT) {
              return "; agents.json was not counted (unexpected layout)";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {      // node
              if (p.nextToken() != JsonToken.START_OBJECT) {
                return "; agents.json was not counted (unexpected layout)";
              }
              while (p.nextToken() == JsonToken.FIELD_NAME) {  // node instance
                n++;
                p.nextToken();
                p.skipChildren();
              }
            }
          }
          perTenant.merge(tenant, n, Long::sum);
          checkTenants(perTenant.size());
        }
      } catch (JsonProcessingException e) {
        throw new InvalidSnapshotArchiveException(path, "agents.json is not valid JSON", e);
      }
      for (Map.Entry<String, Long> e : perTenant.entrySet()) {
        info.addTenant(e.getKey());
        info.addCount(e.getKey(), "agents", e.getValue());
      }
      return ", agents (node instances listed in agents.json)";
    }
  }

  /** Splits a zip entry name into its non-empty path segments. */
  static String[] segments(String name) {
    String trimmed = name;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }

  /**
   * What an inspection may still inflate, and the checks for interruption and cancellation: every entry's data is
   * read through {@link #count}, which charges the budget and checks at least every {@link #CHECK_EVERY} bytes.
   */
  private static final class Budget {
    private final Path path;
    private final long total;
    private final BooleanSupplier cancelled;
    private long remaining;
    private long sinceCheck;

    Budget(Path path, long total, BooleanSupplier cancelled) {
      this.path = path;
      this.total = total;
      this.remaining = total;
      this.cancelled = cancelled;
    }

    void checkCancelled() {
      if (Thread.currentThread().isInterrupted()) {
        throw new CloudifyInterruptedException("interrupted while inspecting " + path, null);
      }
      if (cancelled.getAsBoolean()) {
        throw new CloudifyInterruptedException("cancelled while inspecting " + path, null);
      }
    }

    void charge(long n) {
      remaining -= n;
      sinceCheck += n;
      if (remaining < 0) {
        throw new InvalidSnapshotArchiveException(path, Code.INFLATES_TOO_MUCH, "its files inflate to more than "
            + total + " bytes, " + INFLATE_RATIO + " times the archive's size: a compression bomb, not a"
            + " snapshot", null);
      }
      if (sinceCheck >= CHECK_EVERY) {
        sinceCheck = 0;
        checkCancelled();
      }
    }

    InputStream count(InputStream in) {
      checkCancelled();
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            charge(1);
          }
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            charge(n);
          }
          return n;
        }

        @Override
        public long skip(long n) throws IOException {
          long skipped = super.skip(n);
          if (skipped > 0) {
            charge(skipped);
          }
          return skipped;
        }
      };
    }
  }

  /** Refuses to read past a limit, so a hostile entry cannot exhaust memory. */
  private static final class BoundedInputStream extends FilterInputStream {
    private long remaining;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consume(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        consume(n);
      }
      return n;
    }

    private void consume(long n) throws LimitExceeded {
      remaining -= n;
      if (remaining < 0) {
        throw new LimitExceeded();
      }
    }

    static final class LimitExceeded extends IOException {
      private static final long serialVersionUID = 1L;

      LimitExceeded() {
        super("size limit exceeded");
      }
    }
  }
}
