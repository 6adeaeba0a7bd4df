package io.github.cloudify4j.client;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How the client authenticates to the manager.
 *
 * <p>The manager accepts HTTP Basic credentials ({@code Authorization: Basic}) and tokens in the
 * {@code Authentication-Token} header, including the {@code ctok-<id>-<secret>} API tokens of 6.4+. It has no
 * {@code Bearer} support. {@link #toString()} never shows the secret.
 */
public final class Credentials {
  private static final Credentials NONE = new Credentials(Kind.NONE, null, null);

  private enum Kind { NONE, BASIC, TOKEN }

  private final Kind kind;
  private final String username;
  private final String secret;
  private final String[] header;

  private Credentials(Kind kind, String username, String secret) {
    this.kind = kind;
    this.username = username;
    this.secret = secret;
    this.header = headerFor(kind, username, secret);
  }

  private static String[] headerFor(Kind kind, String username, String secret) {
    switch (kind) {
      case BASIC:
        String raw = username + ":" + secret;
        return new String[] {
          "Authorization", "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8))
        };
      case TOKEN:
        return new String[] {"Authentication-Token", secret};
      default:
        return null;
    }
  }

  /**
   * Username and password, sent as HTTP Basic authentication on every request.
   *
   * @param username the user name, not blank
   * @param password the password; never logged nor shown by {@code toString()}
   * @return the credentials
   */
  public static Credentials basic(String username, String password) {
    requireNonNull(username, "username == null");
    requireNonNull(password, "password == null");
    if (username.trim().isEmpty()) {
      throw new IllegalArgumentException("username is blank");
    }
    if (username.indexOf(':') >= 0 || hasControl(username)) {
      throw new IllegalArgumentException("username contains ':' or a control character");
    }
    if (hasControl(password)) {
      throw new IllegalArgumentException("password contains a control character");
    }
    return new Credentials(Kind.BASIC, username, password);
  }

  /**
   * A token (for example a {@code ctok-…} API token), sent in the {@code Authentication-Token} header.
   *
   * @param token the token; never logged nor shown by {@code toString()}
   * @return the credentials
   */
  public static Credentials token(String token) {
    requireNonNull(token, "token == null");
    if (token.trim().isEmpty() || hasControl(token) || token.indexOf(' ') >= 0) {
      throw new IllegalArgumentException("token is blank or contains whitespace or control characters");
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      // it is sent as a header value, which must be visible ASCII
      throw new IllegalArgumentException("token contains a non-ASCII character");
    }
    return new Credentials(Kind.TOKEN, null, token);
  }

  /**
   * No credentials: only unauthenticated endpoints ({@code /snapshot-status}, {@code /ok}) will answer.
   *
   * @return the empty credentials
   */
  public static Credentials none() {
    return NONE;
  }

  /** {@return the username of basic credentials, empty for tokens and none} */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** {@return whether these are a username and password (HTTP Basic)} */
  public boolean isBasic() {
    return kind == Kind.BASIC;
  }

  /** {@return whether this is a token (the {@code Authentication-Token} header)} */
  public boolean isToken() {
    return kind == Kind.TOKEN;
  }

  /** {@return whether no credentials are sent} */
  public boolean isNone() {
    return kind == Kind.NONE;
  }

  /**
   * The header this credential sends, as {@code {name, value}}, or null for {@link #none()}. Not public: the
   * client hands it to its transport once; nothing else needs the secret back.
   */
  String[] header() {
    return header == null ? null : header.clone();
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Credentials)) {
      return false;
    }
    Credentials other = (Credentials) o;
    return kind == other.kind
        && java.util.Objects.equals(username, other.username)
        && java.util.Objects.equals(secret, other.secret);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, username, secret);
  }

  @Override
  public String toString() {
    switch (kind) {
      case BASIC:
        return "Credentials.basic(" + username + ", ****)";
      case TOKEN:
        return "Credentials.token(****)";
      default:
        return "Credentials.none()";
    }
  }
}
