package io.github.cloudify4j.snapshots.archive;

/**
 * The two snapshot archive layouts a Cloudify manager writes, as recognised from the zip itself.
 *
 * <p>The format decides almost everything about a restore: a {@link #LEGACY} restore replaces the
 * manager's database, stops services and may reboot the host; a {@link #JSON_DUMP} restore
 * re-creates entities one by one through the REST API and never stops anything.
 */
public enum ArchiveFormat {

  /**
   * The PostgreSQL-dump layout: every snapshot made by Cloudify 6.4 and older, and 7.x snapshots
   * created with {@code legacy=true}. Recognised by a {@code schema_revision} key in
   * {@code metadata.json} or a {@code pg_data} entry at the root of the zip. Entity counts cannot
   * be read without parsing the database dump, so they are partial.
   */
  LEGACY,

  /**
   * The 7.x layout: JSON files of entities under {@code mgmt/} and {@code tenants/<tenant>/},
   * each {@code {"type": <kind>, "items": [...]}}. Entity counts are exact (up to duplicates, see
   * {@link ArchiveInfo#countsExplanation()}).
   */
  JSON_DUMP,

  /**
   * The zip has a {@code metadata.json} but neither a database dump nor entity dump files:
   * no Cloudify manager wrote it, or it was emptied.
   */
  UNKNOWN
}
