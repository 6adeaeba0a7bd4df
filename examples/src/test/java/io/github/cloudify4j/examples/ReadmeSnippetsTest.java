package io.github.cloudify4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.cloudify4j.examples.readme.ReadmeBlocks;
import io.github.cloudify4j.examples.readme.ReadmeBlocks.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The README's Java, compiled from README.md itself: every {@code ```java} block is extracted and compiled
 * against the test class path (all blocks in one compiler task; see {@link ReadmeBlocks} for how a block becomes a
 * compilation unit and {@link io.github.cloudify4j.examples.readme.ReadmePrelude} for the names a block may assume).
 * A failure names the README line and the compiler's message. The README's JUnit test class (the testkit section)
 * also runs, for real, against the fake manager.
 *
 * <p>There are no copies to keep in step: change the README, and this test checks the change.
 */
class ReadmeSnippetsTest {
  /** The test runs in {@code examples/}; the README is the repository's. */
  private static final Path README = Path.of("..", "README.md");

  /**
   * How many README blocks may be marked {@value ReadmeBlocks#NOT_COMPILED}. Zero: every block is real code. Raising
   * it is a deliberate act, with the reason written in the block's marker line.
   */
  private static final int NOT_COMPILED_ALLOWED = 0;

  @TempDir
  static Path classes;

  private static String markdown;
  private static List<Block> blocks;
  private static ReadmeBlocks.Result compiled;

  @BeforeAll
  static void compileTheReadme() throws IOException {
    Path readme = README.toAbsolutePath().normalize();
    assertThat(readme)
        .as("README.md at the repository root (the test's working directory must be examples/, as in the Maven"
            + " build)")
        .isRegularFile();
    markdown = Files.readString(readme, StandardCharsets.UTF_8);
    blocks = ReadmeBlocks.extract(markdown);
    compiled = ReadmeBlocks.compile("README.md", blocks, classes);
  }

  @Test
  void everyJavaBlockOfTheReadmeCompiles() {
    assertThat(compiled.errors())
        .as("README.md's Java blocks must compile against the real API:%n%s",
            String.join(System.lineSeparator(), compiled.errors()))
        .isEmpty();
  }

  @Test
  void everyJavaBlockIsCovered() {
    long fences = markdown.lines().filter(l -> l.strip().equals("```java")).count();
    assertThat(blocks).as("every ```java fence is extracted").hasSize((int) fences);
    assertThat(blocks).as("the README has its Java examples").hasSizeGreaterThanOrEqualTo(10);
    List<Integer> notCompiled = blocks.stream().filter(Block::notCompiled).map(Block::firstLine)
        .collect(Collectors.toList());
    assertThat(notCompiled)
        .as("README blocks marked '%s' (lines %s); NOT_COMPILED_ALLOWED says how many may be",
            ReadmeBlocks.NOT_COMPILED, notCompiled)
        .hasSize(NOT_COMPILED_ALLOWED);
  }

