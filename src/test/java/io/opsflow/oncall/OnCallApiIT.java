package io.opsflow.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

class OnCallApiIT extends IntegrationTest {

  private static final String DAILY = """
      {"name":"%s","group":"ops","members":["olivia","oscar"],"rotation":"daily","handoffTime":"09:00",
       "timeZone":"Asia/Shanghai","start":"2026-11-30"}""";

  private String create(String name) {
    return create(name, "2026-11-30");
  }

  private String create(String name, String start) {
    Response created = as("mia").post("/api/oncall/schedules", DAILY.formatted(name).replace("2026-11-30", start));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private static JsonNode shift(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  @Test
  void demoScheduleShowsOpsWhoIsOnCallNowAndDevSeesNoneOfIt() {
    JsonNode ops = as("olivia").get("/api/oncall/now").json();
    JsonNode manager = as("mia").get("/api/oncall/now").json();
    JsonNode dev = as("devon").get("/api/oncall/now").json();

    JsonNode demo = find(ops, "scheduleName", "Ops weekly");
    assertThat(demo).as(ops.toString()).isNotNull();
    assertThat(demo.path("userId").asText()).isIn("olivia", "oscar");
    assertThat(Instant.parse(demo.path("from").asText())).isBefore(Instant.now());
    assertThat(Instant.parse(demo.path("to").asText())).isAfter(Instant.now());
    assertThat(find(manager, "scheduleName", "Ops weekly")).as("managers see every group").isNotNull();
    assertThat(dev.findValuesAsText("group")).as("devon is in dev only").doesNotContain("ops");
  }

  @Test
  void managerCreatesAScheduleWhoseChineseNameAndEmojiAreStoredWhole() {
    String name = "运维值班 🚨 夜班".repeat(10).substring(0, 90) + "🚨";

    Response created = as("mia").post("/api/oncall/schedules", DAILY.formatted(name));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).endsWith("/api/oncall/schedules/" + id);
    JsonNode read = as("devon").get("/api/oncall/schedules/" + id).json();
    assertThat(read.path("name").asText()).isEqualTo(name);
    assertThat(read.path("members").toString()).isEqualTo("[\"olivia\",\"oscar\"]");
    assertThat(read.path("rotation").asText()).isEqualTo("daily");
    assertThat(TestDatabase.rows(DATABASE, "SELECT name FROM oncall_schedule WHERE schedule_id = '" + id + "'"))
        .containsExactly(List.of(name));
    assertThat(count("audit_entry WHERE action = 'oncall-schedule.created' AND subject = '" + id + "'")).isOne();
  }

  @Test
  void scheduleNameOfTheLongestSizeWithEmojiIsStoredWholeAndOneMoreIsRefused() {
    String longest = "🚨".repeat(50) + "值".repeat(100);
    assertThat(longest.length()).as("200 UTF-16 units, as @Size counts").isEqualTo(200);

    Response created = as("mia").post("/api/oncall/schedules", DAILY.formatted(longest));
    Response tooLong = as("mia").post("/api/oncall/schedules", DAILY.formatted(longest + "x"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(TestDatabase.rows(DATABASE, "SELECT name FROM oncall_schedule WHERE schedule_id = '"
        + created.json().path("id").asText() + "'")).containsExactly(List.of(longest));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().toString()).contains("name");
  }

  @Test
  void nowHandsOverAtTheHandoffAndAnOverrideWinsUntilDeleted() {
    String id = create("Handoff test");
    String base = "/api/oncall/schedules/" + id;

    JsonNode first = shift(as("devon").get(base + "/now?at=2026-11-30T01:00:00Z"));
    JsonNode lastMoment = shift(as("devon").get(base + "/now?at=2026-12-01T00:59:59.999Z"));
    JsonNode second = shift(as("devon").get(base + "/now?at=2026-12-01T01:00:00Z"));

    assertThat(first.path("userId").asText()).isEqualTo("olivia");
    assertThat(first.path("from").asText()).isEqualTo("2026-11-30T01:00:00Z");
    assertThat(first.path("to").asText()).isEqualTo("2026-12-01T01:00:00Z");
    assertThat(lastMoment.path("userId").asText()).isEqualTo("olivia");
    assertThat(second.path("userId").asText()).isEqualTo("oscar");

    Response before = as("devon").get(base + "/now?at=2026-11-30T00:59:59Z");
    assertThat(before.status()).isEqualTo(404);
    assertThat(before.header("Content-Type")).startsWith("application/problem+json");
    assertThat(before.json().path("detail").asText()).contains("no one on call before 2026-11-30T01:00:00Z");

    Response override = as("mia").post(base + "/overrides", """
        {"userId":"oscar","from":"2026-11-30T12:00:00+08:00","to":"2026-11-30T14:00:00+08:00"}""");
    assertThat(override.status()).as(override.toString()).isEqualTo(201);
    JsonNode during = shift(as("olivia").get(base + "/now?at=2026-11-30T05:00:00Z"));
    JsonNode after = shift(as("olivia").get(base + "/now?at=2026-11-30T06:00:00Z"));
    assertThat(during.path("userId").asText()).isEqualTo("oscar");
    assertThat(during.path("from").asText()).isEqualTo("2026-11-30T04:00:00Z");
    assertThat(during.path("to").asText()).isEqualTo("2026-11-30T06:00:00Z");
    assertThat(after.path("userId").asText()).isEqualTo("olivia");
    assertThat(after.path("from").asText()).as("the rest of the shift").isEqualTo("2026-11-30T06:00:00Z");
    assertThat(as("olivia").get(base + "/overrides").json().findValuesAsText("id"))
        .containsExactly(override.json().path("id").asText());

    Response deleted = as("mia").delete(base + "/overrides/" + override.json().path("id").asText());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(shift(as("olivia").get(base + "/now?at=2026-11-30T05:00:00Z")).path("userId").asText()).isEqualTo("olivia");
  }

  @Test
  void calendarHasAnEventPerShiftOfTheNextEightWeeksInUtc() {
    String id = create("Calendar 日历", "2026-01-01");

    Response calendar = as("olivia").get("/api/oncall/schedules/" + id + ".ics");

    assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
    assertThat(calendar.header("Content-Type")).startsWith("text/calendar");
    String body = calendar.body();
    assertThat(body).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    long events = body.lines().filter("BEGIN:VEVENT"::equals).count();
    assertThat(events).as("56 days of daily shifts, the first one begun").isBetween(56L, 57L);
    assertThat(body).containsPattern("DTSTART:\\d{8}T010000Z\r\n");
    assertThat(body.replace("\r\n ", "")).contains("SUMMARY:On call: Olivia Ops (Calendar 日历)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown group     | {"name":"x","group":"night","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":"2026-11-30"}                      | group 'night' is not a group
      empty members     | {"name":"x","group":"ops","members":[],"rotation":"daily","timeZone":"UTC","start":"2026-11-30"}                                | members must name at least one person
      no members        | {"name":"x","group":"ops","rotation":"daily","timeZone":"UTC","start":"2026-11-30"}                                             | members must name at least one person
      unknown member    | {"name":"x","group":"ops","members":["olivia","ghost"],"rotation":"daily","timeZone":"UTC","start":"2026-11-30"}                | 'ghost', who is not a user
      member not in ops | {"name":"x","group":"ops","members":["devon"],"rotation":"daily","timeZone":"UTC","start":"2026-11-30"}                         | 'devon', who is not in group 'ops'
      duplicate member  | {"name":"x","group":"ops","members":["olivia","oscar","olivia"],"rotation":"daily","timeZone":"UTC","start":"2026-11-30"}       | 'olivia' twice
      bad rotation      | {"name":"x","group":"ops","members":["olivia"],"rotation":"hourly","timeZone":"UTC","start":"2026-11-30"}                       | rotation must be daily or weekly
      bad time zone     | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"Mars/Olympus","start":"2026-11-30"}               | timeZone 'Mars/Olympus' is not an IANA time zone
      offset as zone    | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"+08:00","start":"2026-11-30"}                     | is not an IANA time zone
      bad handoff       | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","handoffTime":"25:00","timeZone":"UTC","start":"2026-11-30"}  | handoffTime must be a 24-hour time
      bad start         | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":"2026-13-01"}                        | start '2026-13-01' is not a date
      start as number   | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":12345}                               | start
      start with time   | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":"2026-11-30T00:00:00Z"}              | start must be a date yyyy-MM-dd
      start far away    | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":"9999-12-31"}                        | start must lie between
      no name           | {"group":"ops","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":"2026-11-30"}                                   | name must not be blank
      unknown field     | {"name":"x","group":"ops","members":["olivia"],"rotation":"daily","timeZone":"UTC","start":"2026-11-30","owner":"me"}           | Unknown field 'owner'
      """)
  void badSchedulesAreRefusedWithAProblemAndWriteNothing(String name, String body, String message) {
    long schedules = count("oncall_schedule");
    long members = count("oncall_member");
    long audit = count("audit_entry");

    Response response = as("mia").post("/api/oncall/schedules", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().toString()).contains(message);
    assertThat(count("oncall_schedule")).isEqualTo(schedules);
    assertThat(count("oncall_member")).isEqualTo(members);
    assertThat(count("audit_entry")).isEqualTo(audit);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ends before it starts | {"userId":"oscar","from":"2026-12-01T10:00:00Z","to":"2026-12-01T09:00:00Z"} | must be after from
      ends as it starts     | {"userId":"oscar","from":"2026-12-01T10:00:00Z","to":"2026-12-01T10:00:00Z"} | must be after from
      longer than 90 days   | {"userId":"oscar","from":"2026-12-01T10:00:00Z","to":"2027-06-01T10:00:00Z"} | at most 90 days
      not in the group      | {"userId":"devon","from":"2026-12-01T10:00:00Z","to":"2026-12-01T12:00:00Z"} | not in group 'ops'
      no offset             | {"userId":"oscar","from":"2026-12-01T10:00:00","to":"2026-12-01T12:00:00Z"}  | from
      """)
  void badOverridesAreRefusedAndWriteNothing(String name, String body, String message) {
    String id = create("Override checks");
    long overrides = count("oncall_override");

    Response response = as("mia").post("/api/oncall/schedules/" + id + "/overrides", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().toString()).contains(message);
    assertThat(count("oncall_override")).isEqualTo(overrides);
  }

  @Test
  void onlyManagersAndAdministratorsChangeSchedules() {
    String id = create("Permissions");
    long schedules = count("oncall_schedule");

    assertThat(as("devon").post("/api/oncall/schedules", DAILY.formatted("dev's")).status()).isEqualTo(403);
    assertThat(as("olivia").post("/api/oncall/schedules", DAILY.formatted("ops'")).status()).isEqualTo(403);
    assertThat(api().anonymous().post("/api/oncall/schedules", DAILY.formatted("anon")).status()).isEqualTo(401);
    assertThat(as("olivia").post("/api/oncall/schedules/" + id + "/overrides", """
        {"userId":"olivia","from":"2026-12-01T10:00:00Z","to":"2026-12-01T12:00:00Z"}""").status()).isEqualTo(403);
    assertThat(as("devon").delete("/api/oncall/schedules/" + id).status()).isEqualTo(403);
    assertThat(count("oncall_schedule")).isEqualTo(schedules);
    assertThat(as("admin").put("/api/oncall/schedules/" + id, DAILY.formatted("Permissions (renamed)")).status())
        .isEqualTo(200);
    assertThat(as("devon").get("/api/oncall/schedules/" + id).json().path("name").asText())
        .isEqualTo("Permissions (renamed)");
  }

  @Test
  void scheduleThatAPolicyPagesCannotBeDeletedUntilThePolicyGoes() {
    String id = create("Second line");
    Response policy = as("mia").put("/api/oncall/escalation-policies/services/web-portal", """
        {"levels":[{"afterMinutes":0,"notify":"on-call"},{"afterMinutes":10,"notify":"schedule:%s"},
                   {"afterMinutes":30,"notify":"group:manager"}]}""".formatted(id));
    assertThat(policy.status()).as(policy.toString()).isEqualTo(200);

    Response refused = as("mia").delete("/api/oncall/schedules/" + id);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asText()).contains("service:web-portal");

    assertThat(as("mia").delete("/api/oncall/escalation-policies/services/web-portal").status()).isEqualTo(204);
    assertThat(as("mia").delete("/api/oncall/schedules/" + id).status()).isEqualTo(204);
    assertThat(as("mia").get("/api/oncall/schedules/" + id).status()).isEqualTo(404);
    assertThat(count("oncall_member WHERE schedule_id = '" + id + "'")).isZero();
  }

