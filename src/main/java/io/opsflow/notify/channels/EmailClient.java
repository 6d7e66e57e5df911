package io.opsflow.notify.channels;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * E-mail over SMTP, through the {@link JavaMailSender} Spring Boot builds from
 * {@code spring.mail.*}. The target is a comma-separated list of addresses; people mentioned with
 * an e-mail address are added as To. Each mail is multipart/alternative (plain text, and HTML
 * from the Markdown with any HTML in it escaped) and carries {@code Message-ID: <id@opsflow>}
 * (the same on every retry) and {@code In-Reply-To} / {@code References: <reference@opsflow>},
 * so all mails about one incident form one thread in every mail client, and a {@code List-Id}
 * that lets people filter them.
 */
@Component
class EmailClient implements ChannelClient {

  static final int ADDRESSES_MAX = 50;
  static final int TARGET_MAX = 2_000;

  private final ObjectProvider<JavaMailSender> senders;
  private final InternetAddress from;
  private final Parser markdown = Parser.builder().build();
  private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  EmailClient(ObjectProvider<JavaMailSender> senders,
      @Value("${opsflow.notifications.mail-from:opsflow@localhost}") String from) {
    this.senders = senders;
    try {
      this.from = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException("opsflow.notifications.mail-from is not an e-mail address: " + from, e);
    }
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.EMAIL;
  }

  @Override
  public void check(ChannelTarget target) {
    if (senders.getIfAvailable() == null) {
      throw new IllegalArgumentException(
          "E-mail channels need an SMTP server, and none is configured: set spring.mail.host (and spring.mail.port, username, password)");
    }
    addresses(target.target());
  }

  @Override
  public Delivery send(ChannelTarget target, Message message) {
    JavaMailSender sender = senders.getIfAvailable();
    if (sender == null) {
      return Delivery.failed(0, "no SMTP server configured (spring.mail.host)", false);
    }
    List<InternetAddress> to;
    try {
      to = recipients(target, message);
    } catch (IllegalArgumentException e) {
      return Delivery.failed(0, VendorHttp.cut(e.getMessage()), false);
    }
    try {
      MimeMessage mail = sender.createMimeMessage();
      compose(mail, to, message);
      sender.send(mail);
      return Delivery.delivered(250, VendorHttp.cut("accepted by the SMTP server for " + to.size() + " recipient(s)"));
    } catch (MessagingException | MailPreparationException e) {
      return Delivery.failed(0, VendorHttp.cut("could not build the mail: " + e.getMessage()), false);
    } catch (MailAuthenticationException e) {
      return Delivery.failed(535, VendorHttp.cut("the SMTP server refused OpsFlow's login: " + e.getMessage()), false);
    } catch (MailException e) {
      return smtpFailure(e);
    } catch (RuntimeException e) {
      return Delivery.failed(0, VendorHttp.cut("could not send the mail: " + e), true);
    }
  }

