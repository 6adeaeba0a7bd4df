package io.github.cloudify4j.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The body of {@code GET /api/version}: version, edition ({@code community}/{@code premium}), distribution. */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServerVersion.class)
@JsonDeserialize(as = ImmutableServerVersion.class)
public abstract class ServerVersion {

  ServerVersion() {}

  /** {@return a new, empty builder; {@link #versionText()} is required and must parse as a {@link Version}} */
  public static Builder builder() {
    return ImmutableServerVersion.builder();
  }

  /** {@return a builder that starts with every attribute of this value} */
  public Builder toBuilder() {
    return ImmutableServerVersion.builder().from(this);
  }

  /** {@return the version text, e.g. {@code 7.0.4}} */
  @JsonProperty("version")
  public abstract String versionText();

  /** {@return {@code community} or {@code premium}; empty if the server did not say} */
  @JsonProperty("edition")
  public abstract Optional<String> edition();

  /** {@return the OS distribution, e.g. {@code rhel}; empty if the server did not say} */
  @JsonProperty("distribution")
  public abstract Optional<String> distribution();

  /** {@return the OS release, e.g. {@code Ootpa}; empty if the server did not say} */
  @JsonProperty("distro_release")
  public abstract Optional<String> distroRelease();

  /** {@return the build id; empty if the server did not say} */
  @JsonProperty("build")
  public abstract Optional<String> build();

  /** {@return the parsed version} */
  @JsonIgnore
  @Value.Derived
  public Version version() {
    return Version.parse(versionText());
  }

  /** Refuses a version text that does not parse (called by the generated implementation). */
  @Value.Check
  protected void check() {
    Version.parse(versionText());
  }

  /**
   * Whether the manager is at least this version, comparing every component given.
   *
   * @param numbers the version's components, e.g. {@code 6, 4}
   * @return true when the manager's version is that one or newer
   * @throws IllegalArgumentException when no number or a negative one is given
   */
  public final boolean isAtLeast(int... numbers) {
    return version().isAtLeast(Version.of(numbers));
  }

  /** Equal when every attribute is equal. */
  @Override
  public abstract boolean equals(Object other);

  /** A hash of every attribute, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();

  /** Builds a {@link ServerVersion}; optional attributes take {@code null} for "absent". */
  public interface Builder {
    /**
     * Sets {@link ServerVersion#versionText()}.
     *
     * @param versionText the new value of {@link ServerVersion#versionText()}
     * @return this builder
     */
    Builder versionText(String versionText);

    /**
     * Sets {@link ServerVersion#edition()}; {@code null} for none.
     *
     * @param edition the new value of {@link ServerVersion#edition()}
     * @return this builder
     */
    Builder edition(String edition);

    /**
     * Sets {@link ServerVersion#distribution()}; {@code null} for none.
     *
     * @param distribution the new value of {@link ServerVersion#distribution()}
     * @return this builder
     */
    Builder distribution(String distribution);

    /**
     * Sets {@link ServerVersion#distroRelease()}; {@code null} for none.
     *
     * @param distroRelease the new value of {@link ServerVersion#distroRelease()}
     * @return this builder
     */
    Builder distroRelease(String distroRelease);

    /**
     * Sets {@link ServerVersion#build()}; {@code null} for none.
     *
     * @param build the new value of {@link ServerVersion#build()}
     * @return this builder
     */
    Builder build(String build);

    /**
     * The value; {@link IllegalStateException} when the version text is missing, the parse error if it does not parse.
     *
     * @return the value, immutable
     * @throws IllegalStateException when a required attribute is missing
     */
    ServerVersion build();
  }
}
