package io.github.cloudify4j.examples.readme;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The {@code ```java} blocks of a Markdown file, and their compilation against the test class path.
 *
 * <p>A block is compiled as it stands in the file, with nothing copied by hand:
 * <ul>
 *   <li>a block whose first declaration is a class (or interface, enum, record) is a compilation unit of its own;
 *   <li>any other block is the body of a method {@code void block() throws Exception} in a subclass of
 *       {@link ReadmePrelude}, which declares the few names the README's text introduces ({@code client},
 *       {@code snapshots}, {@code password}...).
 * </ul>
 * Both get the same imports: every public package of cloudify4j found on the class path (all but {@code internal}
 * and {@code spi}), {@code java.io}, {@code java.net}, {@code java.nio.file}, {@code java.time}, {@code java.util},
 * SLF4J's {@code Logger}, JUnit's {@code @Test}, {@code @RegisterExtension}, {@code @TempDir} and AssertJ's
 * {@code assertThat}. Each block gets its own package ({@code readme.line<N>}), so blocks never see each other.
 *
 * <p>A block that is not meant to compile (pseudo-code) must say so on its first line with {@link #NOT_COMPILED}
 * followed by the reason; such blocks are counted, and the test fixes how many there may be.
 */
public final class ReadmeBlocks {
  /** First line of a block that is deliberately not compiled: {@code // readme: not compiled, <reason>}. */
  public static final String NOT_COMPILED = "// readme: not compiled";

  private static final Pattern OPEN = Pattern.compile("^\\s*```java\\s*$");
  private static final Pattern CLOSE = Pattern.compile("^\\s*```\\s*$");
  private static final Pattern TYPE_DECLARATION = Pattern.compile(
      "^(?:(?:public|final|abstract|static|sealed)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

  private static final List<String> FIXED_IMPORTS = List.of(
      "import static org.assertj.core.api.Assertions.assertThat;",
      "import java.io.*;",
      "import java.net.*;",
      "import java.nio.file.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import org.junit.jupiter.api.Test;",
      "import org.junit.jupiter.api.extension.RegisterExtension;",
      "import org.junit.jupiter.api.io.TempDir;",
      "import org.slf4j.Logger;",
      "import org.slf4j.LoggerFactory;");

  private ReadmeBlocks() {}

  /** One {@code ```java} block: where its first line is in the file (1-based) and its text. */
  public static final class Block {
    private final int firstLine;
    private final String text;

    Block(int firstLine, String text) {
      this.firstLine = firstLine;
      this.text = text;
    }

    /** The file's line number of the block's first line (the one after the opening fence). */
    public int firstLine() {
      return firstLine;
    }

    public String text() {
      return text;
    }

    /** Marked with {@link #NOT_COMPILED} on its first line. */
    public boolean notCompiled() {
      return text.strip().startsWith(NOT_COMPILED);
    }

    /** The name of the class the block declares, if it is a whole class; else null. */
    public String declaredType() {
      for (String line : text.split("\n", -1)) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("//") || s.startsWith("@") || s.startsWith("import ")) {
          continue;
        }
        Matcher m = TYPE_DECLARATION.matcher(s);
        return m.find() ? m.group(1) : null;
      }
      return null;
    }

    /** The package the block is compiled in. */
    public String packageName() {
      return "readme.line" + firstLine;
    }

    @Override
    public String toString() {
      return "block at line " + firstLine;
    }
  }

  /** Every {@code ```java} block of {@code markdown}, in order. An unclosed block is an error. */
  public static List<Block> extract(String markdown) {
    requireNonNull(markdown, "markdown == null");
    String[] lines = markdown.split("\r?\n", -1);
    List<Block> blocks = new ArrayList<>();
    int open = -1;
    boolean inOtherFence = false;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (open >= 0) {
        if (CLOSE.matcher(line).matches()) {
          blocks.add(new Block(open + 2, text.toString()));
          open = -1;
          text.setLength(0);
        } else {
          text.append(line).append('\n');
        }
      } else if (inOtherFence) {
        inOtherFence = !CLOSE.matcher(line).matches();
      } else if (OPEN.matcher(line).matches()) {
        open = i;
      } else if (line.strip().startsWith("```")) {
        inOtherFence = true;
      }
    }
    if (open >= 0) {
      throw new IllegalArgumentException("line " + (open + 1) + ": a ```java block is never closed");
    }
    return blocks;
  }

  /** What a compilation found: one message per error, each starting with the file's line number. */
  public static final class Result {
    private final List<String> errors;
    private final Path classes;

    Result(List<String> errors, Path classes) {
      this.errors = List.copyOf(errors);
      this.classes = classes;
    }

    public List<String> errors() {
      return errors;
    }

    /** Where the compiled classes are. */
    public Path classes() {
      return classes;
    }
  }

  /**
   * Compiles every block not marked {@link #NOT_COMPILED} in one compiler task, into {@code out}, against the
   * current class path. {@code fileName} only names the file in messages.
   */
  public static Result compile(String fileName, List<Block> blocks, Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime (a JRE?): README blocks cannot be compiled");
    }
    String classPath = System.getProperty("java.class.path");
    List<String> imports = imports(classPath);
    List<Source> sources = new ArrayList<>();
    for (Block b : blocks) {
      if (!b.notCompiled()) {
        sources.add(Source.of(b, imports));
      }
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-classpath", classPath, "-d", out.toString(), "-proc:none", "-implicit:none",
        "-Xlint:none", "-encoding", "UTF-8");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, options, null, sources).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      if (d.getSource() instanceof Source) {
        Source s = (Source) d.getSource();
        errors.add(s.describe(fileName, d.getLineNumber(), d.getMessage(Locale.ROOT)));
      } else {
        errors.add(fileName + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return new Result(errors, out);
  }

  /** The fixed imports plus an on-demand import of every public cloudify4j package on {@code classPath}. */
  static List<String> imports(String classPath) {
    List<String> imports = new ArrayList<>(FIXED_IMPORTS);
    publicPackages(classPath).forEach(p -> imports.add("import " + p + ".*;"));
    return imports;
  }

  /** Every cloudify4j package on {@code classPath} but {@code internal} and {@code spi} ones (and the examples). */
  public static Set<String> publicPackages(String classPath) {
    Set<String> packages = new TreeSet<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        packages.addAll(packagesIn(Path.of(entry)));
      }
    }
    for (String root : List.of("io.github.cloudify4j.client", "io.github.cloudify4j.snapshots",
        "io.github.cloudify4j.testkit")) {
      if (!packages.contains(root)) {
        throw new IllegalStateException(root + " is not on the class path " + classPath);
      }
    }
    return packages;
  }

  private static Set<String> packagesIn(Path entry) {
    Set<String> packages = new TreeSet<>();
    if (Files.isDirectory(entry)) {
      Path root = entry.resolve("io/github/cloudify4j");
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".class"))
              .map(p -> entry.relativize(p.getParent()).toString().replace(File.separatorChar, '.'))
              .forEach(packages::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
      try (JarFile jar = new JarFile(entry.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          if (name.startsWith("io/github/cloudify4j/") && name.endsWith(".class") && name.indexOf('/') >= 0) {
            packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return packages.stream().filter(ReadmeBlocks::isPublicPackage).collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean isPublicPackage(String p) {
    List<String> segments = List.of(p.split("\\."));
    return !segments.contains("internal") && !segments.contains("spi") && !segments.contains("META-INF")
        && !p.startsWith("io.github.cloudify4j.examples");
  }

  /** A block as a compilation unit, and the way back from the unit's lines to the file's. */
  private static final class Source extends SimpleJavaFileObject {
    private final Block block;
    private final String code;
    private final int headerLines;
    private final int blockLines;

    private Source(Block block, String code, int headerLines) {
      super(URI.create("string:///" + block.packageName().replace('.', '/') + "/"
          + (block.declaredType() != null ? block.declaredType() : "Block") + ".java"), Kind.SOURCE);
      this.block = block;
      this.code = code;
      this.headerLines = headerLines;
      this.blockLines = (int) block.text().chars().filter(c -> c == '\n').count();
    }

    static Source of(Block b, List<String> imports) {
      StringBuilder header = new StringBuilder();
      header.append("package ").append(b.packageName()).append(";\n");
      imports.forEach(i -> header.append(i).append('\n'));
      boolean wholeClass = b.declaredType() != null;
      if (!wholeClass) {
        header.append("class Block extends ").append(ReadmePrelude.class.getName()).append(" {\n");
        header.append("void block() throws Exception {\n");
      }
      int headerLines = (int) header.chars().filter(c -> c == '\n').count();
      String code = header + b.text() + (wholeClass ? "" : "}\n}\n");
      return new Source(b, code, headerLines);
    }

    String describe(String fileName, long unitLine, String message) {
      long line = unitLine - headerLines;   // 1-based within the block
      String where;
      if (line >= 1 && line <= blockLines) {
        where = fileName + ":" + (block.firstLine() + line - 1);
      } else {
        where = fileName + ":" + block.firstLine() + " (the " + block + ", in the code wrapped around it)";
      }
      return where + ": " + message;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
