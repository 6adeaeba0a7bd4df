package io.github.cloudify4j.examples.readme;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.client.Credentials;
import io.github.cloudify4j.snapshots.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names the README's text introduces before a Java block uses them ("a {@code client}", "the
 * {@code snapshots} of the Snapshots section", "the restore's id"...). Every README block that is not a whole class
 * is compiled as the body of a method of a subclass of this class, so a block may use these names; a block that
 * declares one of them itself (as the first block declares {@code client}) simply shadows it.
 *
 * <p>Keep this list short and obvious: a name belongs here only if a reader of the README knows what it stands for
 * without being told. Nothing here is ever run; the values only need the right types.
 */
@SuppressWarnings("unused")
public abstract class ReadmePrelude {
  /** A connected client: the README builds one in its first block. */
  protected CloudifyClient client;
  /** {@code Snapshots.of(client)}, as the Snapshots section declares it. */
  protected Snapshots snapshots;
  /** The caller's logger (SLF4J). */
  protected Logger log = LoggerFactory.getLogger(ReadmePrelude.class);
  /** A manager's URL and credentials, for blocks that build a client of their own. */
  protected String url;
  protected Credentials credentials;
  /** Passwords the reader has: the admin's, and on a migration the old and new managers' admins'. */
  protected String password;
  protected String sourceAdminPassword;
  protected String oldPassword;
  protected String newPassword;
  /** Execution ids: any execution, and a restore's. */
  protected String id;
  protected String restoreId;
}
