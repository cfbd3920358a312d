package it.registro.projections.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import it.registro.domain.common.BusinessTime;
import it.registro.domain.session.api.QuorumFigures;
import it.registro.domain.voting.VotingFloor;
import it.registro.domain.session.api.AbsenceBasis;
import it.registro.domain.session.api.ChairBasis;
import it.registro.domain.session.api.ItemKind;
import it.registro.domain.session.api.TimePrecision;
import it.registro.projections.body.BodyTimeline;
import it.registro.projections.body.BodyView;

/**
 * The questions asked of a sitting, answered from its document and its body's: who was present when,
 * who chaired when, how many of what, the quorum at an instant. Pure functions, testable without Spring.
 */
public final class SessionRecords {

    private SessionRecords() {
    }

    public enum AttendanceStatus { PRESENT, ABSENT, NOT_RECORDED }

    /** An interval of presence; {@code endedByClose} when the person was still there at the close. */
    public record Interval(Instant from, Instant to, TimePrecision arrivalPrecision, String arrivalAsRecorded,
                           String departureAsRecorded, boolean endedByClose) {
    }

    public record Attendance(String personId, String name, String seatId, boolean delegate, AttendanceStatus status,
                             AbsenceBasis absenceBasis, List<Interval> intervals, boolean lateArrival,
                             boolean earlyDeparture, boolean presentAtOpening) {
    }

    public record AttendanceCounts(int presentAtSomeTime, int absent, int presentAtOpening, int lateArrivals,
                                   int earlyDepartures) {
    }

    public record AttendanceTimeline(String sessionId, List<Attendance> members, AttendanceCounts counts) {
    }

    public record ChairSpell(String personId, String name, boolean member, ChairBasis basis, String labelAsRecorded,
                             String reasonAsRecorded, Instant from, Instant to) {
    }

    public record Counts(int votesWithTally, int elections, int designations, int informationItems, int opinions,
                         int hearings, int followUps, int attachments) {
    }

    /**
     * Who is present at an instant, counted by seat: {@code present} seats whose vote is cast by someone in
     * the room (a mayor and the delegate holding their vote are one seat), of {@code seats}; each seat says
     * who holds its vote. {@code personIds} lists the members and delegates in the room.
     */
    public record PresentAt(String sessionId, Instant at, List<String> personIds, int present, int seats, long presentPopulation,
                            long totalPopulation, List<VotingFloor.SeatVote> votes) {
    }

    public record QuorumAt(String sessionId, Instant at, Integer ruleSetVersion, String rule, boolean evaluated,
                           boolean met, int present, int members, int required, long presentPopulation,
                           long requiredPopulation) {
    }

    /**
     * The verbale view: everything recorded, with what is derived from it. {@code names}: persons' names by id;
     * {@code comuni}: comuni's names by id; {@code openingQuorum}: the voting floor's quorum at the opening.
     */
    public record SessionRecord(SessionView session, String bodyName, Long durationMinutes,
                                BodyTimeline.Composition composition, AttendanceTimeline attendance,
                                List<ChairSpell> chairs, Counts counts, Set<String> correctedFacts, Map<String, String> names,
                                Map<String, String> comuni, QuorumFigures openingQuorum, SittingRef approvedBy) {

        /** The same record, naming the later sitting whose vote approved these minutes. */
        public SessionRecord approvedBy(SittingRef sitting) {
            return new SessionRecord(session, bodyName, durationMinutes, composition, attendance, chairs, counts, correctedFacts, names,
                    comuni, openingQuorum, sitting);
        }
    }

    /** Another sitting as a reader names it: its number and date. */
    public record SittingRef(String sessionId, String number, java.time.LocalDate date) {
    }

    public static SessionRecord record(SessionView s, BodyView body, Map<String, String> names, Map<String, Long> populations) {
        return record(s, body, names, populations, Map.of());
    }

