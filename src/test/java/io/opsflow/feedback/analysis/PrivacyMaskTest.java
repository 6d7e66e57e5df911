package io.opsflow.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivacyMaskTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      联系我zhang.san+vip@mail.example.com.cn谢谢           | 联系我[email]谢谢
      mail ME at Li_Lei@example.COM, please                 | mail ME at [email], please
      我的手机13800138000打不开                              | 我的手机[phone]打不开
      电话：138 0013 8000 或 138-0013-8000                   | 电话：[phone] 或 [phone]
      +86 138 0013 8000 call me                             | [phone] call me
      全角１３８００１３８０００也是手机                      | 全角[phone]也是手机
      call +1 (415) 555-2671 now                            | call [phone] now
      office 010-62345678 or (0755)88889999                 | office [phone] or [phone]
      身份证110101199003074518已泄露                          | 身份证[id-card]已泄露
      id 11010519491231002x lower x                         | id [id-card] lower x
      spaced 110101 19900307 4518 too                       | spaced [id-card] too
      订单号1411592970都7天了                                 | 订单号1411592970都7天了
      order 138001380001234 is not a phone                  | order 138001380001234 is not a phone
      version v13.800.1380 and 2026-11-27 stay               | version v13.800.1380 and 2026-11-27 stay
      price ¥1999 and 12345678 stay                          | price ¥1999 and 12345678 stay
      month 13 in 110101199013074518 is no ID date            | month 13 in 110101199013074518 is no ID date
      a@b is no address, x@y.z neither                       | a@b is no address, x@y.z neither
      😀 emoji 13912345678 😀                                 | 😀 emoji [phone] 😀
      """)
  void masksWhatIdentifiesAPersonAndLeavesTheRest(String text, String masked) {
    assertThat(PrivacyMask.mask(text)).isEqualTo(masked);
  }
}
