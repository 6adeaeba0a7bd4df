package io.github.cloudify4j.snapshots.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.snapshots.RestoreOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 16: RestoreOptions and RestoreTimeouts are values like the others (toBuilder, equals, hashCode). */
class RestoreValueTypesTest {

  @Test
  void restoreTimeoutsRoundTripThroughToBuilderAndCompareByValue() {
    RestoreTimeouts t = RestoreTimeouts.builder().overall(Duration.ofHours(9)).maintenance(Duration.ofMinutes(5))
        .restoreExecution(Duration.ofHours(8)).restartWindow(Duration.ofMinutes(40)).health(Duration.ofMinutes(3))
        .pollReadTimeout(Duration.ofSeconds(7)).build();

    assertThat(t.toBuilder().build()).isEqualTo(t).hasSameHashCodeAs(t).isNotSameAs(t);
    assertThat(t.toBuilder().build().toString()).isEqualTo(t.toString());
    assertThat(RestoreTimeouts.builder().build()).isEqualTo(RestoreTimeouts.defaults())
        .hasSameHashCodeAs(RestoreTimeouts.defaults());
    RestoreTimeouts changed = t.toBuilder().health(Duration.ofMinutes(4)).build();
    assertThat(changed).isNotEqualTo(t);
    assertThat(changed.health()).isEqualTo(Duration.ofMinutes(4));
    assertThat(changed.pollReadTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(t.health()).isEqualTo(Duration.ofMinutes(3)); // the original is untouched
    for (RestoreTimeouts other : new RestoreTimeouts[] {
        t.toBuilder().overall(Duration.ofHours(10)).build(),
        t.toBuilder().maintenance(Duration.ofMinutes(6)).build(),
        t.toBuilder().restoreExecution(Duration.ofHours(7)).build(),
        t.toBuilder().restartWindow(Duration.ofMinutes(41)).build(),
        t.toBuilder().pollReadTimeout(Duration.ofSeconds(8)).build()}) {
      assertThat(other).isNotEqualTo(t);
    }
    assertThat(t).isNotEqualTo(null).isNotEqualTo("RestoreTimeouts");
  }

  @Test
  void restoreOptionsCompareByEveryOption() {
    RestoreOptions o = RestoreOptions.builder().force(true).restoreCertificates(true).noReboot(true)
        .ignorePluginFailure(true).workflowTimeout(Duration.ofSeconds(600)).tenantName("default_tenant")
        .recreateDeploymentsEnvs(false).build();

    assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o).isNotSameAs(o);
    assertThat(RestoreOptions.builder().build()).isEqualTo(RestoreOptions.defaults())
        .hasSameHashCodeAs(RestoreOptions.defaults());
    for (RestoreOptions other : new RestoreOptions[] {
        o.toBuilder().force(false).build(),
        o.toBuilder().noReboot(false).build(),
        o.toBuilder().noReboot(false).restoreCertificates(false).build(),
        o.toBuilder().ignorePluginFailure(false).build(),
        o.toBuilder().workflowTimeout(Duration.ofSeconds(601)).build(),
        o.toBuilder().tenantName("other").build(),
        o.toBuilder().recreateDeploymentsEnvs(true).build()}) {
      assertThat(other).isNotEqualTo(o);
    }
    assertThat(o).isNotEqualTo(null).isNotEqualTo(RestoreOptions.defaults());
  }
}
