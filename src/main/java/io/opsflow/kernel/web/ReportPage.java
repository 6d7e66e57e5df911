package io.opsflow.kernel.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.util.HtmlUtils;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Language;
import io.opsflow.kernel.text.Reader;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One report (a retrospective, an emergency-plan activation, an incident, a change) in the form its
 * reader wants: a styled page that prints well for a person in a browser, in English or Chinese; its
 * Markdown or its JSON for an API client ({@link ReportFormat}). The page is rendered from the same
 * Markdown; raw HTML in what people typed is escaped.
 */
public final class ReportPage {

  private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
      .escapeHtml(true).build();
  private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");
  private static final MediaType MARKDOWN_UTF8 = MediaType.parseMediaType("text/markdown;charset=UTF-8");

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="%1$s"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>%2$s · OpsFlow</title>
      <style>
        :root { --brand: #1f4e79; --line: #d9dee4; }
        body { font-family: -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
               color: #1d2329; background: #f4f5f7; margin: 0; line-height: 1.55; }
        header.brand { background: var(--brand); color: #fff; padding: .7em 1.5em; font-weight: 600; }
        header.brand a { color: #fff; text-decoration: none; }
        main.report { max-width: 60em; margin: 1.5em auto; background: #fff; padding: 1.5em 2.5em 2em;
                      border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
        h1 { font-size: 1.6em; color: var(--brand); border-bottom: 2px solid var(--brand); padding-bottom: .3em; }
        h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
        h3 { font-size: 1.05em; margin-top: 1.3em; }
        table { border-collapse: collapse; width: 100%%; margin: .8em 0; font-size: .92em; }
        th, td { border: 1px solid var(--line); padding: .35em .6em; text-align: left; vertical-align: top; }
        th { background: #eef2f6; }
        tr:nth-child(even) td { background: #fafbfc; }
        code { background: #eef2f6; padding: 0 .25em; border-radius: 3px; }
        footer { max-width: 60em; margin: 0 auto 2em; color: #6b7580; font-size: .85em; }
        @media print {
          @page { margin: 1.5cm; }
          body { background: #fff; font-size: 10.5pt; }
          header.brand { background: none; color: #000; border-bottom: 1px solid #000; padding: 0 0 .3em; }
          header.brand a { color: #000; }
          main.report { box-shadow: none; margin: 0; padding: 0; max-width: none; }
          h1 { color: #000; border-color: #000; }
          h2, h3 { page-break-after: avoid; }
          table { page-break-inside: auto; }
          tr { page-break-inside: avoid; }
          th { background: #eee !important; }
          a { color: #000; }
        }
      </style></head>
      <body>
      <header class="brand"><a href="%3$s/">OpsFlow</a></header>
      <main class="report">
      %4$s</main>
      <footer>%5$s</footer>
      </body></html>
      """;

  private ReportPage() {
  }

  /** Text inside a Markdown table cell: no line breaks, no column separators; "-" for nothing. */
  public static String cell(String text) {
    return text == null ? "-" : text.replace("|", "\\|").replaceAll("\\R", " ");
  }

  /**
   * A Markdown table and the blank line after it: the header's columns ("A | B | C"), then one row per
   * item, each cell made safe ({@link #cell}).
   */
  public static <T> String table(String columns, List<T> items, Function<T, List<String>> cells) {
    int count = columns.split("\\|").length;
    StringBuilder md = new StringBuilder("| ").append(columns).append(" |\n|").append("---|".repeat(count)).append('\n');
    items.forEach(item -> md.append("| ").append(String.join(" | ", cells.apply(item).stream().map(ReportPage::cell)
        .toList())).append(" |\n"));
    return md.append('\n').toString();
  }

  /** The whole page: the Markdown rendered, with OpsFlow's header and the print styles. */
  public static String html(Language language, String title, String markdown, String contextPath) {
    return PAGE.formatted(language.tag(), HtmlUtils.htmlEscape(title, "UTF-8"), contextPath, RENDERER.render(PARSER.parse(markdown)),
        language.say("OpsFlow report. Also as Markdown (Accept: text/markdown) and JSON (Accept: application/json).",
            "OpsFlow 报告。也可作为 Markdown（Accept: text/markdown）和 JSON（Accept: application/json）获取。"));
  }

  /**
   * The answer to a report request: a page for a browser, else Markdown or JSON, {@code usual} when
   * the client names neither. The page and the Markdown are in the reader's language (the webapps'
   * choice, then the browser's, then the installation's), with times on the installation's clock.
   *
   * @param markdown the report for its reader
   * @param json what the JSON form of the report is
   */
  public static ResponseEntity<?> answer(HttpServletRequest request, Installation installation, ReportFormat usual,
      Function<Reader, String> title, Function<Reader, String> markdown, Supplier<Object> json)
      throws HttpMediaTypeNotAcceptableException {
    ReportFormat format = ReportFormat.wanted(request.getHeader(HttpHeaders.ACCEPT), usual);
    Reader reader = installation.reader(installation.languageOf(request));
    Language language = reader.language();
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", "
        + HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE);
    return switch (format) {
      case HTML -> ok.contentType(HTML_UTF8).header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
          .body(html(language, title.apply(reader), markdown.apply(reader), request.getContextPath()));
      case MARKDOWN -> ok.contentType(MARKDOWN_UTF8).header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
          .body(markdown.apply(reader));
      case JSON -> ok.contentType(MediaType.APPLICATION_JSON).body(json.get());
    };
  }
}
