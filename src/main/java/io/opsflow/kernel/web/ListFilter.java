package io.opsflow.kernel.web;

/** The common filters of the list endpoints ({@code ?state=open|closed&service=&limit=}), checked once. */
public final class ListFilter {

  private ListFilter() {
  }

  public static void check(String state, String service, int limit) {
    if (state != null && !state.equals("open") && !state.equals("closed")) {
      throw ApiException.badRequest("state must be open or closed, not '" + state + "'.");
    }
    checkKey("service", service);
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit must be between 1 and 1000.");
    }
  }

  /** A key to filter by is a key exactly: the database would match it with trailing spaces too. */
  public static void checkKey(String parameter, String value) {
    if (value != null && !ApiPathKeys.KEY.matcher(value).matches()) {
      throw ApiException.badRequest(parameter + " must be a key (letters, digits, '.', '_', '@' or '-'), not '" + value
          + "'.");
    }
  }
}
