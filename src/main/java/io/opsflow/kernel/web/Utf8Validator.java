package io.opsflow.kernel.web;

/**
 * Checks bytes, one at a time, against strict UTF-8 (RFC 3629, Unicode table 3-7): no overlong
 * forms, no surrogates, nothing above U+10FFFF, no truncated sequence. Java's and Jackson's
 * decoders let some of these through or replace them silently. A NUL byte is refused too: JSON
 * never contains one, and it would let a UTF-16 body pass as UTF-8.
 */
final class Utf8Validator {

  private int pending;
  private int lower = 0x80;
  private int upper = 0xBF;

  /** Feeds the next byte (0-255); false when the bytes so far are not UTF-8. */
  boolean accept(int b) {
    if (pending > 0) {
      if (b < lower || b > upper) {
        return false;
      }
      lower = 0x80;
      upper = 0xBF;
      pending--;
      return true;
    }
    if (b > 0x00 && b < 0x80) {
      return true;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      lower = b == 0xE0 ? 0xA0 : 0x80;
      upper = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      lower = b == 0xF0 ? 0x90 : 0x80;
      upper = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    return true;
  }

  /** True when no multi-byte sequence is left unfinished. */
  boolean complete() {
    return pending == 0;
  }
}
