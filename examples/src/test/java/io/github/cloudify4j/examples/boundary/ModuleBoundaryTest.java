package io.github.cloudify4j.examples.boundary;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cloudify4j.client.InternalApi;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import retrofit2.Retrofit;

/**
 * The module boundary as a user on the module path meets it: the built jars and their dependencies are loaded as a
 * {@link ModuleLayer}, and this test (in the unnamed module, like a user's code) tries to reach what it should and
 * should not. Run after {@code package} (in {@code mvn verify}) it checks the jars that get published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleBoundaryTest {
  private static final String CLIENT = "io.github.cloudify4j.client";
  private static final String SNAPSHOTS = "io.github.cloudify4j.snapshots";

  private ModuleLayer layer;
  private FakeCloudifyManager manager;

  @BeforeAll
  void layer() {
    List<Path> paths = new ArrayList<>();
    for (PublishedModules m : PublishedModules.values()) {
      paths.add(m.location());
    }
    // Only the dependencies the published modules need at run time (not JUnit: the testkit requires it static).
    for (Class<?> dependency : List.of(ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class, Jdk8Module.class,
        JavaTimeModule.class, OkHttpClient.class, okio.Buffer.class, Retrofit.class,
        kotlin.Unit.class, org.slf4j.Logger.class,
        // Micrometer is optional (requires static), and a client built directly never loads it
        // (snapshots/observation/WithoutMicrometerTest). This test calls the builder by reflection, and
        // Class.getMethod resolves the types of every public method, observationRegistry(ObservationRegistry) too.
        io.micrometer.observation.ObservationRegistry.class, io.micrometer.common.KeyValue.class)) {
      paths.add(PublishedModules.locationOf(dependency));
    }
    ModuleFinder finder = ModuleFinder.of(paths.toArray(new Path[0]));
    Set<String> roots = Stream.concat(Stream.of(PublishedModules.values()).map(m -> m.moduleName),
        Stream.of("kotlin.stdlib", "micrometer.observation", "micrometer.commons")).collect(toSet());
    Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), roots);
    layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    manager = FakeCloudifyManager.builder().build().start();
  }

  @AfterAll
  void close() {
    manager.close();
  }

  @Test
  void coreExportsItsApiAndTheSpiOnlyToSnapshots() {
    ModuleDescriptor core = PublishedModules.CORE.descriptor();
    assertThat(unqualifiedExports(core)).containsExactlyInAnyOrder(CLIENT, CLIENT + ".errors",
        CLIENT + ".executions", CLIENT + ".maintenance", CLIENT + ".manager", CLIENT + ".model", CLIENT + ".observation",
        CLIENT + ".poll");
    assertThat(core.exports().stream().filter(Exports::isQualified))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.source()).isEqualTo(CLIENT + ".spi");
          assertThat(e.targets()).containsExactly(PublishedModules.SNAPSHOTS.moduleName);
        });
    assertThat(core.packages()).contains(CLIENT + ".internal", CLIENT + ".spi");
    assertThat(core.isOpen()).isFalse();
    assertThat(core.opens()).allSatisfy(o -> assertThat(o.isQualified()).as("opens %s", o).isTrue());
  }

  @Test
  void snapshotsAndTestkitExportNoInternalPackage() {
    ModuleDescriptor snapshots = PublishedModules.SNAPSHOTS.descriptor();
    assertThat(unqualifiedExports(snapshots)).containsExactlyInAnyOrder(SNAPSHOTS, SNAPSHOTS + ".archive",
        SNAPSHOTS + ".backup", SNAPSHOTS + ".cluster", SNAPSHOTS + ".observation", SNAPSHOTS + ".restore",
        SNAPSHOTS + ".workflow");
    assertThat(snapshots.packages()).contains(SNAPSHOTS + ".internal");
    ModuleDescriptor testkit = PublishedModules.TESTKIT.descriptor();
    assertThat(unqualifiedExports(testkit)).containsExactly("io.github.cloudify4j.testkit");
    assertThat(testkit.packages()).contains("io.github.cloudify4j.testkit.internal");
    for (ModuleDescriptor d : List.of(snapshots, testkit)) {
      assertThat(d.exports()).noneMatch(Exports::isQualified);
      assertThat(d.isOpen()).isFalse();
      assertThat(d.opens()).allSatisfy(o -> assertThat(o.isQualified()).as("opens %s", o).isTrue());
    }
    // JUnit is optional for the testkit: only its extension uses it.
    assertThat(testkit.requires()).filteredOn(r -> r.name().equals("org.junit.jupiter.api"))
        .singleElement().satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
  }

  @Test
  void theLayerEnforcesIt() {
    Module core = module(PublishedModules.CORE);
    Module snapshots = module(PublishedModules.SNAPSHOTS);
    Module testkit = module(PublishedModules.TESTKIT);
    Module user = getClass().getModule();
    assertThat(core.isExported(CLIENT, user)).isTrue();
    assertThat(core.isExported(CLIENT + ".internal", user)).isFalse();
    assertThat(core.isExported(CLIENT + ".internal", snapshots)).isFalse();
    assertThat(core.isExported(CLIENT + ".spi", user)).isFalse();
    assertThat(core.isExported(CLIENT + ".spi", snapshots)).isTrue();
    assertThat(snapshots.isExported(SNAPSHOTS + ".internal", user)).isFalse();
    assertThat(testkit.isExported("io.github.cloudify4j.testkit.internal", user)).isFalse();
  }

  @Test
  void userCodeCannotCallTheSpiOrInternals() throws Exception {
    Class<?> clientType = load(PublishedModules.CORE, CLIENT + ".CloudifyClient");
    // A public static method of a public type: reachable on the class path, refused on the module path.
    Method contextOf = load(PublishedModules.CORE, CLIENT + ".spi.ClientContext").getMethod("of", clientType);
    assertThatThrownBy(() -> contextOf.invoke(null, (Object) null)).isInstanceOf(IllegalAccessException.class);
    Method internal = load(PublishedModules.CORE, CLIENT + ".internal.InternalAccess")
        .getMethod("context", clientType);
    assertThatThrownBy(() -> internal.invoke(null, (Object) null)).isInstanceOf(IllegalAccessException.class);
    assertThat(contextOf.trySetAccessible()).isFalse();
    // The control: the same kind of call into an exported package works.
    Object none = load(PublishedModules.CORE, CLIENT + ".ListParams").getMethod("none").invoke(null);
    assertThat(none.getClass().getModule()).isEqualTo(module(PublishedModules.CORE));
  }

  @Test
  void theModulesWorkOnTheModulePath() throws Exception {
    // Retrofit proxies internal interfaces and Jackson binds models and internal DTOs: the opens must suffice.
    Class<?> credentials = load(PublishedModules.CORE, CLIENT + ".Credentials");
    Object basic = credentials.getMethod("basic", String.class, String.class)
        .invoke(null, manager.adminUsername(), manager.adminPassword());
    Class<?> clientType = load(PublishedModules.CORE, CLIENT + ".CloudifyClient");
    Object builder = clientType.getMethod("builder").invoke(null);
    builder.getClass().getMethod("manager", String.class).invoke(builder, manager.baseUrl());
    builder.getClass().getMethod("credentials", credentials).invoke(builder, basic);
    try (AutoCloseable client = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
      Object managerResource = clientType.getMethod("manager").invoke(client);
      Object version = load(PublishedModules.CORE, CLIENT + ".manager.Manager").getMethod("version")
          .invoke(managerResource);
      assertThat(load(PublishedModules.CORE, CLIENT + ".model.ServerVersion").getMethod("versionText")
          .invoke(version)).isEqualTo("7.0.4");

      Class<?> snapshotsType = load(PublishedModules.SNAPSHOTS, SNAPSHOTS + ".Snapshots");
      Object snapshots = snapshotsType.getMethod("of", clientType).invoke(null, client);
      Class<?> listParams = load(PublishedModules.CORE, CLIENT + ".ListParams");
      Object page = snapshotsType.getMethod("list", listParams)
          .invoke(snapshots, listParams.getMethod("none").invoke(null));
      assertThat(page.getClass().getModule()).isEqualTo(module(PublishedModules.CORE));
      assertThat(load(PublishedModules.CORE, CLIENT + ".model.Page").getMethod("items").invoke(page))
          .isInstanceOf(List.class);
    }
  }

  /** On the class path, where modules do not apply, every public type of internal and spi is marked. */
  @Test
  void internalAndSpiTypesAreMarkedForTheClassPath() throws Exception {
    List<String> checked = new ArrayList<>();
    for (PublishedModules m : List.of(PublishedModules.CORE, PublishedModules.SNAPSHOTS)) {
      for (Map.Entry<String, List<String>> p : m.classesByPackage().entrySet()) {
        if (!p.getKey().endsWith(".internal") && !p.getKey().endsWith(".spi")) {
          continue;
        }
        for (String name : p.getValue()) {
          Class<?> type = Class.forName(name, false, getClass().getClassLoader());
          if (Modifier.isPublic(type.getModifiers()) && type.getEnclosingClass() == null) {
            assertThat(type.isAnnotationPresent(InternalApi.class)).as("%s is @InternalApi", name).isTrue();
            checked.add(name);
          }
        }
      }
    }
    assertThat(checked).contains(CLIENT + ".spi.ClientContext", CLIENT + ".internal.Transport",
        SNAPSHOTS + ".internal.SnapshotsApi");
  }

  private static Set<String> unqualifiedExports(ModuleDescriptor d) {
    return d.exports().stream().filter(e -> !e.isQualified()).map(Exports::source).collect(toSet());
  }

  private Module module(PublishedModules m) {
    return layer.findModule(m.moduleName).orElseThrow();
  }

  private Class<?> load(PublishedModules m, String name) throws ClassNotFoundException {
    Class<?> type = Class.forName(name, false, layer.findLoader(m.moduleName));
    assertThat(type.getModule()).isEqualTo(module(m));
    return type;
  }
}
