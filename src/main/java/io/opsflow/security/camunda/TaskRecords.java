package io.opsflow.security.camunda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.dto.task.AttachmentDto;
import org.camunda.bpm.engine.rest.dto.task.CommentDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.kernel.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedHashMap;

/**
 * A task's comments and attachments, answered for a caller {@link TaskRecordsGuard} has let through.
 * Camunda's own resource looks the task up in history first, which staff may not read (history
 * rights would show them restricted incidents' variables), so it answers them 404 or an empty list.
 * This answers the lists and the additions itself, with Camunda's URLs, DTOs and JSON, so Tasklist
 * works unchanged; the comment or attachment is recorded under the signed-in caller. Comments and
 * attachments stay on the task's record: only the administrator edits or removes them.
 */
final class TaskRecords {

  /**
   * The most characters (code points) of a comment. Camunda keeps the whole comment in
   * {@code ACT_HI_COMMENT.FULL_MSG_}, a blob, and a 163-character summary in {@code MESSAGE_}; a
   * comment is a note on the work, and longer text belongs in an attachment.
   */
  static final int COMMENT_MAX = 4000;
  /** The most bytes of an attachment's content. */
  static final int ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
  /** Attachment name and type live in VARCHAR(255) columns, description and URL in VARCHAR(4000). */
  private static final int SHORT_COLUMN = 255;
  private static final int LONG_COLUMN = 4000;
  /** A comment's JSON, even with every character escaped as a surrogate pair, fits well within this. */
  private static final int COMMENT_BODY_MAX_BYTES = 128 * 1024;

  private static final ObjectMapper CAMUNDA_JSON = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

  private final TaskService tasks;
  private final ProblemWriter problems;

  TaskRecords(TaskService tasks, ProblemWriter problems) {
    this.tasks = tasks;
    this.problems = problems;
  }

  /**
   * Answers the request about the task's {@code route} ({@code comment}, {@code attachment/…}), or
   * returns false to leave it to Camunda's resource (reading one comment or attachment, which needs
   * no history lookup; the administrator's edits).
   *
   * @param openTask the task as the caller sees it open, or null when they read a finished one
   */
  boolean answer(HttpServletRequest request, HttpServletResponse response, String taskId, String route,
      Task openTask, boolean administrator) throws IOException {
    String method = request.getMethod();
    switch (method + " " + route) {
      case "GET comment" -> writeJson(response,
          tasks.getTaskComments(taskId).stream().map(CommentDto::fromComment).toList());
      case "GET attachment" -> writeJson(response,
          tasks.getTaskAttachments(taskId).stream().map(AttachmentDto::fromAttachment).toList());
      case "POST comment/create" -> addComment(request, response, openTask);
      case "POST attachment/create" -> addAttachment(request, response, openTask);
      default -> {
        boolean edit = "PUT".equals(method) || "DELETE".equals(method);
        if (!edit || administrator) {
          return false;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN,
            "Comments and attachments stay on the task's record; ask an administrator to remove one.");
      }
    }
    return true;
  }

