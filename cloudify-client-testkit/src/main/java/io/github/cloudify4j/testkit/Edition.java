package io.github.cloudify4j.testkit;

import java.util.Locale;

/**
 * The manager's edition. A community manager has no premium package: its premium-only endpoints ({@code /users},
 * {@code /user-groups}, {@code /license}, the {@code /managers} writes, …) answer 404
 * {@code missing_premium_package_error} (contract corpus, seq 8, 213, 214).
 */
public enum Edition {
  /** Cloudify community edition: no premium endpoints. */
  COMMUNITY,
  /** Cloudify premium edition (the fake's default). */
  PREMIUM;

  /**
   * The {@code edition} value of {@code GET /api/version}: {@code community} or {@code premium}.
   *
   * @return {@code community} or {@code premium}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code community} or {@code premium}, in any letter case.
   *
   * @param text the edition's name
   * @return the edition
   * @throws IllegalArgumentException for any other name
   */
  public static Edition parse(String text) {
    for (Edition e : values()) {
      if (e.name().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("Unknown edition: " + text + " (use community or premium)");
  }
}
