package io.opsflow.feedback.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.opsflow.feedback.Channel;
import io.opsflow.feedback.FeedbackDraft;
import io.opsflow.kernel.web.ApiException;

/**
 * Reads a CSV export into drafts, row by row. The first row names the columns (any order, any case;
 * other columns, such as an app store's device or country, are ignored): {@code service},
 * {@code channel}, {@code externalId}, {@code text} are required, {@code rating}, {@code occurredAt},
 * {@code version}, {@code userRef} optional; an empty cell is a missing value. A file without a
 * required column, with a duplicate column or with more than {@value #MAX_ROWS} rows is refused whole.
 */
final class CsvImport {

  static final int MAX_ROWS = 10_000;
  static final List<String> REQUIRED = List.of("service", "channel", "externalId", "text");
  static final List<String> OPTIONAL = List.of("rating", "occurredAt", "version", "userRef");

  /** One data row: its draft, or why it could not be read. */
  record Row(int row, FeedbackDraft draft, String externalId, List<String> errors) {
  }

  private CsvImport() {
  }

  static List<Row> read(Reader reader) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
        .setIgnoreEmptyLines(true).setTrim(false).setAllowMissingColumnNames(false).setDuplicateHeaderMode(
            org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<String, String> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      parser.getHeaderNames().forEach(name -> columns.put(stripBom(name).strip(), name));
      List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
      if (!missing.isEmpty()) {
        throw ApiException.badRequest("The CSV file has no column " + String.join(", ", missing) + "; its first row"
            + " must name the columns, at least " + String.join(", ", REQUIRED) + " (optional: "
            + String.join(", ", OPTIONAL) + "). Nothing was imported.");
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (rows.size() == MAX_ROWS) {
          throw ApiException.badRequest("The CSV file has more than " + MAX_ROWS + " rows; split it. Nothing was"
              + " imported.");
        }
        rows.add(row(rows.size() + 2, record, columns));
      }
      return rows;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ApiException.badRequest("The file is not a CSV file OpsFlow can read: " + e.getMessage()
          + ". Nothing was imported.");
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause());
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** Malformed UTF-8, a quote never closed: the file is refused whole. */
  private static ApiException unreadable(IOException e) {
    String reason = e instanceof java.nio.charset.CharacterCodingException ? "it is not UTF-8" : e.getMessage();
    return ApiException.badRequest("The CSV file cannot be read: " + reason + ". Nothing was imported.");
  }

  private static Row row(int number, CSVRecord record, Map<String, String> columns) {
    List<String> errors = new ArrayList<>();
    String externalId = cell(record, columns, "externalId");
    if (!record.isConsistent()) {
      errors.add("has " + record.size() + " cells, the header " + record.getParser().getHeaderNames().size());
      return new Row(number, null, externalId, errors);
    }
    Channel channel = null;
    String channelCode = cell(record, columns, "channel");
    if (channelCode != null) {
      channel = Arrays.stream(Channel.values()).filter(c -> c.code().equals(channelCode)).findFirst().orElse(null);
      if (channel == null) {
        errors.add("channel '" + channelCode + "' is none of in-app, app-store, support, social, survey, other");
      }
    }
    Integer rating = null;
    String ratingText = cell(record, columns, "rating");
    if (ratingText != null) {
      try {
        rating = Integer.valueOf(ratingText);
      } catch (NumberFormatException e) {
        errors.add("rating '" + ratingText + "' is not a whole number 1 to 5");
      }
    }
    OffsetDateTime occurredAt = null;
    String occurredText = cell(record, columns, "occurredAt");
    if (occurredText != null) {
      try {
        occurredAt = OffsetDateTime.parse(occurredText);
      } catch (DateTimeParseException e) {
        errors.add("occurredAt '" + occurredText + "' is not an ISO-8601 time with offset, e.g. 2026-11-27T09:00:00+08:00");
      }
    }
    FeedbackDraft draft = errors.isEmpty() ? new FeedbackDraft(cell(record, columns, "service"),
        cell(record, columns, "version"), channel, cell(record, columns, "text"), rating, occurredAt, externalId,
        cell(record, columns, "userRef")) : null;
    return new Row(number, draft, externalId, errors);
  }

  private static String cell(CSVRecord record, Map<String, String> columns, String name) {
    String column = columns.get(name);
    if (column == null || !record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value.isEmpty() ? null : value;
  }

  private static String stripBom(String name) {
    return name.startsWith("\uFEFF") ? name.substring(1) : name;
  }

}
