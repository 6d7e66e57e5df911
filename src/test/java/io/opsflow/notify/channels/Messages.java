package io.opsflow.notify.channels;

import java.util.List;
import java.util.Map;

/** Messages as the outbox will hand them over: Chinese, emoji, the person on call. */
final class Messages {

  static final Recipient ON_CALL = new Recipient("mia", "米娅 Mia", "mia@example.com", "13800138000", "ding-mia",
      "wecom-mia", "ou_7d8a6e6df7621556ce0d21922b676706ccs");

  private Messages() {
  }

  static Message incidentOpened() {
    return new Message("msg-INC-2026-0042-mia-7", "incident.opened", "INC-2026-0042", "P1 故障：payments-api 支付失败 🔥",
        "**服务** payments-api\n\n**截止** 2026-03-01 03:03 UTC 😱", "服务 payments-api\n截止 2026-03-01 03:03 UTC 😱",
        "https://opsflow.example.com/camunda/app/tasklist/default/#/?task=abc&x=1", List.of(ON_CALL),
        Map.of("priority", "P1", "service", "payments-api"));
  }

  static Message english() {
    return new Message("msg-1", "incident.opened", "INC-2026-0043", "P3 incident: search is slow",
        "**Service** search\nSee [the runbook](https://wiki.example.com/run?a=1&b=2) <now>", "Service search",
        "https://opsflow.example.com/task/1", List.of(), Map.of("priority", "P3"));
  }
}