  @Test
  void servicePolicyWinsOverTheGroupsAndTheBuiltInOneAppliesWithoutEither() {
    String id = create("Escalation second line", "2026-01-01");
    Response put = as("mia").put("/api/oncall/escalation-policies/services/payments-api", """
        {"levels":[{"afterMinutes":0,"notify":"on-call"},{"afterMinutes":3,"notify":"schedule:%s"},
                   {"afterMinutes":20,"notify":"user:mia"}]}""".formatted(id));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(as("olivia").get("/api/oncall/escalation-policies/services/payments-api").json().path("levels")
        .findValuesAsText("notify")).containsExactly("on-call", "schedule:" + id, "user:mia");

    JsonNode payments = as("olivia").get("/api/oncall/escalation?service=payments-api").json();
    assertThat(payments.path("policy").asText()).isEqualTo("service:payments-api");
    assertThat(payments.path("group").asText()).as("the service's on-call group").isEqualTo("ops");
    assertThat(payments.path("levels").get(0).path("userIds").toString()).containsAnyOf("olivia", "oscar");
    assertThat(payments.path("levels").get(1).path("afterMinutes").asInt()).isEqualTo(3);
    assertThat(payments.path("levels").get(1).path("userIds").size()).isOne();
    assertThat(payments.path("levels").get(2).path("userIds").toString()).isEqualTo("[\"mia\"]");

    JsonNode reporting = as("olivia").get("/api/oncall/escalation?service=reporting").json();
    assertThat(reporting.path("policy").asText()).isEqualTo("built-in");
    assertThat(reporting.path("levels").findValuesAsText("notify"))
        .containsExactly("on-call", "next-on-call", "group:manager");
    assertThat(reporting.path("levels").get(1).path("afterMinutes").asInt()).isEqualTo(5);
    assertThat(reporting.path("levels").get(2).path("afterMinutes").asInt()).isEqualTo(15);
    assertThat(reporting.path("levels").get(2).path("userIds").toString()).contains("mia");

    Response group = as("admin").put("/api/oncall/escalation-policies/groups/qa", """
        {"levels":[{"afterMinutes":0,"notify":"group:qa"}]}""");
    assertThat(group.status()).as(group.toString()).isEqualTo(200);
    JsonNode qa = as("quinn").get("/api/oncall/escalation?group=qa").json();
    assertThat(qa.path("policy").asText()).isEqualTo("group:qa");
    assertThat(qa.path("levels").get(0).path("userIds").toString()).contains("quinn");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no levels            | {"levels":[]}                                                                                   | levels
      first not at once    | {"levels":[{"afterMinutes":5,"notify":"on-call"}]}                                              | must be 0
      not later            | {"levels":[{"afterMinutes":0,"notify":"on-call"},{"afterMinutes":0,"notify":"next-on-call"}]}   | must page later than level 1
      negative minutes     | {"levels":[{"afterMinutes":-1,"notify":"on-call"}]}                                             | afterMinutes
      more than a day      | {"levels":[{"afterMinutes":0,"notify":"on-call"},{"afterMinutes":1441,"notify":"group:ops"}]}   | at most 1440
      unknown notify       | {"levels":[{"afterMinutes":0,"notify":"everyone"}]}                                             | levels[0].notify must be on-call
      missing notify       | {"levels":[{"afterMinutes":0}]}                                                                 | levels[0].notify must be on-call
      unknown schedule     | {"levels":[{"afterMinutes":0,"notify":"schedule:nope"}]}                                        | schedule:nope, which does not exist
      unknown group        | {"levels":[{"afterMinutes":0,"notify":"group:night"}]}                                          | group:night, which does not exist
      unknown user         | {"levels":[{"afterMinutes":0,"notify":"user:ghost"}]}                                           | user:ghost, which does not exist
      unknown field        | {"levels":[{"afterMinutes":0,"notify":"on-call","after":3}]}                                    | Unknown field 'after'
      """)
  void badPoliciesAreRefusedAndWriteNothing(String name, String body, String message) {
    long levels = count("oncall_escalation_level");

    Response response = as("mia").put("/api/oncall/escalation-policies/services/reporting", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().toString()).contains(message);
    assertThat(count("oncall_escalation_level")).isEqualTo(levels);
  }

  @Test
  void policiesOfUnknownServicesAndGroupsAreNotFound() {
    String body = "{\"levels\":[{\"afterMinutes\":0,\"notify\":\"on-call\"}]}";

    assertThat(as("mia").put("/api/oncall/escalation-policies/services/nothing-here", body).status()).isEqualTo(404);
    assertThat(as("mia").put("/api/oncall/escalation-policies/groups/night", body).status()).isEqualTo(404);
    assertThat(as("olivia").put("/api/oncall/escalation-policies/groups/ops", body).status()).isEqualTo(403);
    assertThat(as("olivia").get("/api/oncall/escalation-policies/groups/dev").status()).isEqualTo(404);
  }

  @Test
  void aPersonSetsTheirOwnContactsAndOthersMayNotReadThem() {
    JsonNode initial = as("oscar").get("/api/people/oscar/contacts").json();
    assertThat(initial.path("email").asText()).as("the profile's e-mail").isEqualTo("oscar@opsflow.example");
    assertThat(initial.path("displayName").asText()).isEqualTo("Oscar Ops");

    Response put = as("oscar").put("/api/people/oscar/contacts", """
        {"email":"oscar.pager@example.com","mobile":"+8613912345678","dingtalkUserId":"manager4021",
         "wecomUserId":"OscarOps","feishuUserId":"ou_7d8a6e6df7621556ce0d21922b676706"}""");

    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    JsonNode read = as("mia").get("/api/people/oscar/contacts").json();
    assertThat(read.path("email").asText()).isEqualTo("oscar.pager@example.com");
    assertThat(read.path("mobile").asText()).isEqualTo("+8613912345678");
    assertThat(read.path("dingtalkUserId").asText()).isEqualTo("manager4021");
    assertThat(read.path("wecomUserId").asText()).isEqualTo("OscarOps");
    assertThat(read.path("feishuUserId").asText()).isEqualTo("ou_7d8a6e6df7621556ce0d21922b676706");
    assertThat(as("devon").get("/api/people/oscar/contacts").status()).isEqualTo(403);
    assertThat(as("devon").put("/api/people/oscar/contacts", "{}").status()).isEqualTo(403);
    assertThat(as("mia").get("/api/people/ghost/contacts").status()).isEqualTo(404);
    assertThat(as("mia").put("/api/people/ghost/contacts", "{}").status()).isEqualTo(404);
    assertThat(count("person_contact WHERE user_id = 'ghost'")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not an e-mail     | {"email":"olivia at example"}     | email must be an e-mail address
      letters in mobile | {"mobile":"call me"}              | mobile must be 5-15 digits
      chat id spaces    | {"dingtalkUserId":"a b"}          | dingtalkUserId must be 1-64
      mobile as number  | {"mobile":8613912345678}          | mobile
      """)
  void badContactsAreRefusedAndChangeNothing(String name, String body, String message) {
    as("olivia").put("/api/people/olivia/contacts", "{\"mobile\":\"+8613800000001\"}");

    Response response = as("olivia").put("/api/people/olivia/contacts", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().toString()).contains(message);
    assertThat(as("olivia").get("/api/people/olivia/contacts").json().path("mobile").asText()).isEqualTo("+8613800000001");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    List<JsonNode> found = new ArrayList<>();
    array.forEach(node -> {
      if (node.path(field).asText().equals(value)) {
        found.add(node);
      }
    });
    return found.isEmpty() ? null : found.get(0);
  }

  private static long count(String tableAndCondition) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM " + tableAndCondition);
  }
}