  /** SMTP's own answer says whether to try again: 4xx later, 5xx never; no answer at all: later. */
  static Delivery smtpFailure(MailException e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 10; depth++, cause = nextCause(cause)) {
      int code = cause instanceof SMTPSendFailedException sendFailed ? sendFailed.getReturnCode()
          : cause instanceof SMTPAddressFailedException addressFailed ? addressFailed.getReturnCode() : 0;
      if (code > 0) {
        return Delivery.failed(code, VendorHttp.cut(cause.getMessage()), code / 100 == 4);
      }
    }
    return Delivery.failed(0, VendorHttp.cut("the SMTP server did not take the mail: " + e.getMessage()), true);
  }

  private static Throwable nextCause(Throwable cause) {
    if (cause instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
      Exception first = send.getFailedMessages().values().iterator().next();
      return first == cause ? null : first;
    }
    if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
      return messaging.getNextException();
    }
    return cause.getCause() == cause ? null : cause.getCause();
  }

  private void compose(MimeMessage mail, List<InternetAddress> to, Message message) throws MessagingException {
    mail.setFrom(from);
    mail.setRecipients(jakarta.mail.Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
    mail.setSubject(message.title(), "UTF-8");
    mail.setHeader("Message-ID", "<" + msgIdPart(message.id()) + "@opsflow>");
    String thread = "<" + msgIdPart(message.reference()) + "@opsflow>";
    mail.setHeader("In-Reply-To", thread);
    mail.setHeader("References", thread);
    mail.setHeader("List-Id", "OpsFlow <opsflow." + domain(from) + ">");
    // RFC 3834: no out-of-office answers to a pager
    mail.setHeader("Auto-Submitted", "auto-generated");

    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(plainText(message), "UTF-8", "plain");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(htmlText(message), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(rich);
    mail.setContent(alternative);
  }

  private static String plainText(Message message) {
    StringBuilder text = new StringBuilder(message.title()).append("\n\n").append(message.text());
    if (ChatText.hasLink(message)) {
      text.append("\n\n").append(ChatText.openLabel(message)).append(": ").append(message.link());
    }
    return text.append("\n").toString();
  }

  private String htmlText(Message message) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(HtmlUtils.htmlEscape(message.title(), "UTF-8")).append("</title></head><body>\n<h2>")
        .append(HtmlUtils.htmlEscape(message.title(), "UTF-8")).append("</h2>\n")
        .append(html.render(markdown.parse(message.markdown())));
    if (ChatText.hasLink(message)) {
      page.append("<p><a href=\"").append(HtmlUtils.htmlEscape(message.link(), "UTF-8")).append("\">")
          .append(HtmlUtils.htmlEscape(ChatText.openLabel(message), "UTF-8")).append("</a></p>\n");
    }
    return page.append("</body></html>\n").toString();
  }

  private List<InternetAddress> recipients(ChannelTarget target, Message message) {
    Map<String, InternetAddress> unique = new LinkedHashMap<>();
    addresses(target.target()).forEach(address -> unique.putIfAbsent(address.getAddress().toLowerCase(), address));
    for (Recipient person : message.mentions()) {
      if (ChatText.present(person.email())) {
        try {
          InternetAddress address = strict(person.email().trim());
          unique.putIfAbsent(address.getAddress().toLowerCase(), address);
        } catch (IllegalArgumentException badAddress) {
          // one person's bad address in their profile must not keep the mail from the others
        }
      }
    }
    return new ArrayList<>(unique.values());
  }

  /** The target's addresses, each a whole address with a domain. */
  static List<InternetAddress> addresses(String target) {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("An e-mail channel needs its addresses as target, comma-separated");
    }
    if (target.length() > TARGET_MAX) {
      throw new IllegalArgumentException("An e-mail channel's target is longer than " + TARGET_MAX + " characters");
    }
    List<InternetAddress> addresses = new ArrayList<>();
    for (String part : target.split(",")) {
      if (!part.isBlank()) {
        addresses.add(strict(part.trim()));
      }
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("An e-mail channel needs at least one address as target");
    }
    if (addresses.size() > ADDRESSES_MAX) {
      throw new IllegalArgumentException("An e-mail channel takes at most " + ADDRESSES_MAX + " addresses; use a mailing list");
    }
    return addresses;
  }

  private static InternetAddress strict(String text) {
    try {
      InternetAddress address = new InternetAddress(text, true);
      String value = address.getAddress();
      int at = value.lastIndexOf('@');
      if (at <= 0 || at == value.length() - 1 || address.isGroup()) {
        throw new AddressException("no domain");
      }
      // parsing keeps a name as typed; this encodes it (RFC 2047) for the header
      return address.getPersonal() == null ? address : new InternetAddress(value, address.getPersonal(), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Not an e-mail address: \"" + text + "\" (" + e.getMessage() + ")");
    }
  }

  private static String domain(InternetAddress address) {
    String value = address.getAddress();
    return value.substring(value.lastIndexOf('@') + 1).toLowerCase();
  }

  /** What may stand left of the @ in a Message-ID (RFC 5322 dot-atom-text); anything else becomes '-'. */
  static String msgIdPart(String id) {
    return id.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", "-").replaceAll("\\.{2,}", ".").replaceAll("^\\.|\\.$", "-");
  }
}
