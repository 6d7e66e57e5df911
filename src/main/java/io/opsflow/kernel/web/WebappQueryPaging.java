package io.opsflow.kernel.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engine refuses an unpaged list query ("An unbound number of results is forbidden!", the
 * query-max-results-limit). Cockpit asks for some lists without paging them, e.g. every version of a
 * process or decision definition for its version menu, and showed that error on every definition
 * page. Such a read of the webapps' engine API is paged here at the limit (first page, newest first
 * where Cockpit sorts so): the limit still bounds what one request reads. {@code /engine-rest}
 * callers page themselves, as the README says; counts and paged reads pass unchanged.
 */
class WebappQueryPaging extends OncePerRequestFilter {

  static final String MAX_RESULTS = "maxResults";
  static final String FIRST_RESULT = "firstResult";

  private final IntSupplier limit;

  WebappQueryPaging(IntSupplier limit) {
    this.limit = limit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || request.getParameter(MAX_RESULTS) != null
        || request.getRequestURI().endsWith("/count");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Paged(request, limit.getAsInt()), response);
  }

  /** The request with {@code maxResults} (and {@code firstResult}, when it had none) added. */
  private static final class Paged extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;
    private final String queryString;

    Paged(HttpServletRequest request, int limit) {
      super(request);
      Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
      StringBuilder query = new StringBuilder(request.getQueryString() == null ? "" : request.getQueryString());
      all.put(MAX_RESULTS, new String[] {Integer.toString(limit)});
      append(query, MAX_RESULTS + "=" + limit);
      if (!all.containsKey(FIRST_RESULT)) {
        all.put(FIRST_RESULT, new String[] {"0"});
        append(query, FIRST_RESULT + "=0");
      }
      this.parameters = Collections.unmodifiableMap(all);
      this.queryString = query.toString();
    }

    private static void append(StringBuilder query, String parameter) {
      query.append(query.isEmpty() ? "" : "&").append(parameter);
    }

    @Override
    public String getQueryString() {
      return queryString;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }
  }
}
