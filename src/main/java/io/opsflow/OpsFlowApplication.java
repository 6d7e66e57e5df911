package io.opsflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Modulithic(systemName = "OpsFlow", sharedModules = "kernel")
@ConfigurationPropertiesScan
@EnableScheduling
public class OpsFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(OpsFlowApplication.class, args);
  }
}
