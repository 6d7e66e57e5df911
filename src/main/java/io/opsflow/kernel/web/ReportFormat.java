package io.opsflow.kernel.web;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * How a report is sent: a styled page to a browser (it names {@code text/html} or
 * {@code application/xhtml+xml} above every other type it takes), Markdown or JSON to an API client
 * that asks for it. Wildcards ({@code *}{@code /*}, {@code text/*}) mean "anything", so curl
 * ({@code *}{@code /*}) and a client without Accept get the report's usual format.
 */
public enum ReportFormat {
  MARKDOWN, HTML, JSON;

  public static final MediaType MARKDOWN_TYPE = MediaType.parseMediaType("text/markdown");
  private static final List<MediaType> HTML_TYPES = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

  /**
   * The format for this Accept header; {@code usual} (Markdown or JSON) for none and for wildcards; a
   * header that takes none of the three is not acceptable.
   */
  public static ReportFormat wanted(String accept, ReportFormat usual) throws HttpMediaTypeNotAcceptableException {
    if (accept == null || accept.isBlank()) {
      return usual;
    }
    List<MediaType> ranges;
    try {
      ranges = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotAcceptableException("Accept header '" + accept + "' is not a list of media types.");
    }
    double html = ranges.stream().filter(range -> HTML_TYPES.stream().anyMatch(range::equalsTypeAndSubtype))
        .mapToDouble(MediaType::getQualityValue).max().orElse(0);
    double markdown = quality(ranges, MARKDOWN_TYPE);
    double json = quality(ranges, MediaType.APPLICATION_JSON);
    if (html == 0 && markdown == 0 && json == 0) {
      throw new HttpMediaTypeNotAcceptableException(List.of(MARKDOWN_TYPE, MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
    }
    double best = Math.max(markdown, json);
    if (html > best) {
      return HTML;
    }
    if ((usual == MARKDOWN ? markdown : json) == best) {
      return usual;
    }
    return markdown == best ? MARKDOWN : JSON;
  }

  private static double quality(List<MediaType> ranges, MediaType type) {
    return ranges.stream().filter(range -> range.includes(type)).mapToDouble(MediaType::getQualityValue).max().orElse(0);
  }
}