  private void addComment(HttpServletRequest request, HttpServletResponse response, Task task) throws IOException {
    byte[] body = request.getInputStream().readNBytes(COMMENT_BODY_MAX_BYTES + 1);
    if (body.length > COMMENT_BODY_MAX_BYTES) {
      problems.write(request, response, HttpStatus.BAD_REQUEST,
          "A comment holds at most " + COMMENT_MAX + " characters.");
      return;
    }
    JsonNode json;
    try {
      json = CAMUNDA_JSON.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "Send the comment as JSON: {\"message\": \"…\"}.");
      return;
    }
    JsonNode message = json.path("message");
    if (!message.isTextual() || message.asText().isBlank()) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "A comment needs a message.");
      return;
    }
    String text = message.asText();
    int characters = text.codePointCount(0, text.length());
    if (characters > COMMENT_MAX) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "A comment holds at most " + COMMENT_MAX
          + " characters; this one has " + characters + ". Attach longer text as a file.");
      return;
    }
    // Tasklist may name the task's process instance; naming another would file the comment there
    JsonNode processInstance = json.path("processInstanceId");
    if (!processInstance.isMissingNode() && !processInstance.isNull()
        && !Objects.equals(processInstance.asText(), task.getProcessInstanceId())) {
      problems.write(request, response, HttpStatus.BAD_REQUEST,
          "processInstanceId must be the task's own process instance, or left out.");
      return;
    }
    String processInstanceId = processInstance.isTextual() ? task.getProcessInstanceId() : null;
    Comment comment = tasks.createComment(task.getId(), processInstanceId, text);
    CommentDto dto = CommentDto.fromComment(comment);
    dto.addReflexiveLink(self(request, "comment/create", "comment/" + comment.getId()), "GET", "self");
    writeJson(response, dto);
  }

  private void addAttachment(HttpServletRequest request, HttpServletResponse response, Task task) throws IOException {
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
      problems.write(request, response, HttpStatus.BAD_REQUEST,
          "Send an attachment as multipart/form-data with a 'content' (file) or 'url' part.");
      return;
    }
    // a form holds the content and a few short fields; beyond that it is refused unread
    long formMax = ATTACHMENT_MAX_BYTES + 64 * 1024;
    byte[] body = request.getContentLengthLong() > formMax ? null
        : request.getInputStream().readNBytes((int) formMax + 1);
    if (body == null || body.length > formMax) {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
      return;
    }
    var headers = new MultivaluedHashMap<String, String>();
    // the provider reads the header by its lower-case name, as Jersey's case-insensitive map answers it
    headers.putSingle("content-type", contentType);
    MultipartFormData form;
    try {
      form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, MultipartFormData.class,
          new Annotation[0], null, headers, new ByteArrayInputStream(body));
    } catch (RuntimeException e) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "The multipart form could not be read.");
      return;
    }
    var content = form.getNamedPart("content");
    String url = text(form, "url");
    String name = text(form, "attachment-name");
    String type = text(form, "attachment-type");
    String description = text(form, "attachment-description");
    String problem = attachmentProblem(content, url, name, type, description);
    if (problem != null) {
      problems.write(request, response,
          problem.equals(tooLarge()) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, problem);
      return;
    }
    Attachment attachment = content != null
        ? tasks.createAttachment(type, task.getId(), null, name, description,
            new ByteArrayInputStream(content.getBinaryContent()))
        : tasks.createAttachment(type, task.getId(), null, name, description, url);
    AttachmentDto dto = AttachmentDto.fromAttachment(attachment);
    dto.addReflexiveLink(self(request, "attachment/create", "attachment/" + attachment.getId()), "GET", "self");
    writeJson(response, dto);
  }

  private static String attachmentProblem(MultipartFormData.FormPart content, String url, String name, String type,
      String description) {
    if (content == null && (url == null || url.isBlank())) {
      return "An attachment needs a 'content' (file) or a 'url' part.";
    }
    if (content != null && content.getBinaryContent().length > ATTACHMENT_MAX_BYTES) {
      return tooLarge();
    }
    if (content == null && (url.length() > LONG_COLUMN || !(url.startsWith("https://") || url.startsWith("http://")))) {
      return "An attachment's url is an http(s) address of at most " + LONG_COLUMN + " characters.";
    }
    if (name != null && name.length() > SHORT_COLUMN || type != null && type.length() > SHORT_COLUMN) {
      return "An attachment's name and type hold at most " + SHORT_COLUMN + " characters each.";
    }
    if (description != null && description.length() > LONG_COLUMN) {
      return "An attachment's description holds at most " + LONG_COLUMN + " characters.";
    }
    return null;
  }

  private static String tooLarge() {
    return "An attachment holds at most " + ATTACHMENT_MAX_BYTES / (1024 * 1024) + " MB.";
  }

  private static String text(MultipartFormData form, String part) {
    var named = form.getNamedPart(part);
    return named == null ? null : named.getTextContent();
  }

  /** Where Camunda's resource would say the new record is: beside the path it was created through. */
  private static URI self(HttpServletRequest request, String createdThrough, String record) {
    String url = request.getRequestURL().toString();
    return URI.create(url.substring(0, url.length() - createdThrough.length()) + record);
  }

  private static void writeJson(HttpServletResponse response, Object body) throws IOException {
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    CAMUNDA_JSON.writeValue(response.getOutputStream(), body);
  }
}
