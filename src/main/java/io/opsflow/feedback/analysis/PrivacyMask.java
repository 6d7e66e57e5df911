package io.opsflow.feedback.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what identifies a person in a text before it is stored (网信安全): e-mail addresses, phone
 * numbers (Chinese mobiles and landlines, international numbers with a leading {@code +} or
 * {@code 00}) and Chinese resident ID-card numbers (18 characters, the last a digit or X). Digits
 * and signs typed full-width (１３８…, ＠) count as their ASCII twins: the patterns read a folded copy
 * of the same length, and the original is cut where they match. A match becomes {@code [email]},
 * {@code [phone]} or {@code [id-card]}. It masks rather more than less: an 18-digit order number that
 * reads like an ID card is masked too; a number glued to further digits or letters (an order
 * number, a version) is left alone.
 */
public final class PrivacyMask {

  public static final String EMAIL = "[email]";
  public static final String PHONE = "[phone]";
  public static final String ID_CARD = "[id-card]";

  /** Before a +/00 prefix: no letter, digit or +, and no digit group just ended ("138 0013 8000" is one number). */
  private static final String NOT_AFTER_NUMBER = "(?<![0-9A-Za-z+])(?<![0-9][ -])";

  private record Rule(Pattern pattern, String mask, int minDigits, int maxDigits) {
  }

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"), EMAIL, 0, 99),
      // region (6), birth date (8: 18xx-20xx, month, day), sequence (3), check digit or X; groups may be spaced
      new Rule(Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{5}[ -]?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])"
          + "(?:0[1-9]|[12][0-9]|3[01])[ -]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])"), ID_CARD, 0, 99),
      new Rule(Pattern.compile(NOT_AFTER_NUMBER + "(?:\\+|00)(?:86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])"), PHONE,
          0, 99),
      // +country, then groups of digits separated by a space, '-', '.' or in parentheses: 8-15 digits in all
      new Rule(Pattern.compile(NOT_AFTER_NUMBER + "(?:\\+|00)[1-9][0-9]{0,2}(?:[ .-]?\\(?[0-9]{1,5}\\)?){1,5}(?![0-9])"),
          PHONE, 8, 15),
      new Rule(Pattern.compile("(?<![0-9A-Za-z])(?:86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9A-Za-z])"), PHONE, 0,
          99),
      // landline: area code 0xx(x), then 7-8 digits
      new Rule(Pattern.compile("(?<![0-9A-Za-z])(?:\\(0[0-9]{2,3}\\)|0[0-9]{2,3})[ -]?[0-9]{7,8}(?![0-9A-Za-z])"),
          PHONE, 0, 99));

  private static final Pattern MASKS = Pattern.compile(Pattern.quote(EMAIL) + "|" + Pattern.quote(PHONE) + "|"
      + Pattern.quote(ID_CARD));

  private PrivacyMask() {
  }

  public static String mask(String text) {
    String original = text;
    String folded = fold(text);
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(folded);
      StringBuilder masked = new StringBuilder();
      StringBuilder maskedFolded = new StringBuilder();
      int last = 0;
      while (matcher.find()) {
        long digits = matcher.group().chars().filter(c -> c >= '0' && c <= '9').count();
        if (digits < rule.minDigits() || digits > rule.maxDigits()) {
          continue;
        }
        masked.append(original, last, matcher.start()).append(rule.mask());
        maskedFolded.append(folded, last, matcher.start()).append(rule.mask());
        last = matcher.end();
      }
      if (last > 0) {
        original = masked.append(original.substring(last)).toString();
        folded = maskedFolded.append(folded.substring(last)).toString();
      }
    }
    return original;
  }

  /** The text without the masks this class puts in, for counting what is left. */
  static String withoutMasks(String text) {
    return text.indexOf('[') < 0 ? text : MASKS.matcher(text).replaceAll(" ");
  }

  /** Full-width ASCII (U+FF01…U+FF5E) as ASCII, and the ideographic space as a space: one char for one. */
  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        chars[i] = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }
}
