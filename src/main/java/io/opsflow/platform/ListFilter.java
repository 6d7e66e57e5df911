package io.opsflow.platform;

/** The common filters of the list endpoints ({@code ?state=open|closed&limit=}), checked once. */
public final class ListFilter {

  private ListFilter() {
  }

  public static void check(String state, int limit) {
    if (state != null && !state.equals("open") && !state.equals("closed")) {
      throw ApiException.badRequest("state must be open or closed, not '" + state + "'.");
    }
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit must be between 1 and 1000.");
    }
  }
}
