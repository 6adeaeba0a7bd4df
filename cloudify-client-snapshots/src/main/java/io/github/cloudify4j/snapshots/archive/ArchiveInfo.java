package io.github.cloudify4j.snapshots.archive;

import io.github.cloudify4j.client.model.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@link SnapshotArchive#inspect(Path)} found in a snapshot zip: its metadata, its format,
 * and how many entities of each kind it holds, in total and per tenant. Immutable.
 *
 * <p>Two uses. <b>Before a restore</b>, {@link RestoreChecks#checkRestorable} reads the version and
 * format to refuse restores the manager would fail late (after upload, after maintenance mode).
 * <b>After a 7.x restore</b>, the counts are the expected totals: 7.x managers log an entity that
 * fails to restore and carry on, so the execution can end {@code terminated} with data missing; the
 * only way to notice is to compare these counts with what the manager now lists.
 *
 * <p>Count maps are keyed by the kind names of {@link EntityKinds}, iterate in
 * {@link EntityKinds#RESTORE_ORDER} (unknown kinds last, alphabetically), and hold only kinds that
 * occur. Read {@link #countsAvailable()} before trusting them.
 */
public final class ArchiveInfo {

  private final Path archive;
  private final ArchiveFormat format;
  private final String rawSnapshotVersion;
  private final Version snapshotVersion;
  private final Map<String, Object> metadata;
  private final String executionId;
  private final boolean metadataMarksLegacy;
  private final SortedSet<String> tenants;
  private final SortedSet<String> tenantsWithoutDirectoryEntry;
  private final Map<String, Long> countsByKind;
  private final Map<String, Long> managementCounts;
  private final Map<String, Map<String, Long>> countsByTenant;
  private final long entryCount;
  private final long totalUncompressedSize;
  private final long dumpFileCount;
  private final boolean countsAvailable;
  private final String countsExplanation;

  private ArchiveInfo(Builder b) {
    this.archive = Objects.requireNonNull(b.archive, "archive == null");
    this.format = Objects.requireNonNull(b.format, "format == null");
    this.rawSnapshotVersion = b.rawSnapshotVersion;
    this.snapshotVersion = b.rawSnapshotVersion == null
        ? null : Version.tryParse(b.rawSnapshotVersion).orElse(null);
    this.metadata = deepUnmodifiableMap(b.metadata);
    this.executionId = b.executionId;
    this.metadataMarksLegacy = b.metadataMarksLegacy;
    this.tenants = Collections.unmodifiableSortedSet(new TreeSet<>(b.tenants));
    this.tenantsWithoutDirectoryEntry =
        Collections.unmodifiableSortedSet(new TreeSet<>(b.tenantsWithoutDirectoryEntry));
    this.countsByKind = ordered(b.countsByKind);
    this.managementCounts = ordered(b.managementCounts);
    Map<String, Map<String, Long>> perTenant = new LinkedHashMap<>();
    for (String tenant : new TreeSet<>(b.countsByTenant.keySet())) {
      perTenant.put(tenant, ordered(b.countsByTenant.get(tenant)));
    }
    this.countsByTenant = Collections.unmodifiableMap(perTenant);
    this.entryCount = b.entryCount;
    this.totalUncompressedSize = b.totalUncompressedSize;
    this.dumpFileCount = b.dumpFileCount;
    this.countsAvailable = b.countsAvailable;
    this.countsExplanation = Objects.requireNonNull(b.countsExplanation, "countsExplanation == null");
  }

  static Builder builder(Path archive) {
    return new Builder(archive);
  }

  /**
   * Returns the inspected zip file.
   *
   * @return the path given to {@code SnapshotArchive.inspect}
   */
  public Path archive() {
    return archive;
  }

  /**
   * Returns the recognised layout.
   *
   * @return the format; {@link ArchiveFormat#UNKNOWN} when neither layout matched
   */
  public ArchiveFormat format() {
    return format;
  }

  /**
   * Returns {@code snapshot_version} from {@code metadata.json}, the version of the manager that
   * created the snapshot; empty if the key is missing or not a version.
    *
    * @return the parsed version, or empty
   */
  public Optional<Version> snapshotVersion() {
    return Optional.ofNullable(snapshotVersion);
  }

  /**
   * Returns {@code snapshot_version} exactly as written (as text), empty if absent.
   *
   * @return the text, or empty
   */
  public Optional<String> rawSnapshotVersion() {
    return Optional.ofNullable(rawSnapshotVersion);
  }

  /**
   * Returns the whole of {@code metadata.json}, unmodifiable (nested maps and lists too), in file
   * order. Values are what Jackson reads: String, Integer/Long/BigInteger, Double, Boolean, null,
   * List, Map.
    *
    * @return the parsed metadata; empty if the archive has no {@code metadata.json}
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /**
   * Returns the id of the execution that created the snapshot ({@code execution_id}, written by
   * 7.0.1 and later new-format snapshots). After a 7.x restore the manager marks that execution
   * {@code terminated}.
    *
    * @return the execution id, or empty for older or legacy snapshots
   */
  public Optional<String> executionId() {
    return Optional.ofNullable(executionId);
  }

  /**
   * Returns whether the metadata has all of {@code schema_revision}, {@code stage_schema_revision}
   * and {@code composer_schema_revision}: the exact rule a 7.x manager uses to choose the legacy
   * restore path. A {@link ArchiveFormat#LEGACY} archive for which this is false would be taken
   * for a new-format one by a 7.x manager.
    *
    * @return true when all three revision keys are present
   */
  public boolean metadataMarksLegacy() {
    return metadataMarksLegacy;
  }

  /**
   * Returns the tenants found: for {@link ArchiveFormat#JSON_DUMP}, every {@code tenants/<name>/}
   * folder; for {@link ArchiveFormat#LEGACY}, the tenant folders of stored blueprints and
   * deployments plus the tenants in {@code agents.json}, which can miss tenants that have none of
   * those (the full list is inside the database dump).
    *
    * @return tenant names, sorted, unmodifiable
   */
  public SortedSet<String> tenants() {
    return tenants;
  }

  /**
   * Returns the tenants of a new-format archive that have files but no {@code tenants/<name>/}
   * directory entry in the zip. A 7.x manager discovers tenants only through directory entries,
   * so it would skip those tenants' data without an error. Empty for archives written by a
   * manager.
    *
    * @return tenant names, sorted, unmodifiable; usually empty
   */
  public SortedSet<String> tenantsWithoutDirectoryEntry() {
    return tenantsWithoutDirectoryEntry;
  }

  /**
   * Returns the number of entities per kind, over management data and all tenants.
   *
   * @return kind (e.g. {@code blueprints}) to count, in restore order, unmodifiable
   */
  public Map<String, Long> countsByKind() {
    return countsByKind;
  }

  /**
   * Returns the counts of management (non-tenant) kinds: tenants, permissions, user groups, users.
   *
   * @return kind to count, unmodifiable
   */
  public Map<String, Long> managementCounts() {
    return managementCounts;
  }

  /**
   * Returns the counts per tenant (sorted by tenant name), then per kind.
   *
   * @return tenant to (kind to count), unmodifiable
   */
  public Map<String, Map<String, Long>> countsByTenant() {
    return countsByTenant;
  }

  /**
   * Returns the count of one kind over the whole archive, 0 if absent.
   *
   * @param kind an entity kind, e.g. {@code deployments} (see {@link EntityKinds})
   * @return the count, 0 or more
   * @throws NullPointerException if {@code kind} is null
   */
  public long count(String kind) {
    Objects.requireNonNull(kind, "kind == null");
    return countsByKind.getOrDefault(kind, 0L);
  }

  /**
   * Returns the count of one kind in one tenant, 0 if absent.
   *
   * @param tenant a tenant name, e.g. {@code default_tenant}
   * @param kind an entity kind, e.g. {@code deployments} (see {@link EntityKinds})
   * @return the count, 0 or more
   * @throws NullPointerException if either is null
   */
  public long count(String tenant, String kind) {
    Objects.requireNonNull(tenant, "tenant == null");
    Objects.requireNonNull(kind, "kind == null");
    Map<String, Long> counts = countsByTenant.get(tenant);
    return counts == null ? 0L : counts.getOrDefault(kind, 0L);
  }

  /**
   * Returns the number of entries in the zip's central directory, directories included.
   *
   * @return the number of entries, 0 or more
   */
  public long entryCount() {
    return entryCount;
  }

  /**
   * Returns the sum of the uncompressed sizes the zip declares for its entries: roughly the disk
   * space a manager that extracts the whole archive (≤6.4, legacy restores) needs on top of the
   * archive itself.
    *
    * @return bytes, as declared by the zip (not verified by extracting)
   */
  public long totalUncompressedSize() {
    return totalUncompressedSize;
  }

  /**
   * Returns how many entity dump files were read to produce the counts (0 for legacy archives).
   *
   * @return the number of dump files read
   */
  public long dumpFileCount() {
    return dumpFileCount;
  }

  /**
   * Returns whether the counts cover every entity in the archive. True for
   * {@link ArchiveFormat#JSON_DUMP}; false for {@link ArchiveFormat#LEGACY}, whose entities live
   * in a PostgreSQL dump this class does not parse (only a few kinds are estimated from the
   * stored files), and for {@link ArchiveFormat#UNKNOWN}. {@link #countsExplanation()} says which.
    *
    * @return whether {@link #countsByKind()} is complete
   */
  public boolean countsAvailable() {
    return countsAvailable;
  }

  /**
   * Returns a sentence or two saying what the counts mean and where they fall short.
   *
   * @return the explanation, never empty
   */
  public String countsExplanation() {
    return countsExplanation;
  }

  @Override
  public String toString() {
    return "ArchiveInfo{archive=" + archive
        + ", format=" + format
        + ", snapshotVersion=" + rawSnapshotVersion
        + ", executionId=" + executionId
        + ", tenants=" + tenants
        + ", countsByKind=" + countsByKind
        + ", entryCount=" + entryCount
        + ", totalUncompressedSize=" + totalUncompressedSize
        + ", countsAvailable=" + countsAvailable + '}';
  }

  private static Map<String, Long> ordered(Map<String, Long> counts) {
    Map<String, Long> result = new LinkedHashMap<>();
    for (String kind : EntityKinds.RESTORE_ORDER) {
      Long n = counts.get(kind);
      if (n != null) {
        result.put(kind, n);
      }
    }
    for (String kind : new TreeSet<>(counts.keySet())) {
      if (!result.containsKey(kind)) {
        result.put(kind, counts.get(kind));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  private static Map<String, Object> deepUnmodifiableMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      copy.put(String.valueOf(e.getKey()), deepUnmodifiable(e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object deepUnmodifiable(Object value) {
    if (value instanceof Map) {
      return deepUnmodifiableMap((Map<?, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object o : (List<?>) value) {
        copy.add(deepUnmodifiable(o));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** Collects the facts while the archive is read; not public. */
  static final class Builder {
    private final Path archive;
    private ArchiveFormat format;
    private String rawSnapshotVersion;
    private Map<String, Object> metadata = Collections.emptyMap();
    private String executionId;
    private boolean metadataMarksLegacy;
    private final Set<String> tenants = new TreeSet<>();
    private final Set<String> tenantsWithoutDirectoryEntry = new TreeSet<>();
    private final Map<String, Long> countsByKind = new LinkedHashMap<>();
    private final Map<String, Long> managementCounts = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> countsByTenant = new LinkedHashMap<>();
    private long entryCount;
    private long totalUncompressedSize;
    private long dumpFileCount;
    private boolean countsAvailable;
    private String countsExplanation;

    private Builder(Path archive) {
      this.archive = archive;
    }

    Builder format(ArchiveFormat value) {
      this.format = value;
      return this;
    }

    Builder rawSnapshotVersion(String value) {
      this.rawSnapshotVersion = value;
      return this;
    }

    Builder metadata(Map<String, Object> value) {
      this.metadata = value;
      return this;
    }

    Builder executionId(String value) {
      this.executionId = value;
      return this;
    }

    Builder metadataMarksLegacy(boolean value) {
      this.metadataMarksLegacy = value;
      return this;
    }

    Builder addTenant(String tenant) {
      tenants.add(tenant);
      return this;
    }

    Builder tenantWithoutDirectoryEntry(String tenant) {
      tenantsWithoutDirectoryEntry.add(tenant);
      return this;
    }

    /** Adds {@code n} entities of {@code kind}; {@code tenant} null means management data. */
    Builder addCount(String tenant, String kind, long n) {
      countsByKind.merge(kind, n, Long::sum);
      if (tenant == null) {
        managementCounts.merge(kind, n, Long::sum);
      } else {
        tenants.add(tenant);
        countsByTenant.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).merge(kind, n, Long::sum);
      }
      return this;
    }

    /** Adds {@code n} entities of a kind that belongs to no tenant and is not management data. */
    Builder addUnscopedCount(String kind, long n) {
      countsByKind.merge(kind, n, Long::sum);
      return this;
    }

    Builder entryCount(long value) {
      this.entryCount = value;
      return this;
    }

    Builder totalUncompressedSize(long value) {
      this.totalUncompressedSize = value;
      return this;
    }

    Builder dumpFileCount(long value) {
      this.dumpFileCount = value;
      return this;
    }

    Builder counts(boolean available, String explanation) {
      this.countsAvailable = available;
      this.countsExplanation = explanation;
      return this;
    }

    ArchiveInfo build() {
      return new ArchiveInfo(this);
    }
  }
}
