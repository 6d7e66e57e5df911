package io.opsflow.notify.outbox;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A channel's target as the API shows it: webhook URLs carry the robot's token (DingTalk's
 * {@code access_token}, WeCom's {@code key} in the query; Slack's and Feishu's in the path), so
 * every query value, any user info and every path segment that looks like a token (8+ characters
 * with a digit, or 20+ characters) become {@code ***}. Enough stays to recognise the vendor and
 * robot kind. E-mail addresses are shown as they are.
 */
final class TargetMask {

  static final String MASK = "***";
  private static final Pattern URL = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?");
  private static final Pattern DIGIT = Pattern.compile("\\d");

  private TargetMask() {
  }

  static String mask(String target) {
    if (target == null) {
      return null;
    }
    var url = URL.matcher(target.strip());
    if (!url.matches()) {
      return target;
    }
    String authority = url.group(2);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = MASK + authority.substring(at);
    }
    String path = Arrays.stream(url.group(3).split("/", -1)).map(TargetMask::segment).collect(Collectors.joining("/"));
    String query = url.group(4) == null ? "" : "?" + Arrays.stream(url.group(4).substring(1).split("&"))
        .map(pair -> pair.contains("=") ? pair.substring(0, pair.indexOf('=')) + "=" + MASK : MASK)
        .collect(Collectors.joining("&"));
    return url.group(1) + authority + path + query + (url.group(5) == null ? "" : "#" + MASK);
  }

  private static String segment(String segment) {
    boolean token = segment.length() >= 20 || segment.length() >= 8 && DIGIT.matcher(segment).find();
    return token ? MASK : segment;
  }
}
