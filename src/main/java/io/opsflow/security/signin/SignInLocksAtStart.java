package io.opsflow.security.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.opsflow.security.web.AdminProperties;

/**
 * Before the first request: lifts the locks Camunda's own lock-out set before OpsFlow switched it
 * off (they would stay in the user table for good), and, with {@code OPSFLOW_ADMIN_UNLOCK=true},
 * every sign-in lock on the first administrator.
 */
@Component
public class SignInLocksAtStart implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SignInLocksAtStart.class);

  private final SignInThrottleMapper mapper;
  private final SignInThrottle throttle;
  private final AdminProperties admin;

  SignInLocksAtStart(SignInThrottleMapper mapper, SignInThrottle throttle, AdminProperties admin) {
    this.mapper = mapper;
    this.throttle = throttle;
    this.admin = admin;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int unlocked = mapper.clearCamundaLocks();
    if (unlocked > 0) {
      log.info("Lifted Camunda's sign-in lock on {} users: OpsFlow's sign-in throttle replaces it", unlocked);
    }
    if (admin.unlock()) {
      throttle.forgetAccount(admin.user());
      log.warn("OPSFLOW_ADMIN_UNLOCK: every sign-in lock on the administrator '{}' is lifted. "
          + "Remove the setting once they have signed in.", admin.user());
    }
  }
}
