package io.github.cloudify4j.spring.boot.example;

import io.github.cloudify4j.client.CloudifyClient;
import io.github.cloudify4j.snapshots.Snapshots;
import io.github.cloudify4j.testkit.FakeCloudifyManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * A minimal Spring Boot application using the starter, against an embedded fake manager (so it runs anywhere):
 *
 * <pre>
 * mvn -B -o -q -pl cloudify-client-spring-boot-starter -am test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=io.github.cloudify4j.spring.boot.example.BootExampleApplication
 * </pre>
 *
 * Against a real manager, drop the fake and set {@code cloudify.manager.urls}, {@code cloudify.username} and
 * {@code cloudify.password} (or the {@code cfy} CLI's {@code CLOUDIFY_*} variables) instead.
 */
@SpringBootApplication
public class BootExampleApplication {

  /** The application's own service: it just asks for the client. */
  @Service
  public static class ManagerReport {
    private final CloudifyClient client;
    private final Snapshots snapshots;

    public ManagerReport(CloudifyClient client, Snapshots snapshots) {
      this.client = client;
      this.snapshots = snapshots;
    }

    public String summary() {
      return "manager " + client.managers() + " version " + client.manager().version().versionText()
          + ", maintenance " + client.maintenance().status().status()
          + ", " + snapshots.list(io.github.cloudify4j.client.ListParams.none()).items().size() + " snapshot(s)";
    }
  }

  @Bean
  ApplicationRunner printReport(ManagerReport report, HealthIndicator cloudifyHealthIndicator) {
    return args -> {
      System.out.println(report.summary());
      System.out.println("health: " + cloudifyHealthIndicator.health());
    };
  }

  /** Starts a fake manager, then the application pointed at it; both stop when the application does. */
  public static ConfigurableApplicationContext start(String... args) {
    FakeCloudifyManager fake = FakeCloudifyManager.builder().realTime().build().start();
    fake.seed().blueprints(1);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("cloudify.manager.urls", fake.baseUrl());
    props.put("cloudify.username", fake.adminUsername());
    props.put("cloudify.password", fake.adminPassword());
    SpringApplication app = new SpringApplication(BootExampleApplication.class);
    app.setDefaultProperties(props);
    try {
      ConfigurableApplicationContext ctx = app.run(args);
      ctx.registerShutdownHook();
      ctx.addApplicationListener((org.springframework.context.event.ContextClosedEvent e) -> fake.close());
      return ctx;
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  public static void main(String[] args) {
    start(args).close();
  }
}
