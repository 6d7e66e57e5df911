package io.opsflow.retro.web;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * How a retrospective report is sent: Markdown, the format people paste and diff, unless the client
 * names HTML. Wildcards ({@code *}{@code /*}, {@code text/*}) mean "anything", so they get Markdown:
 * curl sends {@code *}{@code /*}; a browser names {@code text/html} first.
 */
enum ReportFormat {
  MARKDOWN, HTML;

  static final MediaType MARKDOWN_TYPE = MediaType.parseMediaType("text/markdown");
  private static final List<MediaType> HTML_TYPES = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

  /** The format for this Accept header (none: Markdown); a header that takes neither is not acceptable. */
  static ReportFormat wanted(String accept) throws HttpMediaTypeNotAcceptableException {
    if (accept == null || accept.isBlank()) {
      return MARKDOWN;
    }
    List<MediaType> ranges;
    try {
      ranges = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotAcceptableException("Accept header '" + accept + "' is not a list of media types.");
    }
    double html = ranges.stream().filter(range -> HTML_TYPES.stream().anyMatch(range::equalsTypeAndSubtype))
        .mapToDouble(MediaType::getQualityValue).max().orElse(0);
    double markdown = ranges.stream().filter(range -> range.includes(MARKDOWN_TYPE))
        .mapToDouble(MediaType::getQualityValue).max().orElse(0);
    if (html == 0 && markdown == 0) {
      throw new HttpMediaTypeNotAcceptableException(List.of(MARKDOWN_TYPE, MediaType.TEXT_HTML));
    }
    return html > markdown ? HTML : MARKDOWN;
  }
}
