package it.registro.domain.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import it.registro.domain.body.api.Tally;
import it.registro.domain.session.api.ElectionRecorded;
import it.registro.domain.session.api.MemberArrived;
import it.registro.domain.session.api.MemberLeft;
import it.registro.domain.session.api.NamedVote;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.QuorumDeclared;
import it.registro.domain.session.api.QuorumFigures;
import it.registro.domain.session.api.QuorumRecomputed;
import it.registro.domain.session.api.RecordCorrected;
import it.registro.domain.session.api.SessionConvened;
import it.registro.domain.session.api.VoteFiguresRecomputed;
import it.registro.domain.session.api.VoteMode;
import it.registro.domain.session.api.VoteRecorded;
import it.registro.domain.voting.VotingFloor;

/**
 * A sitting replayed from its events for an auditor: who was in the room when (with every corrected
 * time), each vote and election with the figures recorded for it (the latest, after any correction), and
 * each quorum declared. {@link #recompute} judges every one again with the voting floor, under the body as
 * its record now stands on the sitting's date, and lists where the recorded figures differ. Only figures
 * that were recorded are compared: an older event without a field is not a difference.
 */
public final class SessionReplay {

    /** One difference between what was recorded and what the rules give now. */
    public record Difference(String sessionId, String factId, String kind, int itemNo, Instant at, String field, String recorded,
                             String recomputed) {
    }

    /** A vote or election as recorded: its counts and choices, the outcome the minutes state, and the figures. */
    private record Ballot(String factId, boolean election, int itemNo, Instant at, VoteMode mode, Tally tally, List<NamedVote> choices,
                          Outcome recordedOutcome, Figures figures) {
    }

    private record Figures(int presentAtVote, QuorumFigures quorum, Tally weighted, Integer ruleSetVersion, String rule, Long threshold,
                           Long base, Outcome computed) {
    }

    private String sessionId;
    private String bodyId;
    private LocalDate date;
    private final Attendance attendance = new Attendance();
    private final Map<String, String> stayOwners = new LinkedHashMap<>();
    private final Map<String, Ballot> ballots = new LinkedHashMap<>();
    private final Map<Instant, QuorumFigures> declared = new LinkedHashMap<>();

    public String sessionId() {
        return sessionId;
    }

    public String bodyId() {
        return bodyId;
    }

    public LocalDate date() {
        return date;
    }

    public int votes() {
        return (int) ballots.values().stream().filter(b -> !b.election()).count();
    }

    public int elections() {
        return (int) ballots.values().stream().filter(Ballot::election).count();
    }

    public void apply(Object event) {
        if (event instanceof SessionConvened e) {
            sessionId = e.sessionId();
            bodyId = e.bodyId();
            date = e.date();
        } else if (event instanceof MemberArrived e) {
            attendance.arrived(e.personId(), e.factId(), e.at());
            stayOwners.put(e.factId(), e.personId());
        } else if (event instanceof MemberLeft e) {
            attendance.left(e.personId(), e.factId(), e.at());
            stayOwners.put(e.factId(), e.personId());
        } else if (event instanceof RecordCorrected e) {
            e.allChanges().stream().filter(c -> c.field().equals("at") && stayOwners.containsKey(e.factId())).findFirst()
                    .ifPresent(c -> attendance.timeCorrected(stayOwners.get(e.factId()), e.factId(), Instant.parse(c.value())));
            e.allChanges().stream().filter(c -> c.field().equals("recordedOutcome") && ballots.containsKey(e.factId())).findFirst()
                    .ifPresent(c -> {
                        Ballot b = ballots.get(e.factId());
                        ballots.put(b.factId(), new Ballot(b.factId(), b.election(), b.itemNo(), b.at(), b.mode(), b.tally(), b.choices(),
                                c.value() == null ? null : Outcome.valueOf(c.value()), b.figures()));
                    });
        } else if (event instanceof VoteRecorded e) {
            ballots.put(e.factId(), new Ballot(e.factId(), false, e.itemNo(), e.at(), e.mode(), e.tally(),
                    e.votes() == null ? List.of() : e.votes(), e.recordedOutcome(), new Figures(e.presentAtVote(), e.quorum(),
                    e.weightedTally(), e.ruleSetVersion(), e.majorityRule(), e.threshold(), e.base(), e.computedOutcome())));
        } else if (event instanceof ElectionRecorded e) {
            ballots.put(e.factId(), new Ballot(e.factId(), true, e.itemNo(), e.at(), VoteMode.OPEN_COUNTS, e.tally(), List.of(),
                    Outcome.PASSED, new Figures(e.presentAtVote(), e.quorum(), null, e.ruleSetVersion(), e.majorityRule(), e.threshold(),
                    e.base(), e.computedOutcome())));
        } else if (event instanceof VoteFiguresRecomputed e && ballots.containsKey(e.factId())) {
            Ballot b = ballots.get(e.factId());
            ballots.put(b.factId(), new Ballot(b.factId(), b.election(), b.itemNo(), b.at(), b.mode(), e.tally(), b.choices(),
                    b.recordedOutcome(), new Figures(e.presentAtVote(), e.quorum(), e.weightedTally(), e.ruleSetVersion(), e.majorityRule(),
                    e.threshold(), e.base(), e.computedOutcome())));
        } else if (event instanceof QuorumDeclared e && e.computed() != null) {
            declared.put(e.at(), e.computed());
        } else if (event instanceof QuorumRecomputed e) {
            declared.put(e.at(), e.computed());
        }
    }

