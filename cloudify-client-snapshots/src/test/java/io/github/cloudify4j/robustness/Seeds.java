package io.github.cloudify4j.robustness;

import java.util.Random;

/** Fixed seeds, printed, overridable with {@code -Drobustness.seed=N} to replay or explore. */
final class Seeds {
  static final long BASE = Long.getLong("robustness.seed", 20240509L);

  private Seeds() {}

  static Random random(String what) {
    long seed = BASE ^ what.hashCode();
    System.out.println("[robustness] " + what + " seed=" + seed + " (base " + BASE + ")");
    return new Random(seed);
  }

  static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static String sha256(byte[] data) {
    try {
      java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
      byte[] h = d.digest(data);
      StringBuilder sb = new StringBuilder();
      for (byte x : h) {
        sb.append(String.format("%02x", x));
      }
      return sb.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
