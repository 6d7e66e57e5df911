package io.opsflow.support;

/** Text that tests the widest characters a column must keep: Chinese, emoji and a line break. */
public final class WideText {

  private static final String[] PIECES = {"运", "维", "🔥", "😀", "a"};

  private WideText() {
  }

  /** Exactly {@code characters} characters (code points); an emoji takes two UTF-16 units and four bytes. */
  public static String of(int characters) {
    StringBuilder text = new StringBuilder("第一行：重启 web-01 🚀\n");
    for (int i = 0; text.codePointCount(0, text.length()) < characters; i++) {
      text.append(PIECES[i % PIECES.length]);
    }
    return text.toString();
  }
}
