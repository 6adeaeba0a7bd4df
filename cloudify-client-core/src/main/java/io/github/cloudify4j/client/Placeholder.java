package io.github.cloudify4j.client;
final class Placeholder {}
