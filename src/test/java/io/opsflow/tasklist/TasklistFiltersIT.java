package io.opsflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.kernel.text.Installation;
import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;

/**
 * Where a person lands in Tasklist: "My tasks" holds their own tasks and their groups' unclaimed
 * ones, the most urgent first whatever order Tasklist asks for, named and labelled in the
 * language they signed in with.
 */
class TasklistFiltersIT extends IntegrationTest {

  @Autowired
  private TasklistFilters filters;
  @Autowired
  private List<TasklistColumn> columns;

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  /** What Tasklist sends when a filter is opened: its own default sorting, newest first. */
  private static final String TASKLIST_SORTING = "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]";

  @Test
  void myTasksHoldsOwnAndGroupsUnclaimedTasksTheMostUrgentFirst() {
    TaskService tasks = processEngine.getTaskService();
    Task ownNormal = opsTask();
    Task groupUrgentLater = opsTask();
    Task groupUrgentSooner = opsTask();
    Task groupLow = opsTask();
    Task claimedByOscar = opsTask();
    Task devTask = tasks.createTaskQuery().processInstanceId(groupLow.getProcessInstanceId())
        .taskDefinitionKey("Task_Dev").singleResult();
    tasks.setPriority(ownNormal.getId(), 50);
    tasks.claim(ownNormal.getId(), "olivia");
    tasks.setPriority(groupUrgentLater.getId(), 100);
    tasks.setDueDate(groupUrgentLater.getId(), Date.from(Instant.now().plusSeconds(7200)));
    tasks.setPriority(groupUrgentSooner.getId(), 100);
    tasks.setDueDate(groupUrgentSooner.getId(), Date.from(Instant.now().plusSeconds(3600)));
    tasks.setPriority(groupLow.getId(), 25);
    tasks.setPriority(claimedByOscar.getId(), 100);
    tasks.claim(claimedByOscar.getId(), "oscar");

    List<String> ours = List.of(ownNormal.getId(), groupUrgentLater.getId(), groupUrgentSooner.getId(),
        groupLow.getId(), claimedByOscar.getId(), devTask.getId());
    List<String> listed = filterTasks(api().signIn("olivia", "demo"), TasklistFilters.MY_TASKS, ours.stream()
        .map(id -> tasks.createTaskQuery().taskId(id).singleResult().getProcessInstanceId()).distinct().toList());

    assertThat(listed).containsExactly(groupUrgentSooner.getId(), groupUrgentLater.getId(), ownNormal.getId(),
        groupLow.getId());
  }

  @Test
  void myTasksSpeaksTheLanguageOfTheSignInAndShowsHowUrgentATaskIsFirst() {
    Api chinese = api().withHeader("Accept-Language", "zh-CN,zh;q=0.9").signIn("oscar", "demo");
    JsonNode filter = personalFilter(chinese, "oscar");
    assertThat(filter.path("name").asText()).isEqualTo(TasklistFilters.MY_TASKS_ZH);
    List<String> labels = StreamSupport.stream(filter.path("properties").path("variables").spliterator(), false)
        .map(variable -> variable.path("label").asText()).toList();
    assertThat(labels).contains("事件", "服务", "变更", "应急预案");
    assertThat(labels.subList(0, 3)).as("the card's first row says how urgent it is")
        .containsExactlyInAnyOrder("优先级", "风险", "演练");

    Api english = api().signIn("oscar", "demo");
    filter = personalFilter(english, "oscar");
    assertThat(filter.path("name").asText()).as("the same filter, renamed").isEqualTo(TasklistFilters.MY_TASKS);
    assertThat(filter.path("properties").path("variables").findValuesAsText("label")).contains("Priority", "Incident")
        .doesNotContain("优先级");
  }

  private Task opsTask() {
    String instance = startTaskVisibilityProcess().getId();
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Ops")
        .singleResult();
  }

  private JsonNode personalFilter(Api session, String owner) {
    List<JsonNode> mine = new ArrayList<>();
    session.get(WEBAPP_ENGINE + "/filter?resourceType=Task&maxResults=100&owner=" + owner).json().forEach(mine::add);
    List<JsonNode> personal = mine.stream().filter(filter -> Set.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_TASKS_ZH)
        .contains(filter.path("name").asText())).toList();
    assertThat(personal).as("one personal filter").hasSize(1);
    return personal.get(0);
  }

  /** The filter's tasks in these process instances, in the order Tasklist would show them. */
  @Test
  void theSharedFiltersAreNamedInTheInstallationsLanguageAndRenamedWhenItChanges() {
    FilterService filterService = processEngine.getFilterService();
    String groupTasks = sharedFilter(TasklistFilters.GROUP_TASKS).getId();
    String overdue = sharedFilter(TasklistFilters.OVERDUE).getId();
    TasklistFilters chinese = new TasklistFilters(filterService, processEngine.getTaskService(),
        processEngine.getAuthorizationService(), columns, new Installation("zh-CN", "Asia/Shanghai"));
    try {
      chinese.ensureSharedFilters();

      Filter renamed = filterService.getFilter(groupTasks);
      assertThat(renamed.getName()).isEqualTo(TasklistFilters.GROUP_TASKS_ZH);
      assertThat(renamed.getProperties().get("description").toString()).contains("认领");
      assertThat(renamed.getProperties().get("variables").toString()).contains("label=优先级");
      assertThat(filterService.getFilter(overdue).getName()).isEqualTo(TasklistFilters.OVERDUE_ZH);
      assertThat(filterService.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).list())
          .as("renamed, not made twice").noneMatch(filter -> filter.getOwner() == null);
    } finally {
      filters.ensureSharedFilters();
    }
    assertThat(filterService.getFilter(groupTasks).getName()).isEqualTo(TasklistFilters.GROUP_TASKS);
    assertThat(filterService.getFilter(overdue).getName()).isEqualTo(TasklistFilters.OVERDUE);
  }

  private Filter sharedFilter(String name) {
    return processEngine.getFilterService().createFilterQuery().filterName(name).list().stream()
        .filter(filter -> filter.getOwner() == null).findFirst().orElseThrow();
  }

  private List<String> filterTasks(Api session, String filterName, List<String> processInstances) {
    String filterId = null;
    for (JsonNode filter : session.get(WEBAPP_ENGINE + "/filter?resourceType=Task&maxResults=100").json()) {
      if (filter.path("name").asText().equals(filterName)) {
        filterId = filter.path("id").asText();
      }
    }
    assertThat(filterId).as("filter '%s' visible", filterName).isNotNull();
    String instances = String.join("\",\"", processInstances);
    Api.Response tasks = session.post(WEBAPP_ENGINE + "/filter/" + filterId + "/list?maxResults=100",
        "{\"processInstanceIdIn\":[\"" + instances + "\"]," + TASKLIST_SORTING + "}");
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    tasks.json().forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }
}
