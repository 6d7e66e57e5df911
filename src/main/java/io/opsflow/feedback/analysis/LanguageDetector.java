package io.opsflow.feedback.analysis;

import io.opsflow.feedback.Language;

/**
 * Chinese, English or mixed, by script: no model, so it needs nothing at run time and takes
 * microseconds. A Chinese character carries about as much as two Latin letters, so the share is
 * {@code han / (han + latin / 2)}: at least 0.7 is Chinese (这个app很好用), at most 0.25 English, between is
 * mixed.
 * The masks {@link PrivacyMask} puts in ({@code [email]}) do not count.
 */
public final class LanguageDetector {

  static final double CHINESE_FROM = 0.7;
  static final double ENGLISH_UP_TO = 0.25;

  private LanguageDetector() {
  }

  public static Language detect(String text) {
    String counted = PrivacyMask.withoutMasks(text);
    int han = 0;
    int latin = 0;
    for (int i = 0; i < counted.length(); ) {
      int cp = counted.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN && Character.isLetter(cp)) {
        han++;
      } else if (script == Character.UnicodeScript.LATIN && Character.isLetter(cp)) {
        latin++;
      }
      i += Character.charCount(cp);
    }
    if (han == 0 && latin == 0) {
      return Language.OTHER;
    }
    double share = han / (han + latin / 2.0);
    if (share >= CHINESE_FROM) {
      return Language.ZH;
    }
    return share <= ENGLISH_UP_TO ? Language.EN : Language.MIXED;
  }
}
