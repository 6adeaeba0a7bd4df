/**
 * The restore procedure of the Cloudify backup and restore guide, made safe: {@link
 * io.github.cloudify4j.snapshots.restore.RestoreOrchestrator} plans it as data, checks everything it can before the
 * manager changes, runs it step by step (upload, maintenance mode verified, restore, follow-up through the restart
 * window, re-authentication, health, verification), rolls back what it changed when it fails early, resumes a
 * restore already running, and reports COMPLETE, PARTIAL or FAILED. {@link
 * io.github.cloudify4j.snapshots.restore.Migration} moves a manager's data to a new manager with it.
 */
package io.github.cloudify4j.snapshots.restore;
