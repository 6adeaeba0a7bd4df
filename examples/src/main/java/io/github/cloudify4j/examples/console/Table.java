package io.github.cloudify4j.examples.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns. Columns whose header ends with {@code >} are right-aligned (numbers,
 * sizes, durations); the marker is not printed.
 *
 * <pre>{@code
 * Table t = new Table("ID", "STATUS", "SIZE>");
 * t.row("daily-1", "created", "12.3 MiB");
 * t.print(System.out);
 * }</pre>
 */
public final class Table {
  private final String[] headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();
  private String indent = "  ";

  public Table(String... headers) {
    this.headers = new String[headers.length];
    this.right = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      right[i] = headers[i].endsWith(">");
      this.headers[i] = right[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
    }
  }

  /** Indentation of every line (default two spaces). */
  public Table indent(String indent) {
    this.indent = indent;
    return this;
  }

  /** Adds a row; missing cells are empty, null shows as "-". */
  public Table row(Object... cells) {
    String[] r = new String[headers.length];
    Arrays.fill(r, "");
    for (int i = 0; i < Math.min(cells.length, r.length); i++) {
      r[i] = cells[i] == null ? "-" : String.valueOf(cells[i]);
    }
    rows.add(r);
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** The table as lines (no trailing spaces). */
  public List<String> lines() {
    int[] width = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      width[i] = headers[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    out.add(line(headers, width));
    String[] rule = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      rule[i] = "-".repeat(width[i]);
    }
    out.add(line(rule, width));
    for (String[] r : rows) {
      out.add(line(r, width));
    }
    return out;
  }

  public void print(PrintStream out) {
    for (String l : lines()) {
      out.println(l);
    }
  }

  @Override
  public String toString() {
    return String.join(System.lineSeparator(), lines());
  }

  private String line(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder(indent);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      String pad = " ".repeat(width[i] - c.length());
      if (i > 0) {
        sb.append("  ");
      }
      sb.append(right[i] ? pad + c : c + pad);
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    return sb.substring(0, end);
  }
}
