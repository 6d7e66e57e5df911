package io.opsflow.feedback.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.feedback.Channel;
import io.opsflow.feedback.Feedback;
import io.opsflow.feedback.FeedbackDraft;
import io.opsflow.feedback.FeedbackIntake;
import io.opsflow.feedback.FeedbackPage;
import io.opsflow.feedback.GroupBy;
import io.opsflow.feedback.ImportReport;
import io.opsflow.feedback.IncidentFeedback;
import io.opsflow.feedback.Insights;
import io.opsflow.feedback.InvalidItems;
import io.opsflow.feedback.ItemError;
import io.opsflow.feedback.Recorded;
import io.opsflow.feedback.Sentiment;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.text.StorableTime;
import io.opsflow.kernel.web.ApiException;
import io.opsflow.kernel.web.ListFilter;
import io.opsflow.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Users' feedback: recorded one by one, in batches or from a CSV export; read as a list and as
 * insights. A batch is read item by item, so a refusal names every bad item by its index.
 */
@Tag(name = "Feedback")
@RestController
@RequestMapping(FeedbackController.PATH)
class FeedbackController {

  static final String PATH = "/api/feedback";

  private final FeedbackIntake intake;
  private final Feedback feedback;
  private final IncidentFeedback incidentFeedback;
  private final Incidents incidents;
  private final Visibility visibility;
  private final ObjectMapper json;

  FeedbackController(FeedbackIntake intake, Feedback feedback, IncidentFeedback incidentFeedback, Incidents incidents,
      Visibility visibility, ObjectMapper json) {
    this.intake = intake;
    this.feedback = feedback;
    this.incidentFeedback = incidentFeedback;
    this.incidents = incidents;
    this.visibility = visibility;
    this.json = json;
  }

