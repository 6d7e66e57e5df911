package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

import jakarta.mail.BodyPart;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Against GreenMail, a real SMTP server in the test. */
class EmailClientTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static ObjectProvider<JavaMailSender> sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding("UTF-8");
    return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
  }

  EmailClient client;

  @BeforeEach
  void connect() {
    client = new EmailClient(sender(smtp.getSmtp().getPort()), "opsflow@example.com");
  }
  final ChannelTarget ops = new ChannelTarget(ChannelKind.EMAIL, "ops@example.com, 值班 <oncall@example.com>", null);

  @Test
  void multipartMailThreadedByIncidentToTheListAndThePersonOnCall() throws Exception {
    Delivery delivery = client.send(ops, Messages.incidentOpened());

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.status()).isEqualTo(250);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).as("one copy per recipient").hasSize(3);
    MimeMessage mail = received[0];
    assertThat(Arrays.stream(mail.getRecipients(jakarta.mail.Message.RecipientType.TO)).map(InternetAddress.class::cast)
        .map(address -> address.getPersonal() + " " + address.getAddress()))
        .containsExactly("null ops@example.com", "值班 oncall@example.com", "null mia@example.com");
    assertThat(mail.getHeader("To")[0]).as("a name in RFC 2047 words").contains("=?UTF-8?B?5YC854+t?= <oncall@example.com>");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("opsflow@example.com");

    assertThat(mail.getHeader("Subject")[0]).as("RFC 2047 encoded").startsWith("=?UTF-8?");
    assertThat(mail.getSubject()).isEqualTo("P1 故障：payments-api 支付失败 🔥");
    assertThat(mail.getHeader("Message-ID")).containsExactly("<msg-INC-2026-0042-mia-7@opsflow>");
    assertThat(mail.getHeader("In-Reply-To")).containsExactly("<INC-2026-0042@opsflow>");
    assertThat(mail.getHeader("References")).containsExactly("<INC-2026-0042@opsflow>");
    assertThat(mail.getHeader("List-Id")).containsExactly("OpsFlow <opsflow.example.com>");
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");

    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart plain = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(plain.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(((String) plain.getContent()).replace("\r\n", "\n")).as("CRLF on the wire").isEqualTo("""
        P1 故障：payments-api 支付失败 🔥

        服务 payments-api
        截止 2026-03-01 03:03 UTC 😱

        去处理: https://opsflow.example.com/camunda/app/tasklist/default/#/?task=abc&x=1
        """);
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    assertThat((String) html.getContent()).contains("<h2>P1 故障：payments-api 支付失败 🔥</h2>")
        .contains("<strong>服务</strong> payments-api").contains("😱")
        .contains("<a href=\"https://opsflow.example.com/camunda/app/tasklist/default/#/?task=abc&amp;x=1\">去处理</a>");
  }

  @Test
  void everyMailOfOneIncidentJoinsTheSameThreadAndARetryKeepsItsMessageId() throws Exception {
    Message opened = Messages.incidentOpened();
    Message breached = new Message("msg-INC-2026-0042-sla:mia 1", "incident.sla-breached", "INC-2026-0042",
        "SLA breached", "late", "late", null, List.of(), Map.of());
    ChannelTarget one = new ChannelTarget(ChannelKind.EMAIL, "ops@example.com", null);

    client.send(one, opened);
    client.send(one, breached);
    client.send(one, breached);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(4);
    assertThat(Arrays.stream(received).map(mail -> header(mail, "References"))).containsOnly("<INC-2026-0042@opsflow>");
    assertThat(header(received[2], "Message-ID")).as("a valid msg-id, the same on a retry")
        .isEqualTo("<msg-INC-2026-0042-sla-mia-1@opsflow>").isEqualTo(header(received[3], "Message-ID"));
  }

  @Test
  void htmlInTheTextIsEscapedNotRendered() throws Exception {
    Message hostile = new Message("m1", "incident.opened", "INC-1", "<b>title</b> & co",
        "alert <script>alert(1)</script> & [x](javascript:alert(2))", "alert <script>", "https://x.example/?a=\"1\"",
        List.of(), Map.of());

    client.send(new ChannelTarget(ChannelKind.EMAIL, "ops@example.com", null), hostile);

    String html = (String) ((MimeMultipart) smtp.getReceivedMessages()[0].getContent()).getBodyPart(1).getContent();
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("javascript:")
        .contains("&lt;script&gt;").contains("&lt;b&gt;title&lt;/b&gt; &amp; co").contains("href=\"https://x.example/?a=&quot;1&quot;\"");
  }

  @Test
  void anSmtpServerThatIsDownIsWorthAnotherTry() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    EmailClient down = new EmailClient(sender(closedPort), "opsflow@example.com");

    Delivery delivery = down.send(ops, Messages.english());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.retryable()).isTrue();
    assertThat(delivery.status()).isZero();
  }

  @Test
  void withoutAnSmtpServerEmailChannelsAreRefusedAndSendingFailsForGood() {
    EmailClient unconfigured = new EmailClient(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
        "opsflow@example.com");

    assertThatThrownBy(() -> unconfigured.check(ops)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spring.mail.host");
    Delivery delivery = unconfigured.send(ops, Messages.english());
    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.retryable()).isFalse();
  }

  @Test
  void checkWantsWholeAddresses() {
    client.check(ops);
    client.check(new ChannelTarget(ChannelKind.EMAIL, "张三@例子.公司", null));
    for (String bad : new String[] { "", " , ", "ops", "ops@", "ops@example.com, not an address", "a@b.c; d@e.f",
        "list: a@b.c;" }) {
      assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.EMAIL, bad, null))).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    String tooMany = String.join(",", java.util.Collections.nCopies(51, "a@example.com"));
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.EMAIL, tooMany, null)))
        .hasMessageContaining("at most 50");
  }

  @Test
  void smtpSays4xxTryLaterAnd5xxNever() throws Exception {
    InternetAddress mia = new InternetAddress("mia@example.com");
    Delivery mailboxFull = EmailClient.smtpFailure(new MailSendException("failed", new SendFailedException("Invalid Addresses",
        new SMTPAddressFailedException(mia, "RCPT TO:<mia@example.com>", 452, "4.2.2 Mailbox full"))));
    Delivery noSuchUser = EmailClient.smtpFailure(new MailSendException("failed", new SendFailedException("Invalid Addresses",
        new SMTPAddressFailedException(mia, "RCPT TO:<mia@example.com>", 550, "5.1.1 No such user"))));

    assertThat(mailboxFull.status()).isEqualTo(452);
    assertThat(mailboxFull.retryable()).isTrue();
    assertThat(noSuchUser.status()).isEqualTo(550);
    assertThat(noSuchUser.retryable()).isFalse();
    assertThat(noSuchUser.answer()).contains("No such user");
  }

  private static String header(MimeMessage mail, String name) {
    try {
      return mail.getHeader(name)[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
