package io.github.cloudify4j.snapshots.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cloudify manager or snapshot version such as {@code 7.0.4}, {@code 6.4.2}, {@code 5.0.5.1},
 * {@code 7.1.0.dev1} or {@code 7.0.0-ga}, parsed leniently and compared numerically.
 *
 * <h2>Parsing</h2>
 * An optional leading {@code v} is dropped. Everything after the first {@code '-'} or {@code '+'}
 * is a qualifier. The rest is split on dots; leading all-digit parts are the numeric components
 * (a part like {@code 0rc1} contributes {@code 0} and starts the qualifier); the first part that
 * does not start with a digit (such as {@code dev1}) and everything after it are the qualifier.
 * At least one numeric component is required.
 *
 * <h2>Ordering: qualifiers are ignored</h2>
 * {@link #compareTo} compares all numeric components, missing ones counting as zero, so
 * {@code 7.0 == 7.0.0} and {@code 5.0.5.1 > 5.0.5}. Qualifiers do <em>not</em> take part:
 * {@code 7.1.0.dev1}, {@code 7.1.0-ga} and {@code 7.1.0} are equal. This is deliberate: the
 * manager itself ({@code cloudify.utils.ManagerVersion} in cloudify-common) drops every
 * non-numeric part, so a development build of 7.1.0 <em>is</em> 7.1.0 for every server-side check;
 * ranking it below the release would make the SDK refuse restores the server accepts.
 * {@link #equals} and {@link #hashCode} agree with {@code compareTo}; {@link #raw()} keeps the
 * original text.
 *
 * <h2>The server's own comparison</h2>
 * The manager compares only major, minor and service (the first three components): to it,
 * {@code 5.0.5.1} equals {@code 5.0.5}. {@link #compareLikeServer} reproduces that, and
 * {@link RestoreChecks} uses it so the SDK refuses exactly what the server would.
 */
public final class ArchiveVersion implements Comparable<ArchiveVersion> {

    private static final int MAX_DIGITS = 9;

    private final String raw;
    private final List<Integer> components;
    private final String qualifier;

    private ArchiveVersion(String raw, List<Integer> components, String qualifier) {
        this.raw = raw;
        this.components = components;
        this.qualifier = qualifier;
    }

    /**
     * Parses a version string.
     *
     * @param version text such as {@code "7.0.4"} or {@code "7.1.0.dev1"}
     * @return the parsed version
     * @throws NullPointerException if {@code version} is null
     * @throws IllegalArgumentException if it is blank or has no leading numeric component
     */
    public static ArchiveVersion parse(String version) {
        Objects.requireNonNull(version, "version == null");
        String text = version.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("version is blank");
        }
        String body = text;
        if (body.length() > 1 && (body.charAt(0) == 'v' || body.charAt(0) == 'V')
                && Character.isDigit(body.charAt(1))) {
            body = body.substring(1);
        }
        String qualifier = "";
        int cut = indexOfAny(body, '-', '+');
        if (cut >= 0) {
            qualifier = body.substring(cut + 1);
            body = body.substring(0, cut);
        }
        List<Integer> numbers = new ArrayList<>();
        String[] parts = body.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int digits = leadingDigits(part);
            if (digits == 0) {
                qualifier = joinQualifier(String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length)),
                        qualifier);
                break;
            }
            if (digits > MAX_DIGITS) {
                throw new IllegalArgumentException("version component too large in \"" + version + "\"");
            }
            numbers.add(Integer.parseInt(part.substring(0, digits)));
            if (digits < part.length()) {
                String rest = part.substring(digits);
                if (i + 1 < parts.length) {
                    rest = rest + "." + String.join(".", java.util.Arrays.copyOfRange(parts, i + 1, parts.length));
                }
                qualifier = joinQualifier(rest, qualifier);
                break;
            }
        }
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("not a version (no leading number): \"" + version + "\"");
        }
        return new ArchiveVersion(text, Collections.unmodifiableList(numbers), qualifier);
    }

    /**
     * Like {@link #parse} but returns empty instead of throwing, for values read from files.
     *
     * @param version text, may be null
     * @return the version, or empty if {@code version} is null, blank or unparseable
     */
    public static Optional<ArchiveVersion> tryParse(String version) {
        if (version == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(version));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns the text this version was parsed from (trimmed). */
    public String raw() {
        return raw;
    }

    /** Returns the numeric components as written, e.g. {@code [5, 0, 5, 1]}. Never empty. */
    public List<Integer> components() {
        return components;
    }

    /** Returns the first component. */
    public int major() {
        return component(0);
    }

    /** Returns the second component, 0 if absent. */
    public int minor() {
        return component(1);
    }

    /** Returns the third component (Cloudify calls it "service"), 0 if absent. */
    public int service() {
        return component(2);
    }

    /** Returns the qualifier ({@code "dev1"}, {@code "ga"}, ...), empty if there is none. */
    public String qualifier() {
        return qualifier;
    }

    /** Returns whether this version orders strictly after {@code other} (see {@link #compareTo}). */
    public boolean isNewerThan(ArchiveVersion other) {
        return compareTo(other) > 0;
    }

    /** Returns whether this version orders strictly before {@code other} (see {@link #compareTo}). */
    public boolean isOlderThan(ArchiveVersion other) {
        return compareTo(other) < 0;
    }

    /**
     * Compares all numeric components (missing ones are zero); the qualifier is ignored.
     *
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public int compareTo(ArchiveVersion other) {
        Objects.requireNonNull(other, "other == null");
        return compareFirst(other, Math.max(components.size(), other.components.size()));
    }

    /**
     * Compares the way the manager does: major, minor and service only, qualifier and any fourth
     * component ignored, so {@code 5.0.5.1} and {@code 5.0.5} compare equal.
     *
     * @throws NullPointerException if {@code other} is null
     */
    public int compareLikeServer(ArchiveVersion other) {
        Objects.requireNonNull(other, "other == null");
        return compareFirst(other, 3);
    }

    private int compareFirst(ArchiveVersion other, int count) {
        for (int i = 0; i < count; i++) {
            int c = Integer.compare(component(i), other.component(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int component(int index) {
        return index < components.size() ? components.get(index) : 0;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ArchiveVersion && compareTo((ArchiveVersion) o) == 0);
    }

    @Override
    public int hashCode() {
        int last = components.size();
        while (last > 1 && components.get(last - 1) == 0) {
            last--;
        }
        return components.subList(0, last).hashCode();
    }

    /** Returns {@link #raw()}. */
    @Override
    public String toString() {
        return raw;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static int leadingDigits(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static String joinQualifier(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "-" + second;
    }
}
