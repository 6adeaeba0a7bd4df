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

  public static ImmutableServerVersion.Builder builder() {
    return ImmutableServerVersion.builder();
  }

  /** The version text, e.g. {@code 7.0.4}. */
  @JsonProperty("version")
  public abstract String versionText();

  @JsonProperty("edition")
  public abstract Optional<String> edition();

  @JsonProperty("distribution")
  public abstract Optional<String> distribution();

  @JsonProperty("distro_release")
  public abstract Optional<String> distroRelease();

  @JsonProperty("build")
  public abstract Optional<String> build();

  /** The parsed version. */
  @JsonIgnore
  @Value.Derived
  public Version version() {
    return Version.parse(versionText());
  }

  @Value.Check
  protected void check() {
    Version.parse(versionText());
  }

  /** Whether the manager is at least this version. */
  public final boolean isAtLeast(int... numbers) {
    return version().isAtLeast(Version.of(numbers));
  }
}
