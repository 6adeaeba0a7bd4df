package io.github.cloudify4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FromEnvTest {

  private static CloudifyClient build(Map<String, String> env) {
    return CloudifyClient.builder().fromEnv(env).build();
  }

  @Test
  void everyVariable() {
    Map<String, String> env = Map.of(
        "CLOUDIFY_MANAGER_URL", "https://cfy-1.example.com",
        "CLOUDIFY_USERNAME", "admin",
        "CLOUDIFY_PASSWORD", "secret-pw",
        "CLOUDIFY_TENANT", "tenant_a");
    try (CloudifyClient client = build(env)) {
      assertThat(client.managers()).containsExactly(URI.create("https://cfy-1.example.com"));
      assertThat(client.credentials()).isEqualTo(Credentials.basic("admin", "secret-pw"));
      assertThat(client.tenant()).isEqualTo("tenant_a");
      assertThat(client.toString()).contains("TlsConfig.system()").doesNotContain("secret-pw");
    }
  }

  @Test
  void haListIsSplitOnCommasAndTrimmed() {
    Map<String, String> env = Map.of("CLOUDIFY_MANAGER_URL",
        " https://cfy-1.example.com , https://cfy-2.example.com:8443,,https://10.0.0.13 ");
    try (CloudifyClient client = build(env)) {
      assertThat(client.managers()).containsExactly(URI.create("https://cfy-1.example.com"),
          URI.create("https://cfy-2.example.com:8443"), URI.create("https://10.0.0.13"));
    }
  }

  @Test
  void tokenIsPreferredOverBasic() {
    Map<String, String> env = Map.of("CLOUDIFY_MANAGER_URL", "https://m", "CLOUDIFY_USERNAME", "admin",
        "CLOUDIFY_PASSWORD", "pw", "CLOUDIFY_TOKEN", "ctok-a-b");
    try (CloudifyClient client = build(env)) {
      assertThat(client.credentials().isToken()).isTrue();
      assertThat(client.credentials()).isEqualTo(Credentials.token("ctok-a-b"));
    }
  }

  @Test
  void defaultsWhenUnset() {
    try (CloudifyClient client = build(Map.of("CLOUDIFY_MANAGER_URL", "http://m"))) {
      assertThat(client.tenant()).isEqualTo("default_tenant");
      assertThat(client.credentials().isNone()).isTrue();
    }
  }

  @Test
  void trustAllValues() {
    for (String v : List.of("true", "TRUE", "1", "yes", "on")) {
      try (CloudifyClient client = build(Map.of("CLOUDIFY_MANAGER_URL", "https://m", "CLOUDIFY_SSL_TRUST_ALL", v))) {
        assertThat(client.toString()).as(v).contains("TlsConfig.trustAll()");
      }
    }
    try (CloudifyClient client = build(Map.of("CLOUDIFY_MANAGER_URL", "https://m", "CLOUDIFY_SSL_TRUST_ALL",
        "false"))) {
      assertThat(client.toString()).contains("TlsConfig.system()");
    }
  }

  @Test
  void usernameWithoutPasswordIsAnError() {
    assertThatThrownBy(() -> CloudifyClient.builder().fromEnv(Map.of("CLOUDIFY_USERNAME", "admin")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLOUDIFY_PASSWORD");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> CloudifyClient.builder().fromEnv(Map.of("CLOUDIFY_MANAGER_URL", "ftp://m")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLOUDIFY_MANAGER_URL");
    assertThatThrownBy(() -> CloudifyClient.builder().fromEnv(Map.of("LOCAL_REST_CERT_FILE", "/no/such/ca.pem")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/no/such/ca.pem");
    assertThatThrownBy(() -> CloudifyClient.builder().fromEnv(Map.of("CLOUDIFY_TENANT", "bad\ntenant")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
  }

  @Test
  void emptyEnvironmentLeavesTheBuilderAlone() {
    Map<String, String> env = new HashMap<>();
    env.put("CLOUDIFY_TOKEN", "");
    CloudifyClient.Builder b = CloudifyClient.builder().manager("https://m").tenant("t").fromEnv(env);
    try (CloudifyClient client = b.build()) {
      assertThat(client.tenant()).isEqualTo("t");
      assertThat(client.managers()).containsExactly(URI.create("https://m"));
    }
    assertThatThrownBy(() -> CloudifyClient.builder().fromEnv(Map.of()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("manager");
  }
}
