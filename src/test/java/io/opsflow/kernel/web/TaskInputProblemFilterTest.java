package io.opsflow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.process.InvalidTaskInput;

class TaskInputProblemFilterTest {

  @Test
  void aDomainRefusalWrappedByTheEngineBecomesA400WithJustItsDetail() throws Exception {
    String wrapped = "Cannot submit task form abc: " + Refusal.conflict("Change CHG-2026-0001 is closed.").getMessage();
    MockHttpServletResponse response = submit("/engine-rest/task/abc/submit-form", 500, wrapped);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("\"message\":\"Change CHG-2026-0001 is closed.\"");
  }

  @Test
  void aFormRefusalBecomesA400AndOtherFailuresPassUntouched() throws Exception {
    String refused = new InvalidTaskInput("complete the triage", List.of("priority must be P1-P4")).getMessage();
    MockHttpServletResponse form = submit("/camunda/api/engine/engine/default/task/abc/complete", 500, refused);
    assertThat(form.getStatus()).isEqualTo(400);
    assertThat(form.getContentAsString()).contains("cannot complete the triage: priority must be P1-P4.");

    String chinese = new InvalidTaskInput(java.util.List.of("verified 必须是 true 或 false"),
        "无法完成验证：verified 必须是 true 或 false。").getMessage();
    MockHttpServletResponse zh = submit("/engine-rest/task/abc/complete", 500, chinese);
    assertThat(zh.getStatus()).isEqualTo(400);
    zh.setCharacterEncoding("UTF-8");
    assertThat(zh.getContentAsString()).contains("\"message\":\"无法完成验证：verified 必须是 true 或 false。\"");

    MockHttpServletResponse other = submit("/engine-rest/task/abc/complete", 500, "NullPointerException");
    assertThat(other.getStatus()).isEqualTo(500);
    assertThat(other.getContentAsString()).contains("NullPointerException");
  }

  private static MockHttpServletResponse submit(String uri, int status, String message) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    HttpServlet engine = new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse res) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.getWriter().write("{\"type\":\"ProcessEngineException\",\"message\":\"" + message + "\"}");
      }
    };
    new TaskInputProblemFilter().doFilter(request, response, new MockFilterChain(engine));
    return response;
  }
}
