package io.github.cloudify4j.examples.boundary;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The three published modules as built: each one's jar (after {@code package}) or its {@code target/classes} (when
 * only {@code test} runs), found through the code source of one of its classes, and the class names it holds.
 */
enum PublishedModules {
  CORE("cloudify-client-core", "io.github.cloudify4j.core", CloudifyClient.class),
  SNAPSHOTS("cloudify-client-snapshots", "io.github.cloudify4j.snapshots", Snapshots.class),
  TESTKIT("cloudify-client-testkit", "io.github.cloudify4j.testkit", FakeCloudifyManager.class);

  final String artifactId;
  final String moduleName;
  final Class<?> anchor;

  PublishedModules(String artifactId, String moduleName, Class<?> anchor) {
    this.artifactId = artifactId;
    this.moduleName = moduleName;
    this.anchor = anchor;
  }

  /** The jar or class directory this module's classes were loaded from. */
  Path location() {
    return locationOf(anchor);
  }

  static Path locationOf(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  ModuleDescriptor descriptor() {
    return ModuleFinder.of(location()).find(moduleName)
        .orElseThrow(() -> new AssertionError("no module " + moduleName + " at " + location()))
        .descriptor();
  }

  /** Binary names of the classes in this module, by package (module-info and package-info left out). */
  Map<String, List<String>> classesByPackage() {
    Map<String, List<String>> out = new TreeMap<>();
    for (String entry : entries()) {
      if (!entry.endsWith(".class") || entry.endsWith("module-info.class") || entry.endsWith("package-info.class")
          || entry.startsWith("META-INF/")) {
        continue;
      }
      String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
      int dot = name.lastIndexOf('.');
      out.computeIfAbsent(name.substring(0, dot), k -> new ArrayList<>()).add(name);
    }
    return out;
  }

  private List<String> entries() {
    Path location = location();
    TreeSet<String> names = new TreeSet<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files.filter(Files::isRegularFile)
              .forEach(f -> names.add(location.relativize(f).toString().replace('\\', '/')));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          jar.stream().map(JarEntry::getName).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(names);
  }
}
