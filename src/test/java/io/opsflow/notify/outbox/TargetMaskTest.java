package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetMaskTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https://oapi.dingtalk.com/robot/send?access_token=5f2c9e0a7b                   | https://oapi.dingtalk.com/robot/send?access_token=***
      https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0   | https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***
      https://open.feishu.cn/open-apis/bot/v2/hook/1a2b3c4d-5e6f-7a8b-9c0d            | https://open.feishu.cn/open-apis/bot/v2/hook/***
      https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX  | https://hooks.slack.com/services/***/***/***
      https://user:pa55@hooks.example.com/opsflow?a=1&b                              | https://***@hooks.example.com/opsflow?a=***&***
      https://hooks.example.com/opsflow#token                                        | https://hooks.example.com/opsflow#***
      ops@example.com, oncall@example.com                                            | ops@example.com, oncall@example.com
      """)
  void tokensInQueryPathAndUserInfoAreMasked(String target, String shown) {
    assertThat(TargetMask.mask(target)).isEqualTo(shown);
  }
}