    public static SessionRecord record(SessionView s, BodyView body, Map<String, String> names, Map<String, Long> populations,
                                       Map<String, String> comuni) {
        BodyTimeline.Composition composition = body == null ? null
                : BodyTimeline.compositionOn(body, s.getDate(), names, populations);
        Long duration = s.getOpenedAt() != null && s.getClosedAt() != null
                ? Duration.between(s.getOpenedAt(), s.getClosedAt()).toMinutes() : null;
        Set<String> corrected = new LinkedHashSet<>();
        s.getCorrections().forEach(c -> corrected.add(c.factId()));
        int informationItems = (int) s.getAgenda().stream().filter(i -> i.kind() == ItemKind.INFORMATION && !i.withdrawn()).count();
        Counts counts = new Counts(
                (int) s.getVotes().stream().filter(v -> v.tally() != null).count() + s.getElections().size(),
                s.getElections().size(), s.getDesignations().size(), informationItems, s.getOpinions().size(), 0,
                s.getFollowUps().size(), s.getAttachments().size());
        QuorumFigures opening = body == null || s.getOpenedAt() == null ? null : floor(s, body, populations).quorumAt(s.getOpenedAt());
        return new SessionRecord(s, body == null ? null : body.nameOn(s.getDate()), duration, composition,
                attendance(s, composition, names), chairs(s, names), counts, corrected, names, comuni, opening, null);
    }

    public static AttendanceTimeline attendance(SessionView s, BodyTimeline.Composition composition, Map<String, String> names) {
        List<Attendance> rows = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        if (composition != null) {
            for (BodyTimeline.SeatOnDate seat : composition.seats()) {
                if (seat.holder() != null) {
                    rows.add(attendanceOf(s, seat.holder().personId(), seat.seatId(), false, names));
                    listed.add(seat.holder().personId());
                }
            }
        }
        // delegates, and anyone whose stays were recorded though not (or no longer) in the composition
        for (SessionView.Stay stay : s.getStays()) {
            if (listed.add(stay.personId())) {
                rows.add(attendanceOf(s, stay.personId(), stay.seatId(), stay.delegate(), names));
            }
        }
        int present = 0;
        int absent = 0;
        int atOpening = 0;
        int late = 0;
        int early = 0;
        for (Attendance a : rows) {
            present += a.status() == AttendanceStatus.PRESENT ? 1 : 0;
            absent += a.status() == AttendanceStatus.ABSENT ? 1 : 0;
            atOpening += a.presentAtOpening() ? 1 : 0;
            late += a.lateArrival() ? 1 : 0;
            early += a.earlyDeparture() ? 1 : 0;
        }
        return new AttendanceTimeline(s.getId(), rows, new AttendanceCounts(present, absent, atOpening, late, early));
    }

    private static Attendance attendanceOf(SessionView s, String personId, String seatId, boolean delegate,
                                           Map<String, String> names) {
        List<Interval> intervals = new ArrayList<>();
        for (SessionView.Stay stay : s.getStays()) {
            if (stay.personId().equals(personId)) {
                boolean byClose = stay.departure() == null && s.getClosedAt() != null;
                intervals.add(new Interval(stay.arrival(), stay.departure() != null ? stay.departure() : s.getClosedAt(),
                        stay.arrivalPrecision(), stay.arrivalText(), stay.departureText(), byClose));
                delegate = stay.delegate();
            }
        }
        intervals.sort(Comparator.comparing(Interval::from));
        Optional<SessionView.Absence> absence = s.getAbsences().stream().filter(a -> a.personId().equals(personId)).findFirst();
        AttendanceStatus status = !intervals.isEmpty() ? AttendanceStatus.PRESENT
                : absence.isPresent() ? AttendanceStatus.ABSENT : AttendanceStatus.NOT_RECORDED;
        Instant opened = s.getOpenedAt();
        boolean atOpening = opened != null && intervals.stream().anyMatch(i -> !i.from().isAfter(opened)
                && (i.to() == null || opened.isBefore(i.to())));
        boolean late = opened != null && !intervals.isEmpty() && intervals.get(0).from().isAfter(opened);
        boolean early = s.getClosedAt() != null && !intervals.isEmpty() && !intervals.get(intervals.size() - 1).endedByClose()
                && intervals.get(intervals.size() - 1).to() != null
                && intervals.get(intervals.size() - 1).to().isBefore(s.getClosedAt());
        return new Attendance(personId, names.get(personId), seatId, delegate, status,
                absence.map(SessionView.Absence::basis).orElse(null), intervals, late, early, atOpening);
    }

