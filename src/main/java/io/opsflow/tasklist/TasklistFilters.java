package io.opsflow.tasklist;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Language;
import io.opsflow.security.Authorities;
import io.opsflow.security.Grants;
import io.opsflow.security.Groups;

/**
 * Tasklist's filters. Expressions in stored queries are switched off (they are a code-execution
 * risk in Camunda CE), so no filter can say "me" or "now": "My tasks" is a personal filter made
 * at a person's first sign-in, "My groups' tasks" lists unassigned tasks (the engine's task
 * authorizations narrow it to the person's groups), and "Overdue" is a shared filter whose due
 * date bound is moved forward every minute. The shared filters are named and described in the
 * installation's language ({@code opsflow.language}), and renamed when it changes.
 *
 * <p>"My tasks" is where a person lands (Tasklist opens the filter of the lowest {@code priority}
 * property): the work they can do, their own tasks and their groups' unclaimed ones, the most
 * urgent first (task priority, then due date; Tasklist's own sorting only breaks ties). It is
 * named and labelled in the language the person signed in with (the installation's when neither the
 * webapps' choice nor the browser names one OpsFlow speaks).
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_TASKS_ZH = "我的任务";
  public static final String GROUP_TASKS = "My groups' tasks";
  public static final String GROUP_TASKS_ZH = "我所在组的任务";
  public static final String OVERDUE = "Overdue";
  public static final String OVERDUE_ZH = "已逾期";

  /** A filter everyone shares, named and described in the installation's language. */
  private record Shared(String name, String chineseName, String description, String chineseDescription) {

    String name(Language language) {
      return language.say(name, chineseName);
    }

    String description(Language language) {
      return language.say(description, chineseDescription);
    }
  }

  private static final Shared GROUP = new Shared(GROUP_TASKS, GROUP_TASKS_ZH,
      "Unassigned tasks of your groups: claim one to work on it", "你所在组尚未认领的任务：认领一个即可处理");
  private static final Shared LATE = new Shared(OVERDUE, OVERDUE_ZH,
      "Your and your groups' tasks past their due date", "你和你所在组已过截止时间的任务");

  private static final List<String> SHARED_WITH =
      Stream.concat(Groups.STAFF.stream(), Stream.of(Groups.ADMIN)).toList();

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final List<TasklistColumn> columns;
  private final Installation installation;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      List<TasklistColumn> columns, Installation installation) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.columns = columns;
    this.installation = installation;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void ensureSharedFilters() {
    saveShared(GROUP, taskService.createTaskQuery().taskUnassigned(), 0, "#3a6ea5");
    refreshOverdue();
    // a group added after the filters were made (security) gets them too
    List.of(GROUP, LATE).forEach(filter -> shared(filter).ifPresent(this::share));
  }

  /** Moves the "now" of the Overdue filter; Tasklist runs the stored query on every refresh. */
  @Scheduled(fixedDelayString = "${opsflow.tasklist.overdue-refresh:PT1M}", initialDelayString = "PT1M")
  public void refreshOverdue() {
    Date now = ClockUtil.getCurrentTime();
    saveShared(LATE, taskService.createTaskQuery().dueBefore(now), 10, "#b5152b");
  }

  @EventListener
  public void onSignIn(InteractiveAuthenticationSuccessEvent event) {
    if (Authorities.isPerson(event.getAuthentication())) {
      ensurePersonalFilter(event.getAuthentication().getName(), signInLanguage());
    }
  }

  /** Creates the person's "My tasks" filter in the installation's language, or brings it up to date. */
  public void ensurePersonalFilter(String userId) {
    ensurePersonalFilter(userId, installation.spoken());
  }

  /** Creates the person's "My tasks" filter, or brings its query, name and columns up to date. */
  public void ensurePersonalFilter(String userId, Language language) {
    // the engine grants the owner all rights on a new filter
    Filter filter = filterService.createFilterQuery().filterOwner(userId).list().stream()
        .filter(mine -> MY_TASKS.equals(mine.getName()) || MY_TASKS_ZH.equals(mine.getName())).findFirst()
        .orElseGet(() -> filterService.newTaskFilter().setOwner(userId));
    filter.setName(language.say(MY_TASKS, MY_TASKS_ZH));
    // a candidate user's groups are looked up when the query runs: a group joined later counts
    filter.setQuery(taskService.createTaskQuery().or().taskAssignee(userId).taskCandidateUser(userId).endOr()
        .orderByTaskPriority().desc().orderByDueDate().asc());
    Map<String, Object> properties = properties(language.say("Your tasks and your groups' unclaimed tasks, most urgent first",
        "你的任务和你所在组尚未认领的任务，最紧急的在前"), -10, "#555555", language);
    filter.setProperties(properties);
    filterService.saveFilter(filter);
  }

  /** As the sign-in page chose it: the webapps' language cookie, the browser's languages, the installation's. */
  private Language signInLanguage() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return installation.spoken();
    }
    return installation.languageOf(attributes.getRequest());
  }

  /** Saves a shared filter, renamed when the installation's language changed since it was made. */
  private void saveShared(Shared shared, TaskQuery query, int priority, String color) {
    Language language = installation.spoken();
    Filter filter = shared(shared).orElseGet(() -> filterService.newTaskFilter(shared.name(language)));
    boolean created = filter.getId() == null;
    filter.setName(shared.name(language));
    filter.setQuery(query);
    filter.setProperties(properties(shared.description(language), priority, color, language));
    filterService.saveFilter(filter);
    if (created) {
      share(filter);
    }
  }

  private void share(Filter filter) {
    SHARED_WITH.forEach(group -> Grants.grant(authorizationService, group, Resources.FILTER, filter.getId(),
        Permissions.READ));
  }

  private Optional<Filter> shared(Shared shared) {
    return Stream.of(shared.name(), shared.chineseName())
        .flatMap(name -> filterService.createFilterQuery().filterName(name).list().stream())
        .filter(filter -> filter.getOwner() == null).findFirst();
  }

  private Map<String, Object> properties(String description, int priority, String color, Language language) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", columns.stream()
        .map(column -> Map.of("name", column.variable(), "label", column.label(language))).toList());
    return properties;
  }
}
