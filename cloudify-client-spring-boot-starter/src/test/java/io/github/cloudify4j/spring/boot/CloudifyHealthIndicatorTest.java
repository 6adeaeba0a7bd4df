package io.github.cloudify4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.testkit.FakeCloudifyManager;
import io.github.cloudify4j.testkit.WorkflowMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.FilteredClassLoader;

class CloudifyHealthIndicatorTest {
  @TempDir Path tmp;
  FakeCloudifyManager m;

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CloudifyAutoConfiguration.class, CloudifyHealthAutoConfiguration.class));

  FakeCloudifyManager start(Consumer<FakeCloudifyManager.Builder> config) {
    FakeCloudifyManager.Builder b = FakeCloudifyManager.builder();
    config.accept(b);
    m = b.build().start();
    return m;
  }

  @AfterEach
  void stop() {
    if (m != null) {
      m.close();
    }
  }

  ApplicationContextRunner withManager(String... more) {
    return runner.withPropertyValues(
        "cloudify.manager.urls=" + m.baseUrl(),
        "cloudify.username=" + m.adminUsername(),
        "cloudify.password=" + m.adminPassword(),
        "cloudify.health.timeout=500ms").withPropertyValues(more);
  }

  Health health(org.springframework.context.ApplicationContext ctx) {
    return ctx.getBean("cloudifyHealthIndicator", HealthIndicator.class).health();
  }

  @Test
  void upWhenReachableOkAndNoMaintenanceOrRestore() {
    start(b -> {});
    withManager().run(ctx -> {
      Health h = health(ctx);
      assertThat(h.getStatus()).isEqualTo(Status.UP);
      assertThat(h.getDetails()).containsEntry("maintenance", "deactivated")
          .containsEntry("restore", "not-running").containsEntry("status", "OK");
      assertThat(h.toString()).doesNotContain(m.adminPassword());
      // Three calls, none retried, in this order.
      assertThat(m.journal().all()).extracting(r -> r.method() + " " + r.apiPath())
          .containsExactly("GET /maintenance", "GET /snapshot-status", "GET /status");
    });
  }

  @Test
  void outOfServiceInMaintenanceMode() {
    start(b -> {});
    withManager().run(ctx -> {
      ctx.getBean(io.github.cloudify4j.client.CloudifyClient.class).maintenance().activate();
      Health h = health(ctx);
      assertThat(h.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      assertThat(h.getDetails()).containsEntry("maintenance", m.maintenanceStatus());
      assertThat(m.maintenanceStatus()).isIn("activated", "activating");
    });
  }

  @Test
  void outOfServiceWhileARestoreRuns() throws Exception {
    Path flag = tmp.resolve("snapshot_restoring");
    start(b -> b.workflows(WorkflowMode.WORKER_DRIVEN).restoreFlagFile(flag));
    withManager().run(ctx -> {
      Files.createFile(flag);
      Health h = health(ctx);
      assertThat(h.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      assertThat(h.getDetails()).containsEntry("restore", "running");
      Files.delete(flag);
      assertThat(health(ctx).getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void downWhenStatusIsFail() {
    start(b -> {});
    m.statusFail(true);
    withManager().run(ctx -> {
      Health h = health(ctx);
      assertThat(h.getStatus()).isEqualTo(Status.DOWN);
      assertThat(h.getDetails()).containsEntry("status", "Fail").containsKey("failingServices");
    });
  }

  @Test
  void downWhenUnreachable() {
    start(b -> {});
    m.close();
    withManager().run(ctx -> {
      Health h = health(ctx);
      assertThat(h.getStatus()).isEqualTo(Status.DOWN);
      assertThat((String) h.getDetails().get("error")).isNotBlank();
    });
  }

  @Test
  void downOnWrongCredentialsWithoutShowingThem() {
    start(b -> b.adminCredentials("admin", "Real-admin-pw-42"));
    withManager("cloudify.password=Wrong-pw-31337").run(ctx -> {
      Health h = health(ctx);
      assertThat(h.getStatus()).isEqualTo(Status.DOWN);
      assertThat((String) h.getDetails().get("error")).startsWith("UnauthorizedException");
      assertThat(h.toString()).doesNotContain("Wrong-pw-31337").doesNotContain(m.adminPassword())
          .doesNotContain("Authorization");
    });
  }

  @Test
  void aHangingManagerIsDownWithinTheBound() {
    start(b -> {});
    withManager("cloudify.health.timeout=1s").run(ctx -> {
      // Warm up (first connection, class loading) so that the bound is spent on the hanging call below.
      assertThat(health(ctx).getStatus()).isEqualTo(Status.UP);
      m.journal().clear();
      m.faults().on("GET", "/status").always().hang();

      long t0 = System.nanoTime();
      // Without the bound the check would wait for the client's 5 minute read timeout: give up after 10 s.
      Health h = CompletableFuture.supplyAsync(() -> health(ctx)).get(10, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      assertThat(m.journal().all()).extracting(r -> r.apiPath())
          .containsExactly("/maintenance", "/snapshot-status", "/status"); // the hanging call was made
      assertThat(h.getStatus()).isEqualTo(Status.DOWN);
      assertThat(h.getDetails()).containsKey("error").containsEntry("maintenance", "deactivated");
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      m.faults().clearAll();
    });
  }

  @Test
  void theApplicationsOwnIndicatorWins() {
    start(b -> {});
    withManager().withBean("cloudifyHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
        .run(ctx -> {
          assertThat(ctx).doesNotHaveBean(CloudifyHealthIndicator.class);
          assertThat(health(ctx).getStatus()).isEqualTo(Status.UNKNOWN);
        });
  }

  @Test
  void offWhenDisabledOrWithoutActuator() {
    start(b -> {});
    withManager("management.health.cloudify.enabled=false")
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(CloudifyHealthIndicator.class));
    withManager().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(CloudifyHealthIndicator.class)
            .hasBean("cloudifyClient"));
  }
}