  @Operation(summary = "Record feedback: one item, or a batch (a JSON array of up to 1,000)", description = """
      A batch is all or nothing: one bad item refuses it, and the 400 problem's `errors` name each bad item by its \
      `index` (from 0). The same channel and `externalId` again is recorded once: the answer gives the item \
      recorded first, with `repeat: true`. `text` (up to 10,000 characters, counted as Unicode code points) is \
      stored with e-mail addresses, phone and ID-card numbers masked; `userRef` only as a keyed hash. The answer \
      lists each item in order with its language, sentiment and score.""",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          schema = @Schema(oneOf = {FeedbackDraft.class, FeedbackDraft[].class}))))
  @ApiResponse(responseCode = "201", description = "Recorded (or repeats)", content = @Content(
      array = @ArraySchema(schema = @Schema(implementation = Recorded.class))))
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  List<Recorded> record(@RequestBody JsonNode body, Authentication caller) {
    List<JsonNode> nodes = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(nodes::add);
    } else if (body.isObject()) {
      nodes.add(body);
    } else {
      throw ApiException.badRequest("Send one feedback item as a JSON object, or a batch as a JSON array of them.");
    }
    if (nodes.isEmpty() || nodes.size() > FeedbackIntake.MAX_BATCH) {
      throw ApiException.badRequest("A batch holds 1 to " + FeedbackIntake.MAX_BATCH + " items, not " + nodes.size()
          + "; send more in several requests.");
    }
    List<FeedbackDraft> drafts = new ArrayList<>();
    List<ItemError> unreadable = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      try {
        drafts.add(nodes.get(i).isObject() ? json.treeToValue(nodes.get(i), FeedbackDraft.class) : null);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        unreadable.add(unreadable(i, e));
        drafts.add(null);
      }
    }
    if (!unreadable.isEmpty()) {
      List<ItemError> errors = new ArrayList<>(unreadable);
      List<Integer> readable = IntStream.range(0, drafts.size()).filter(i -> drafts.get(i) != null
          || unreadable.stream().noneMatch(error -> error.index() == i)).boxed().toList();
      errors.addAll(intake.check(readable.stream().map(drafts::get).toList(), readable));
      errors.sort(java.util.Comparator.comparingInt(ItemError::index));
      throw new InvalidItems(errors);
    }
    return intake.record(drafts, caller.getName());
  }

  @Operation(summary = "Import a CSV export (multipart, field `file`)", description = """
      UTF-8; the first row names the columns in any order: `service`, `channel`, `externalId`, `text` \
      (required), `rating`, `occurredAt` (ISO-8601 with offset), `version`, `userRef` (optional); other columns \
      are ignored. The good rows are recorded (in one transaction), the bad ones listed in `refused` with their \
      row number (the header is row 1). A file without a required column is refused whole (400). Up to 10,000 \
      rows and 2 MB.""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
          requiredProperties = "file", properties = @io.swagger.v3.oas.annotations.StringToClassMapItem(key = "file",
              value = MultipartFile.class)))))
  @PostMapping("/import")
  ImportReport importCsv(@RequestPart("file") MultipartFile file, Authentication caller) {
    List<CsvImport.Row> rows;
    // strictly UTF-8: Tomcat parses the parts from its own stream, past the API body filter's check
    try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
      rows = CsvImport.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CsvImport.Row> readable = rows.stream().filter(row -> row.draft() != null).toList();
    List<ItemError> errors = intake.check(readable.stream().map(CsvImport.Row::draft).toList(),
        readable.stream().map(CsvImport.Row::row).toList());
    List<ImportReport.RefusedRow> refused = new ArrayList<>();
    List<FeedbackDraft> good = new ArrayList<>();
    for (CsvImport.Row row : rows) {
      List<String> problems = new ArrayList<>(row.errors());
      errors.stream().filter(error -> error.index() == row.row())
          .forEach(error -> problems.add((error.field() == null ? "" : error.field() + " ") + error.message()));
      if (problems.isEmpty()) {
        good.add(row.draft());
      } else {
        refused.add(new ImportReport.RefusedRow(row.row(), row.externalId(), problems));
      }
    }
    List<Recorded> recorded = good.isEmpty() ? List.of() : intake.store(good, caller.getName());
    return new ImportReport(rows.size(), recorded, refused);
  }

  @Operation(summary = "List feedback, newest first (paged)", description = """
      Every filter is optional: `service`, `channel`, `sentiment`, `from` (inclusive) and `to` (exclusive) as \
      ISO-8601 times with offset, `q` (text the item contains, any case). `page` counts from 0; `size` 1 to 200. \
      `incident` (alone, with no other filter) lists the items linked to that incident: a negative spike links \
      the items of its window, and those that keep coming while the incident is open. Every signed-in person \
      may read; the items of a restricted incident only those who may read the incident.""")
  @GetMapping
  FeedbackPage list(@RequestParam(required = false) String service, @RequestParam(required = false) Channel channel,
      @RequestParam(required = false) Sentiment sentiment, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String q,
      @RequestParam(required = false) String incident, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, Authentication caller) {
    if (incident != null) {
      if (service != null || channel != null || sentiment != null || from != null || to != null || q != null) {
        throw ApiException.badRequest("incident lists the items linked to one incident; it takes no other filter"
            + " (service, channel, sentiment, from, to, q).");
      }
      ListFilter.checkKey("incident", incident);
      if (incidents.details(incident, visibility.seesRestricted(caller)).isEmpty()) {
        throw ApiException.notFound("No incident " + incident + ".");
      }
      return incidentFeedback.of(incident, page, size);
    }
    ListFilter.checkKey("service", service);
    if (q != null && q.length() > 200) {
      throw ApiException.badRequest("q must be at most 200 characters.");
    }
    return feedback.search(service, channel, sentiment, time("from", from), time("to", to), q, page, size);
  }

  @Operation(summary = "Insights: volume, average score, negative share, average rating, top complaint terms",
      description = """
      For one service (required) over `from` … `to` (default: the last 30 days up to now), in all and grouped by \
      `day` (UTC dates), `version` or `channel`. Complaint terms are the nouns, verbs and adjectives of negative \
      items, without stop words and sentiment words. Every signed-in person may read.""")
  @GetMapping("/insights")
  Insights insights(@RequestParam String service, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "day") GroupBy groupBy) {
    ListFilter.checkKey("service", service);
    Instant end = to == null ? Instant.now() : time("to", to);
    Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : time("from", from);
    return feedback.insights(service, start, end, groupBy);
  }

  /** The refusal of a batch: 400, with each bad item's index, field and message. */
  @ExceptionHandler(InvalidItems.class)
  ResponseEntity<ProblemDetail> invalidItems(InvalidItems refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
    problem.setProperty("indexes", refused.indexes());
    problem.setProperty("errors", refused.errors());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** A multipart body that cannot be parsed (cut short, not UTF-8, over the multipart limit): nothing was read. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The upload cannot be read: send"
        + " the CSV file as the part 'file' of a multipart/form-data body, UTF-8, at most 2 MB. Nothing was imported.");
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ItemError unreadable(int index, Exception e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().get(0).getFieldName();
      String reason = mapping.getOriginalMessage() == null ? "has the wrong type" : mapping.getOriginalMessage();
      int cut = reason.indexOf(" at [Source");
      String message = field == null ? "is not readable" : mapping instanceof
          com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException ? "is not a field of a feedback item"
          : "has the wrong type or value (" + (cut < 0 ? reason : reason.substring(0, cut)).lines().findFirst()
              .orElse("") + ")";
      return new ItemError(index, field, message);
    }
    return new ItemError(index, null, "is not a feedback item");
  }

  private static Instant time(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      Instant time = OffsetDateTime.parse(value).toInstant();
      if (!StorableTime.storable(time)) {
        throw ApiException.badRequest(name + " must lie " + StorableTime.RANGE + ".");
      }
      return time;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be an ISO-8601 date and time with offset, e.g. "
          + "2026-11-01T00:00:00+08:00, not '" + value + "'.");
    }
  }
}
