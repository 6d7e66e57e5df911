package io.opsflow.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class RotaTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final List<String> THREE = List.of("olivia", "oscar", "otto");

  private static Rota rota(Rotation rotation, String handoff, ZoneId zone, String start) {
    return new Rota(THREE, rotation, LocalTime.parse(handoff), zone, LocalDate.parse(start));
  }

  private static Shift at(Rota rota, String instant, ShiftOverride... overrides) {
    Instant at = Instant.parse(instant);
    return rota.timeline(List.of(overrides), at, at.plusNanos(1)).stream().filter(shift -> shift.contains(at))
        .findFirst().orElse(null);
  }

  private static ShiftOverride override(String id, String user, String from, String to, String created) {
    return new ShiftOverride(id, "s", user, Instant.parse(from), Instant.parse(to), "mia", Instant.parse(created));
  }

  @Test
  void dailyRotationInShanghaiHandsOverAtNineLocalTime() {
    Rota rota = rota(Rotation.DAILY, "09:00", SHANGHAI, "2026-11-30");

    assertThat(at(rota, "2026-11-30T01:00:00Z")).isEqualTo(new Shift("olivia",
        Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-12-01T01:00:00Z")));
    assertThat(at(rota, "2026-12-01T00:59:59Z").userId()).isEqualTo("olivia");
    assertThat(at(rota, "2026-12-01T01:00:00Z").userId()).as("at the handoff the next one is on call").isEqualTo("oscar");
    assertThat(at(rota, "2026-12-02T12:00:00Z").userId()).isEqualTo("otto");
    assertThat(at(rota, "2026-12-03T12:00:00Z").userId()).as("the rotation starts over").isEqualTo("olivia");
    assertThat(at(rota, "2027-12-03T12:00:00Z").userId()).as("365 days later, 365 mod 3 = 2 turns on")
        .isEqualTo(THREE.get((int) ((365 + 3) % 3)));
  }

  @Test
  void nobodyBeforeTheFirstHandoff() {
    Rota rota = rota(Rotation.WEEKLY, "09:00", SHANGHAI, "2026-11-30");

    assertThat(at(rota, "2026-11-30T00:59:59.999Z")).isNull();
    assertThat(rota.indexAt(Instant.parse("2026-11-30T00:59:59Z"))).isEqualTo(-1);
    assertThat(at(rota, "2026-11-30T01:00:00Z").userId()).isEqualTo("olivia");
  }

  @Test
  void weeklyRotationInBerlinKeepsNineOClockAcrossTheMarchSwitch() {
    // 2027-03-28: clocks go from 02:00 CET to 03:00 CEST
    Rota rota = rota(Rotation.WEEKLY, "09:00", BERLIN, "2027-03-22");

    Shift acrossSwitch = at(rota, "2027-03-28T12:00:00Z");

    assertThat(acrossSwitch).isEqualTo(new Shift("olivia", Instant.parse("2027-03-22T08:00:00Z"),
        Instant.parse("2027-03-29T07:00:00Z")));
    assertThat(Duration.between(acrossSwitch.from(), acrossSwitch.to())).isEqualTo(Duration.ofHours(167));
    assertThat(at(rota, "2027-03-29T06:59:59Z").userId()).isEqualTo("olivia");
    assertThat(at(rota, "2027-03-29T07:00:00Z").userId()).isEqualTo("oscar");
  }

  @Test
  void weeklyRotationInBerlinKeepsNineOClockAcrossTheOctoberSwitch() {
    // 2027-10-31: clocks go from 03:00 CEST back to 02:00 CET
    Rota rota = rota(Rotation.WEEKLY, "09:00", BERLIN, "2027-10-25");

    Shift acrossSwitch = at(rota, "2027-10-31T02:30:00Z");

    assertThat(acrossSwitch.from()).isEqualTo(Instant.parse("2027-10-25T07:00:00Z"));
    assertThat(acrossSwitch.to()).isEqualTo(Instant.parse("2027-11-01T08:00:00Z"));
    assertThat(Duration.between(acrossSwitch.from(), acrossSwitch.to())).isEqualTo(Duration.ofHours(169));
    assertThat(at(rota, "2027-11-01T07:59:59Z").userId()).isEqualTo("olivia");
    assertThat(at(rota, "2027-11-01T08:00:00Z").userId()).isEqualTo("oscar");
  }

  @Test
  void dailyHandoffInsideTheSpringGapMovesForwardByTheGap() {
    Rota rota = rota(Rotation.DAILY, "02:30", BERLIN, "2027-03-27");

    assertThat(rota.shiftStart(0)).isEqualTo(Instant.parse("2027-03-27T01:30:00Z"));
    assertThat(rota.shiftStart(1)).as("02:30 does not exist on 28 March; 03:30 CEST").isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    assertThat(rota.shiftStart(2)).isEqualTo(Instant.parse("2027-03-29T00:30:00Z"));
    assertThat(at(rota, "2027-03-28T01:29:59Z").userId()).isEqualTo("olivia");
    assertThat(at(rota, "2027-03-28T01:30:00Z").userId()).isEqualTo("oscar");
  }

  @Test
  void overrideCutsAShiftIntoThreeSlices() {
    Rota rota = rota(Rotation.DAILY, "09:00", SHANGHAI, "2026-11-30");
    ShiftOverride swap = override("o1", "otto", "2026-11-30T04:00:00Z", "2026-11-30T06:00:00Z", "2026-11-01T00:00:00Z");

    List<Shift> day = rota.timeline(List.of(swap), Instant.parse("2026-11-30T01:00:00Z"),
        Instant.parse("2026-12-01T01:00:00Z"));

    assertThat(day).containsExactly(
        new Shift("olivia", Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-11-30T04:00:00Z")),
        new Shift("otto", Instant.parse("2026-11-30T04:00:00Z"), Instant.parse("2026-11-30T06:00:00Z")),
        new Shift("olivia", Instant.parse("2026-11-30T06:00:00Z"), Instant.parse("2026-12-01T01:00:00Z")));
    assertThat(at(rota, "2026-11-30T04:00:00Z", swap).userId()).as("the override starts inclusive").isEqualTo("otto");
    assertThat(at(rota, "2026-11-30T06:00:00Z", swap)).as("and ends exclusive").isEqualTo(day.get(2));
  }

  @Test
  void overrideAcrossAHandoffIsOneSliceAndWorksBeforeTheStart() {
    Rota rota = rota(Rotation.DAILY, "09:00", SHANGHAI, "2026-11-30");
    ShiftOverride holiday = override("o2", "otto", "2026-11-29T00:00:00Z", "2026-12-02T00:00:00Z",
        "2026-11-01T00:00:00Z");

    assertThat(at(rota, "2026-11-29T12:00:00Z", holiday)).isEqualTo(new Shift("otto", holiday.from(), holiday.to()));
    assertThat(at(rota, "2026-12-01T12:00:00Z", holiday)).isEqualTo(new Shift("otto", holiday.from(), holiday.to()));
    assertThat(at(rota, "2026-12-02T00:00:00Z", holiday)).isEqualTo(new Shift("oscar",
        Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-02T01:00:00Z")));
  }

  @Test
  void ofOverlappingOverridesTheLatestWins() {
    Rota rota = rota(Rotation.WEEKLY, "09:00", SHANGHAI, "2026-11-30");
    ShiftOverride older = override("o3", "oscar", "2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", "2026-11-01T00:00:00Z");
    ShiftOverride newer = override("o4", "otto", "2026-12-02T00:00:00Z", "2026-12-04T00:00:00Z", "2026-11-02T00:00:00Z");

    assertThat(at(rota, "2026-12-01T12:00:00Z", older, newer)).isEqualTo(new Shift("oscar", older.from(), newer.from()));
    assertThat(at(rota, "2026-12-02T12:00:00Z", older, newer)).isEqualTo(new Shift("otto", newer.from(), newer.to()));
    assertThat(at(rota, "2026-12-04T00:00:00Z", older, newer).userId()).isEqualTo("olivia");
  }

  @Test
  void anOverrideReachingIntoTheShiftIsCutWhereALaterOneBegins() {
    Rota rota = rota(Rotation.WEEKLY, "09:00", SHANGHAI, "2026-11-30");
    // the older override reaches from the week before into the second week; the newer one begins before it
    ShiftOverride older = override("o6", "oscar", "2026-12-06T00:00:00Z", "2026-12-08T00:00:00Z", "2026-11-01T00:00:00Z");
    ShiftOverride newer = override("o7", "otto", "2026-12-05T00:00:00Z", "2026-12-07T00:00:00Z", "2026-11-02T00:00:00Z");

    assertThat(at(rota, "2026-12-07T12:00:00Z", older, newer)).isEqualTo(new Shift("oscar", newer.to(), older.to()));
  }

  @Test
  void timelineOverEightWeeksHasOneSliceAShiftPlusTheCuts() {
    Rota rota = rota(Rotation.DAILY, "09:00", SHANGHAI, "2026-11-30");
    Instant from = Instant.parse("2026-12-01T00:00:00Z");
    ShiftOverride swap = override("o5", "otto", "2026-12-10T04:00:00Z", "2026-12-10T06:00:00Z", "2026-11-01T00:00:00Z");

    List<Shift> shifts = rota.timeline(List.of(swap), from, from.plus(Duration.ofDays(56)));

    assertThat(shifts).hasSize(57 + 2);
    assertThat(shifts.get(0).from()).as("the first slice is whole").isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    for (int i = 1; i < shifts.size(); i++) {
      assertThat(shifts.get(i).from()).as("no gap, no overlap").isEqualTo(shifts.get(i - 1).to());
    }
  }

  @Test
  void nextMemberFollowsTheRotationAndSkipsWhoIsOnCall() {
    Rota rota = rota(Rotation.DAILY, "09:00", SHANGHAI, "2026-11-30");
    Instant secondDay = Instant.parse("2026-12-01T12:00:00Z");

    assertThat(rota.nextMember(secondDay, "oscar")).contains("otto");
    assertThat(rota.nextMember(secondDay, "otto")).as("otto took over by an override").contains("olivia");
    assertThat(new Rota(List.of("solo"), Rotation.DAILY, LocalTime.NOON, SHANGHAI, LocalDate.parse("2026-11-30"))
        .nextMember(secondDay, "solo")).isEmpty();
  }
}
