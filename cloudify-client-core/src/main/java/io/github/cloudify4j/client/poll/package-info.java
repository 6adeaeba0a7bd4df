/**
 * Waiting for the manager, as data: what to ask ({@code probe}), which answers mean success, failure or "ask
 * again", and how long and how often to ask ({@link io.github.cloudify4j.client.poll.PollOptions}). Bounded by
 * both time and attempts; every wait goes through the client's {@link io.github.cloudify4j.client.Sleeper} and
 * {@link java.time.Clock}, so tests run instantly.
 */
package io.github.cloudify4j.client.poll;
