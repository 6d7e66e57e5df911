package io.opsflow.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The arithmetic of a schedule, without a database: shift {@code k} starts at the handoff time on
 * the start date plus {@code k} rotations, in the schedule's zone, so a weekly shift across a
 * daylight-saving change lasts 167 or 169 hours and the handoff stays at 09:00 on the wall clock.
 * A handoff that falls into a gap (02:30 on the spring-forward day) moves forward by the gap's length,
 * as {@link ZonedDateTime#of} does. Overrides win over the rotation; of overlapping overrides the one
 * created last wins.
 */
final class Rota {

  private final List<String> members;
  private final int days;
  private final LocalTime handoff;
  private final ZoneId zone;
  private final LocalDate start;

  Rota(List<String> members, Rotation rotation, LocalTime handoff, ZoneId zone, LocalDate start) {
    this.members = List.copyOf(members);
    this.days = rotation.days();
    this.handoff = handoff;
    this.zone = zone;
    this.start = start;
  }

  static Rota of(Schedule schedule) {
    return new Rota(schedule.members(), Rotation.of(schedule.rotation()).orElseThrow(),
        LocalTime.parse(schedule.handoffTime()), ZoneId.of(schedule.timeZone()), schedule.start());
  }

  Instant shiftStart(long index) {
    return ZonedDateTime.of(start.plusDays(index * days), handoff, zone).toInstant();
  }

  /** The index of the rotation shift that contains {@code at}, or -1 before the first handoff. */
  long indexAt(Instant at) {
    if (at.isBefore(shiftStart(0))) {
      return -1;
    }
    long index = Math.floorDiv(ChronoUnit.DAYS.between(start, LocalDate.ofInstant(at, zone)), days);
    while (index > 0 && shiftStart(index).isAfter(at)) {
      index--;
    }
    while (!shiftStart(index + 1).isAfter(at)) {
      index++;
    }
    return index;
  }

  String memberOf(long index) {
    return members.get((int) Math.floorMod(index, (long) members.size()));
  }

  /** The rotation shifts that overlap {@code [from, to)}, whole. */
  List<Shift> rotationShifts(Instant from, Instant to) {
    List<Shift> shifts = new ArrayList<>();
    for (long index = Math.max(0, indexAt(from)); shiftStart(index).isBefore(to); index++) {
      shifts.add(new Shift(memberOf(index), shiftStart(index), shiftStart(index + 1)));
    }
    return shifts;
  }

  /** The person of the rotation after the one whose shift contains {@code at}, skipping {@code except}. */
  Optional<String> nextMember(Instant at, String except) {
    long index = Math.max(0, indexAt(at));
    for (int step = 1; step <= members.size(); step++) {
      String next = memberOf(index + step);
      if (!next.equals(except)) {
        return Optional.of(next);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code [from, to)} widened to the whole rotation shifts it touches: the overrides that overlap this
   * span are those that can cut the slices around {@code from} and {@code to}.
   */
  Instant[] span(Instant from, Instant to) {
    long first = indexAt(from);
    long last = indexAt(to);
    return new Instant[] {first < 0 ? from : shiftStart(first), last < 0 ? to : shiftStart(last + 1)};
  }

  /**
   * Who is on call over {@code [from, to)}: the rotation shifts, cut where overrides cover them. Each
   * slice is whole (an override or a rotation shift may begin before {@code from} or end after
   * {@code to}), so the slice containing a moment names the handoffs around it.
   *
   * @param overrides at least those that overlap {@link #span}; others are left out
   */
  List<Shift> timeline(List<ShiftOverride> overrides, Instant from, Instant to) {
    Instant[] span = span(from, to);
    Instant low = span[0];
    Instant high = span[1];
    List<ShiftOverride> relevant = overlapping(overrides, low, high);
    // twice: an override that reaches into the span may itself be cut by a later one
    for (int pass = 0; pass < 2; pass++) {
      for (ShiftOverride override : relevant) {
        low = override.from().isBefore(low) ? override.from() : low;
        high = override.to().isAfter(high) ? override.to() : high;
      }
      relevant = overlapping(overrides, low, high);
    }
    List<Shift> rotation = rotationShifts(low, high);
    TreeSet<Instant> cuts = new TreeSet<>();
    rotation.forEach(shift -> {
      cuts.add(shift.from());
      cuts.add(shift.to());
    });
    relevant.forEach(override -> {
      cuts.add(override.from());
      cuts.add(override.to());
    });
    List<Piece> pieces = new ArrayList<>();
    Instant previous = null;
    for (Instant cut : cuts) {
      if (previous != null) {
        owner(previous, rotation, relevant, cut).ifPresent(pieces::add);
      }
      previous = cut;
    }
    List<Shift> slices = new ArrayList<>();
    Piece open = null;
    for (Piece piece : pieces) {
      if (open != null && open.to().equals(piece.from()) && open.segment().equals(piece.segment())) {
        open = new Piece(open.userId(), open.from(), piece.to(), open.segment());
        continue;
      }
      if (open != null) {
        slices.add(open.shift());
      }
      open = piece;
    }
    if (open != null) {
      slices.add(open.shift());
    }
    return slices.stream().filter(slice -> slice.to().isAfter(from) && slice.from().isBefore(to)).toList();
  }

  private static List<ShiftOverride> overlapping(List<ShiftOverride> overrides, Instant from, Instant to) {
    return overrides.stream().filter(override -> override.to().isAfter(from) && override.from().isBefore(to)).toList();
  }

  /** Who holds {@code [at, until)}: the override created last that covers it, else the rotation shift. */
  private static Optional<Piece> owner(Instant at, List<Shift> rotation, List<ShiftOverride> overrides, Instant until) {
    Optional<ShiftOverride> override = overrides.stream()
        .filter(candidate -> !at.isBefore(candidate.from()) && at.isBefore(candidate.to()))
        .max(Comparator.comparing(ShiftOverride::createdAt).thenComparing(ShiftOverride::id));
    if (override.isPresent()) {
      return Optional.of(new Piece(override.get().userId(), at, until, "override " + override.get().id()));
    }
    return rotation.stream().filter(shift -> shift.contains(at)).findFirst()
        .map(shift -> new Piece(shift.userId(), at, until, "shift " + shift.from()));
  }

  private record Piece(String userId, Instant from, Instant to, String segment) {
    Shift shift() {
      return new Shift(userId, from, to);
    }
  }
}
