package io.github.cloudify4j.spring.boot.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cloudify4j.spring.boot.CloudifyHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** The example application starts against the embedded fake and its service and health work. */
class BootExampleApplicationTest {
  @Test
  void startsAndReports() {
    try (ConfigurableApplicationContext ctx = BootExampleApplication.start("--spring.main.banner-mode=off")) {
      assertThat(ctx.getBean(BootExampleApplication.ManagerReport.class).summary())
          .startsWith("manager [http://127.0.0.1:").contains("maintenance deactivated").contains("0 snapshot(s)");
      assertThat(ctx.getBean(CloudifyHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
    }
  }
}
