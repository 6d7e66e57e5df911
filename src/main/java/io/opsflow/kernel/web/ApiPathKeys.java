package io.opsflow.kernel.web;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keys in API paths ({@code /api/services/{key}}) must be keys, exactly: the database compares
 * {@code 'reporting '} equal to {@code 'reporting'}, so a key with a space, or any character no
 * OpsFlow key has, is refused with 400 before a lookup could find another record.
 */
public class ApiPathKeys implements HandlerInterceptor {

  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,254}");

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables != null) {
      variables.forEach((name, value) -> {
        if (!KEY.matcher(value).matches()) {
          throw ApiException.badRequest("The path names " + name + " '" + value + "', which is not a key: keys are "
              + "1-255 letters, digits, '.', '_', '@' or '-', starting with a letter or digit.");
        }
      });
    }
    return true;
  }
}
