package io.opsflow.notify.channels;

import java.nio.charset.StandardCharsets;

/** Small pieces of text the chat clients add around a message's own Markdown. */
final class ChatText {

  private ChatText() {
  }

  /**
   * The label of the link to act on, in the message's language; the text itself never carries the
   * link (the templates leave it to the clients, so it is printed once, as each vendor shows links
   * best). A message that does not name its language is labelled after its title: Chinese when the
   * title has Chinese in it.
   */
  static String openLabel(Message message) {
    boolean chinese = message.language() == null ? isChinese(message.title()) : message.language().startsWith("zh");
    return chinese ? "去处理" : "Open";
  }

  static boolean isChinese(String text) {
    return text != null && text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  static boolean hasLink(Message message) {
    return message.link() != null && !message.link().isBlank();
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** The text cut to at most {@code maxBytes} bytes of UTF-8, never inside a character. */
  static String clipUtf8(String text, int maxBytes) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    String ellipsis = "…";
    int budget = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length();) {
      int codePoint = text.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > budget) {
        break;
      }
      kept.appendCodePoint(codePoint);
      used += size;
      i += Character.charCount(codePoint);
    }
    return kept.append(ellipsis).toString();
  }
}
