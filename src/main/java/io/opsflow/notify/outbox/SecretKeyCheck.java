package io.opsflow.notify.outbox;

import java.util.Arrays;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.engine.UnsafeConfigurationException;

/**
 * In the prod profile OpsFlow does not start when channels exist and no secret key is set: every
 * message would fail, silently until somebody looks. Runs once all beans exist, so after the
 * migrations.
 */
@Component
class SecretKeyCheck implements SmartInitializingSingleton {

  private final Environment environment;
  private final Channels channels;

  SecretKeyCheck(Environment environment, Channels channels) {
    this.environment = environment;
    this.channels = channels;
  }

  @Override
  public void afterSingletonsInstantiated() {
    boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    if (prod && !channels.keyConfigured()) {
      check(prod, false, channels.count());
    }
  }

  static void check(boolean prod, boolean keyConfigured, long channels) {
    if (prod && !keyConfigured && channels > 0) {
      throw new UnsafeConfigurationException("notification channels are configured but OPSFLOW_SECRET_KEY is not set,"
          + " so their targets and secrets cannot be read.",
          "Set OPSFLOW_SECRET_KEY to the key the channels were stored with (a new key: `openssl rand -base64 32`,"
              + " then enter the channels again).");
    }
  }
}
