package io.github.cloudify4j.snapshots.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Size-related behaviour: constant-memory counting of a large dump, and zip64 archives.
 * No timing assertions; the fixtures are sized to run in a few seconds.
 */
class LargeArchiveTest {

  private static final int ENTITIES = 200_000;
  private static final String CHILD_HEAP = "-Xmx32m";

  @TempDir
  static Path dir;

  static Path bigDump;

  @BeforeAll
  static void writeBigDump() {
    // ~60 MB of JSON in one entry: far more than the child JVM's heap once bound as a tree.
    bigDump = dir.resolve("big.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(bigDump, Deflater.BEST_SPEED)) {
      z.file("metadata.json", "{\"snapshot_version\": \"7.0.4\"}")
          .dir("tenants")
          .dir("tenants/default_tenant")
          .streamedDump("tenants/default_tenant/00000001.json", "node_instances", ENTITIES, 300);
    }
  }

  @Test
  void countsALargeDumpInProcess() {
    ArchiveInfo info = SnapshotArchive.inspect(bigDump);

    assertThat(info.count("default_tenant", "node_instances")).isEqualTo(ENTITIES);
    assertThat(info.totalUncompressedSize()).isGreaterThan(50_000_000L);
  }

  /**
   * Inspects the 60 MB dump in a JVM limited to 32 MB of heap, which only works if entities are
   * streamed rather than bound; the control run shows the same heap cannot hold the bound tree.
   */
  @Test
  void countsALargeDumpInConstantMemory() throws Exception {
    assertThat(runChild(InspectMain.class, bigDump.toString(), Integer.toString(ENTITIES)))
        .as("streaming inspection under %s", CHILD_HEAP).isZero();
    assertThat(runChild(BindMain.class, bigDump.toString(), "tenants/default_tenant/00000001.json"))
        .as("control: binding the same dump under %s must fail", CHILD_HEAP).isNotZero();
  }

  @Test
  void readsZip64ArchiveWithMoreThan65535Entries() throws Exception {
    int files = 70_000;
    Path zip = dir.resolve("zip64.zip");
    try (ArchiveFixtures.Zip z = ArchiveFixtures.zip(zip, Deflater.BEST_SPEED)) {
      z.file("metadata.json", "{\"snapshot_version\": \"7.0.4\"}").dir("tenants").dir("tenants/t");
      String one = ArchiveFixtures.dump("blueprints", 1);
      for (int i = 1; i <= files; i++) {
        z.file(String.format("tenants/t/%08d.json", i), one);
      }
    }
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      assertThat(zf.size()).as("more entries than a classic zip can hold").isGreaterThan(65_535);
    }

    ArchiveInfo info = SnapshotArchive.inspect(zip);

    assertThat(info.entryCount()).isEqualTo(files + 3);
    assertThat(info.dumpFileCount()).isEqualTo(files);
    assertThat(info.count("t", "blueprints")).isEqualTo(files);
  }

  private static int runChild(Class<?> main, String... args) throws Exception {
    List<String> classpath = new ArrayList<>();
    for (Class<?> c : new Class<?>[] {SnapshotArchive.class, LargeArchiveTest.class, JsonFactory.class,
        ObjectMapper.class, JsonAutoDetect.class,
        io.github.cloudify4j.client.errors.CloudifyException.class}) {
      classpath.add(Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add(CHILD_HEAP);
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child JVM did not finish: " + command);
    }
    return process.exitValue();
  }

  /** Child JVM: exit 0 iff inspect counts the expected number of entities. */
  public static final class InspectMain {
    public static void main(String[] args) {
      ArchiveInfo info = SnapshotArchive.inspect(Paths.get(args[0]));
      long expected = Long.parseLong(args[1]);
      System.exit(info.count("node_instances") == expected ? 0 : 3);
    }
  }

  /** Child JVM (control): binds one dump entry as a tree, the naive way. */
  public static final class BindMain {
    public static void main(String[] args) throws Exception {
      try (ZipFile zf = new ZipFile(args[0]); InputStream in = zf.getInputStream(zf.getEntry(args[1]))) {
        int size = new ObjectMapper().readTree(in).get("items").size();
        System.exit(size > 0 ? 0 : 4);
      } catch (OutOfMemoryError e) {
        System.exit(5);
      }
    }
  }
}