    public static List<ChairSpell> chairs(SessionView s, Map<String, String> names) {
        List<SessionView.Chair> ordered = new ArrayList<>(s.getChairs());
        ordered.sort(Comparator.comparing(SessionView.Chair::from));
        List<ChairSpell> spells = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            SessionView.Chair c = ordered.get(i);
            Instant to = i + 1 < ordered.size() ? ordered.get(i + 1).from() : s.getClosedAt();
            spells.add(new ChairSpell(c.personId(), names.get(c.personId()), c.member(), c.basis(), c.labelAsRecorded(),
                    c.reasonAsRecorded(), c.from(), to));
        }
        return spells;
    }

    public static Optional<ChairSpell> chairAt(SessionView s, Instant at, Map<String, String> names) {
        return chairs(s, names).stream()
                .filter(c -> !at.isBefore(c.from()) && (c.to() == null || at.isBefore(c.to()))).findFirst();
    }

    /** Who was in the room at an instant: members and delegates with a stay running then (a stay ends at the close). */
    public static VotingFloor.Room room(SessionView s) {
        return (personId, at) -> s.getStays().stream().anyMatch(stay -> stay.personId().equals(personId)
                && !at.isBefore(stay.arrival()) && (stay.departure() == null || at.isBefore(stay.departure()))
                && (s.getClosedAt() == null || !at.isAfter(s.getClosedAt())));
    }

    /** The body's seats on the sitting's date, its delegations and rule set, as the voting floor takes them. */
    public static VotingFloor.Seating seating(SessionView s, BodyView body, Map<String, Long> populations) {
        BodyTimeline.Composition composition = BodyTimeline.compositionOn(body, s.getDate(), Map.of(), populations);
        List<VotingFloor.Seat> seats = new ArrayList<>();
        for (BodyTimeline.SeatOnDate seat : composition.seats()) {
            if (seat.holder() != null) {
                seats.add(new VotingFloor.Seat(seat.seatId(), seat.holder().personId(), seat.holder().comuneId(), seat.holder().population()));
            }
        }
        Instant dayStart = BusinessTime.startOf(s.getDate());
        Instant dayEnd = BusinessTime.startOf(s.getDate().plusDays(1));
        List<VotingFloor.Delegation> delegations = body.getDelegations().stream()
                .filter(d -> d.from().isBefore(dayEnd) && d.effectiveTo().isAfter(dayStart))
                .map(d -> new VotingFloor.Delegation(d.seatId(), d.delegatePersonId(), d.from(), d.effectiveTo())).toList();
        VotingFloor.Rules rules = BodyTimeline.ruleSetOn(body, s.getDate())
                .map(r -> new VotingFloor.Rules(r.version(), r.name(), r.quorum(), r.majority(), r.weighting())).orElse(null);
        return new VotingFloor.Seating(seats, delegations, rules);
    }

    public static VotingFloor floor(SessionView s, BodyView body, Map<String, Long> populations) {
        return new VotingFloor(seating(s, body, populations), room(s));
    }

    /** Who is present at an instant, by seat, from the voting floor. */
    public static PresentAt presentAt(SessionView s, BodyView body, Instant at, Map<String, Long> populations) {
        VotingFloor.Presence p = floor(s, body, populations).presenceAt(at);
        VotingFloor.Room room = room(s);
        List<String> ids = new ArrayList<>();
        for (SessionView.Stay stay : s.getStays()) {
            if (room.presentAt(stay.personId(), at) && !ids.contains(stay.personId())) {
                ids.add(stay.personId());
            }
        }
        return new PresentAt(s.getId(), at, ids, p.present(), p.seats(), p.presentPopulation(), p.totalPopulation(), p.votes());
    }

    /** The quorum at an instant, from the voting floor. */
    public static QuorumAt quorumAt(SessionView s, BodyView body, Instant at, Map<String, Long> populations) {
        QuorumFigures q = floor(s, body, populations).quorumAt(at);
        return new QuorumAt(s.getId(), at, q.ruleSetVersion(), q.rule(), q.rule() != null, q.rule() != null && q.met(), q.present(),
                q.members(), q.required(), q.presentPopulation(), q.requiredPopulation());
    }
}