    /** Every vote, election and declared quorum judged again under the body as its record stands; the differences. */
    public List<Difference> recompute(BodyFacts.BodyOnDate body) {
        List<Difference> out = new ArrayList<>();
        VotingFloor floor = new VotingFloor(body.seating(), attendance);
        for (Map.Entry<Instant, QuorumFigures> q : declared.entrySet()) {
            compareQuorum(out, "quorum@" + q.getKey(), "QUORUM", 0, q.getKey(), q.getValue(), floor.quorumAt(q.getKey()));
        }
        for (Ballot b : ballots.values()) {
            String kind = b.election() ? "ELECTION" : "VOTE";
            Tally tally = b.tally();
            Tally weighted = null;
            if (b.mode() == VoteMode.OPEN_NAMED) {
                VotingFloor.Result<Tally> named = floor.namedTally(b.choices(), b.at());
                if (named.refusal() != null) {
                    out.add(new Difference(sessionId, b.factId(), kind, b.itemNo(), b.at(), "votes", "cast", named.refusal().message()));
                    continue;
                }
                tally = named.value();
                if (floor.seating().rules() != null && floor.seating().rules().weighted()) {
                    weighted = floor.weightedTally(b.choices(), b.at()).value();
                }
            }
            boolean counted = tally != null && (tally.inFavour() != null || tally.against() != null || tally.abstained() != null);
            VotingFloor.Decision d = b.election() ? floor.decideElection(b.at(), counted ? tally : null) : floor.decide(b.at(), tally, weighted);
            Figures f = b.figures();
            compare(out, b, kind, "tally", b.tally(), tally);
            compare(out, b, kind, "presentAtVote", f.presentAtVote(), d.presentAtVote());
            if (f.quorum() != null) {
                compareQuorum(out, b.factId(), kind, b.itemNo(), b.at(), f.quorum(), d.quorum());
            }
            compare(out, b, kind, "weightedTally", f.weighted(), d.weighted());
            compare(out, b, kind, "ruleSetVersion", f.ruleSetVersion(), d.ruleSetVersion());
            compare(out, b, kind, "majorityRule", f.rule(), d.rule());
            compare(out, b, kind, "threshold", f.threshold(), d.threshold());
            compare(out, b, kind, "base", f.base(), d.base());
            compare(out, b, kind, "computedOutcome", f.computed(), d.computedOutcome());
            if (b.recordedOutcome() != null && d.computedOutcome() != null && b.recordedOutcome() != d.computedOutcome()) {
                // the minutes state an outcome the rules do not give: recorded as stated, flagged when recorded; listed here too
                out.add(new Difference(sessionId, b.factId(), kind, b.itemNo(), b.at(), "outcomeAsStated", b.recordedOutcome().name(),
                        d.computedOutcome().name()));
            }
        }
        return out;
    }

    private void compareQuorum(List<Difference> out, String factId, String kind, int itemNo, Instant at, QuorumFigures recorded,
                               QuorumFigures now) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("quorum.met", new Object[] {recorded.met(), now.met()});
        fields.put("quorum.present", new Object[] {recorded.present(), now.present()});
        fields.put("quorum.members", new Object[] {recorded.members(), now.members()});
        fields.put("quorum.required", new Object[] {recorded.required(), now.required()});
        fields.put("quorum.presentPopulation", new Object[] {recorded.presentPopulation(), now.presentPopulation()});
        fields.put("quorum.requiredPopulation", new Object[] {recorded.requiredPopulation(), now.requiredPopulation()});
        if (recorded.rule() != null) {
            fields.put("quorum.rule", new Object[] {recorded.rule(), now.rule()});
        }
        fields.forEach((field, v) -> {
            if (!Objects.equals(v[0], v[1])) {
                out.add(new Difference(sessionId, factId, kind, itemNo, at, field, String.valueOf(v[0]), String.valueOf(v[1])));
            }
        });
    }

    /** A recorded figure against the recomputed one; a figure the record does not hold is not compared. */
    private void compare(List<Difference> out, Ballot b, String kind, String field, Object recorded, Object recomputed) {
        if (recorded != null && !Objects.equals(recorded, recomputed)) {
            out.add(new Difference(sessionId, b.factId(), kind, b.itemNo(), b.at(), field, String.valueOf(recorded),
                    String.valueOf(recomputed)));
        }
    }
}
