package io.github.cloudify4j.snapshots.restore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the manager holds after the restore compared with what the archive holds, per kind of entity, and the
 * per-entity errors the restore logged ("Error restoring …"). A 7.x restore logs such errors and still ends
 * {@code terminated}, so this is how data loss shows.
 */
public final class Verification {
  private final Map<String, Long> expected;
  private final Map<String, Long> actual;
  private final List<String> restoreErrors;
  private final String note;
  private final Map<String, String> notCounted;

  /**
   * A verification where every kind was counted; public so that code reading reports can be tested.
   *
   * @param expected entities per kind in the archive
   * @param actual entities per kind on the manager after the restore
   * @param restoreErrors error events of the restore execution, secrets masked
   * @param note what could not be compared, and why; null reads as empty
   */
  public Verification(Map<String, Long> expected, Map<String, Long> actual, List<String> restoreErrors,
      String note) {
    this(expected, actual, Collections.emptyMap(), restoreErrors, note);
  }

  /**
   * A verification; public so that code reading reports can be tested.
   *
   * @param expected entities per kind in the archive
   * @param actual entities per kind on the manager after the restore
   * @param notCounted kinds the archive holds that the manager could not count, with the reason (e.g. a
   *     community manager serves no {@code /users}: {@code "not counted (community edition)"})
   * @param restoreErrors error events of the restore execution, secrets masked
   * @param note what could not be compared, and why; null reads as empty
   */
  public Verification(Map<String, Long> expected, Map<String, Long> actual, Map<String, String> notCounted,
      List<String> restoreErrors, String note) {
    this.notCounted = Collections.unmodifiableMap(new LinkedHashMap<>(notCounted));
    this.expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    this.actual = Collections.unmodifiableMap(new LinkedHashMap<>(actual));
    this.restoreErrors = Collections.unmodifiableList(restoreErrors);
    this.note = note == null ? "" : note;
  }

  /**
   * Entities per kind in the archive (kinds that can be counted on the manager only).
   *
   * @return entities per kind, unmodifiable
   */
  public Map<String, Long> expected() {
    return expected;
  }

  /**
   * Entities per kind on the manager after the restore.
   *
   * @return entities per kind, unmodifiable
   */
  public Map<String, Long> actual() {
    return actual;
  }

  /**
   * Kinds with fewer entities on the manager than in the archive, with how many are missing.
   *
   * @return each short kind with how many are missing
   */
  public Map<String, Long> missing() {
    Map<String, Long> missing = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      Long have = actual.get(e.getKey());
      if (have != null && have < e.getValue()) {
        missing.put(e.getKey(), e.getValue() - have);
      }
    }
    return missing;
  }

  /**
   * Kinds the archive holds that were not counted on the manager, with the reason: an edition that does not serve
   * the kind (a community manager answers {@code /users} and {@code /user-groups} with 404
   * {@code missing_premium_package_error}) is reported here, never as missing, and never makes the restore
   * PARTIAL or FAILED.
   *
   * @return each kind with the reason, unmodifiable
   */
  public Map<String, String> notCounted() {
    return notCounted;
  }

  /** {@return the restore execution's error events, secrets masked: any makes the restore PARTIAL} */
  public List<String> restoreErrors() {
    return restoreErrors;
  }

  /** {@return what could not be compared, and why (e.g. a legacy archive whose database dump is opaque)} */
  public String note() {
    return note;
  }

  /** {@return whether nothing is missing and the restore logged no error} */
  public boolean isComplete() {
    return missing().isEmpty() && restoreErrors.isEmpty();
  }

  @Override
  public String toString() {
    return "Verification{expected=" + expected + ", actual=" + actual + ", missing=" + missing()
        + (notCounted.isEmpty() ? "" : ", notCounted=" + notCounted)
        + ", restoreErrors=" + restoreErrors.size() + (note.isEmpty() ? "" : ", note=" + note) + "}";
  }
}