  @Test
  void theReadmesTestClassRunsAgainstTheFakeManager() throws Exception {
    assertThat(compiled.errors()).as("compiled").isEmpty();
    List<Block> testClasses = blocks.stream()
        .filter(b -> b.declaredType() != null && b.text().contains("@Test"))
        .collect(Collectors.toList());
    assertThat(testClasses).as("the testkit section's test class").isNotEmpty();

    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent)) {
      Thread.currentThread().setContextClassLoader(loader);
      for (Block b : testClasses) {
        Class<?> type = loader.loadClass(b.packageName() + "." + b.declaredType());
        TestExecutionSummary summary = run(type);
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 20);
        assertThat(summary.getTotalFailureCount()).as("README.md:%d %s failed:%n%s", b.firstLine(),
            b.declaredType(), failures).isZero();
        assertThat(summary.getTestsSucceededCount()).as("README.md:%d %s ran", b.firstLine(), b.declaredType())
            .isEqualTo(b.text().split("@Test", -1).length - 1);
      }
    } finally {
      Thread.currentThread().setContextClassLoader(parent);
    }
  }

  private static TestExecutionSummary run(Class<?> type) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(type)).build(), listener);
    return listener.getSummary();
  }

  /**
   * Inline code in the README's prose that names a call on a type, like {@code `TlsConfig.trustPem(path)`}: the
   * type must be a public cloudify4j type and have a public method of that name. Only the first call of a chain is
   * checked.
   */
  @Test
  void inlineCodeNamesMethodsThatExist() {
    Set<String> packages = ReadmeBlocks.publicPackages(System.getProperty("java.class.path"));
    Matcher m = Pattern.compile("`([A-Z]\\w*)\\.(\\w+)\\(").matcher(markdown);
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    while (m.find()) {
      String claim = m.group(1) + "." + m.group(2);
      Class<?> type = packages.stream().map(p -> load(p + "." + m.group(1))).filter(c -> c != null).findFirst()
          .orElse(null);
      if (type == null) {
        wrong.add("README.md:" + lineOf(m.start()) + ": `" + claim + "`: no public type " + m.group(1));
      } else if (Arrays.stream(type.getMethods()).noneMatch(x -> x.getName().equals(m.group(2)))) {
        wrong.add("README.md:" + lineOf(m.start()) + ": `" + claim + "`: " + type.getName() + " has no public method "
            + m.group(2));
      }
      checked++;
    }
    assertThat(checked).as("inline calls checked").isGreaterThanOrEqualTo(5);
    assertThat(wrong).as("calls the README's prose names").isEmpty();
  }


  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ReadmeSnippetsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static int lineOf(int offset) {
    return (int) markdown.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  // The extractor and compiler themselves: a README error must be reported at its README line.

  @Test
  void aBrokenBlockIsReportedAtItsReadmeLineWithTheCompilersMessage(@TempDir Path out) {
    String md = String.join("\n",
        "# Title",                                                  // 1
        "",                                                         // 2
        "```java",                                                  // 3
        "ServerVersion v = client.manager().version();",            // 4
        "```",                                                      // 5
        "text",                                                     // 6
        "```java",                                                  // 7
        "Snapshots s = Snapshots.of(client);",                      // 8
        "s.noSuchMethod();",                                        // 9
        "```",                                                      // 10
        "```java",                                                  // 11
        "class Whole {",                                            // 12
        "  int x = \"text\";",                                      // 13
        "}",                                                        // 14
        "```",                                                      // 15
        "");
    List<Block> found = ReadmeBlocks.extract(md);
    assertThat(found).extracting(Block::firstLine).containsExactly(4, 8, 12);
    assertThat(found).extracting(Block::declaredType).containsExactly(null, null, "Whole");

    List<String> errors = ReadmeBlocks.compile("TEST.md", found, out).errors();

    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("TEST.md:9: ").contains("noSuchMethod");
    assertThat(errors.get(1)).startsWith("TEST.md:13: ").contains("String").contains("int");
  }

  @Test
  void otherFencesAreSkippedAndAnUnclosedJavaBlockIsAnError() {
    assertThat(ReadmeBlocks.extract("```xml\n```java\n```\n```java\nint a = 1;\n```\n"))
        .extracting(Block::firstLine, Block::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "int a = 1;\n"));
    assertThatThrownBy(() -> ReadmeBlocks.extract("x\n```java\nint a = 1;\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void theTestClassOfTheReadmeIsFoundByItsDeclaration() {
    Matcher m = Pattern.compile("(?m)^(?:public |final |abstract )*class (\\w+)").matcher(markdown);
    List<String> declared = new ArrayList<>();
    while (m.find()) {
      declared.add(m.group(1));
    }
    assertThat(blocks.stream().map(Block::declaredType).filter(t -> t != null).collect(Collectors.toList()))
        .containsExactlyElementsOf(declared);
  }
}
