/**
 * What the SDK's workflows ({@code RestoreOrchestrator}, {@code BackupJob}, {@code Migration}) share: one listener
 * shape ({@link io.github.cloudify4j.snapshots.workflow.WorkflowListener}) and one record of a step ({@link
 * io.github.cloudify4j.snapshots.workflow.StepResult}), so that a progress display written for a restore also
 * shows a backup. Each workflow names its steps with its own enum.
 */
package io.github.cloudify4j.snapshots.workflow;
