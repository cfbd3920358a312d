package it.registro.app.session;

import it.registro.app.web.Italiano;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.session.api.Choice;
import it.registro.domain.session.api.ItemKind;
import it.registro.domain.session.api.MinutesState;
import it.registro.domain.session.api.NamedVote;
import it.registro.domain.session.api.QuorumFigures;
import it.registro.domain.session.api.SessionMode;
import it.registro.domain.session.api.TimePrecision;
import it.registro.domain.session.api.VoteMode;
import it.registro.domain.voting.OfficialOutcome;
import it.registro.projections.body.BodyTimeline;
import it.registro.projections.session.SessionRecords;
import it.registro.projections.session.SessionView;

/**
 * The verbale generated from the events, complete and in Italian: who chaired when, who was there (members,
 * delegates for their comune, other participants with their roles), the quorum in figures (by head and, where
 * the body weighs votes, by population), each decision with its counts, shares, the rule in words and the
 * outcome, what was said, what was corrected or entered late and why, who signed. Structured (the JSON answer)
 * with each line's Italian sentence beside its figures; the HTML, the page and the PDF/A render these same
 * sentences. Times are local times in Italy; no code of the register reaches a sentence (see {@link Italiano}).
 */
public record Minutes(
        String sessionId, String bodyId, String bodyName, String number, LocalDate date, SessionMode mode,
        LocalTime scheduledStart, LocalTime openedAt, LocalTime closedAt, String closedAsRecorded, Long durationMinutes,
        Convocation convocation, String compositionAct, List<MemberLine> members, List<ParticipantLine> participants,
        List<ChairLine> chairs, List<String> quorumDeclarations, List<ItemSection> items, List<FlagLine> flags,
        List<CorrectionLine> corrections, List<SessionView.Attachment> attachments, MinutesState state,
        LocalDate signedOn, List<SignatureLine> signatures, SessionView.Distribution distribution, LocalDate publishedOn,
        String url, Boolean extractOnly, String title, String stateLabel, String opening, List<LateEntryLine> lateEntries,
        String approval) {

    public record Convocation(String protocol, LocalDate protocolDate, String convener) {
    }

    /** A seat's holder, or the delegate who held its vote: {@code presence} "dalle 14:00 alle 15:10", {@code delegation} the words. */
    /** A stay, with "circa" for a time known roughly and the verbale's own words for the arrival and the departure. */
    static String stay(SessionRecords.Interval i) {
        return "dalle " + Italiano.time(i.from()) + (i.arrivalPrecision() == TimePrecision.APPROXIMATE ? " circa" : "")
                + (i.arrivalAsRecorded() == null ? "" : " («" + i.arrivalAsRecorded() + "»)")
                + (i.endedByClose() ? " alla chiusura" : i.to() == null ? "" : " alle " + Italiano.time(i.to())
                + (i.departureAsRecorded() == null ? "" : " («" + i.departureAsRecorded() + "»)"));
    }

    public record MemberLine(String personId, String name, String seatId, String seat, String status, List<String> intervals,
                             boolean delegate, String delegation) {
    }

    public record ParticipantLine(String personId, String name, String role) {
    }

    public record ChairLine(String personId, String name, String basis, String labelAsRecorded, LocalTime from, LocalTime to,
                            String text) {
    }

    /**
     * A decision of the sitting with the voting floor's figures; {@code outcome} is the official one, as
     * every view gives it (the recorded outcome, or the computed one where none is recorded), with the
     * computed one beside it when they disagree. {@code secret}: a secret ballot, which lists no names.
     * {@code text}: the decision in words, figures, rule and outcome; {@code names}: who voted how (named votes).
     */
    public record Decision(String factId, String kind, String description, Tally tally, Integer presentAtVote,
                           String rule, Integer ruleSetVersion, Long threshold, OfficialOutcome outcome,
                           String outcomeAsRecorded, boolean corrected, boolean secret, Tally weightedTally, boolean weighted,
                           Long base, String revoteReason, String text, String names, String outcomeText, boolean late) {
    }

    public record InterventionLine(String factId, String speaker, String time, String summary, boolean late) {
    }

    public record ItemSection(int itemNo, ItemKind kind, String kindLabel, List<String> titles, boolean withdrawn,
                              List<Decision> decisions, List<String> presenters, List<String> followUps,
                              List<SessionView.Figures> figures, List<InterventionLine> interventions, List<String> information,
                              boolean late) {
    }

    public record FlagLine(String code, String severity, String message, Map<String, String> details) {
    }

    public record CorrectionLine(String factId, String field, String previousValue, String newValue, String reason) {
    }

    public record LateEntryLine(String factId, String at, String recordedAt, String reason) {
    }

    public record SignatureLine(String personId, String name, String labelAsRecorded) {
    }

    /** These minutes as they read once published on {@code on} at {@code url}: what the published PDF/A says. */
    Minutes published(LocalDate on, String url, Boolean extractOnly) {
        return new Minutes(sessionId, bodyId, bodyName, number, date, mode, scheduledStart, openedAt, closedAt, closedAsRecorded,
                durationMinutes, convocation, compositionAct, members, participants, chairs, quorumDeclarations, items, flags,
                corrections, attachments, MinutesState.PUBLISHED, signedOn, signatures, distribution, on, url, extractOnly, title,
                Italiano.word(MinutesState.PUBLISHED), opening, lateEntries, approval);
    }

    static LocalTime local(Instant at) {
        return at == null ? null : at.atZone(BusinessTime.ZONE).toLocalTime();
    }

    static Minutes of(SessionRecords.SessionRecord record) {
        SessionView s = record.session();
        Map<String, String> names = new HashMap<>(record.names() == null ? Map.of() : record.names());
        record.attendance().members().forEach(a -> names.putIfAbsent(a.personId(), a.name()));
        s.getParticipants().forEach(p -> names.putIfAbsent(p.personId(), p.nameAsRecorded()));
        java.util.Set<String> late = new java.util.HashSet<>();
        s.getLateEntries().forEach(l -> late.add(l.factId()));

        // members: each seat's holder, and the delegate who held its vote, "per il Comune di …"
        Map<String, BodyTimeline.SeatOnDate> seats = new HashMap<>();
        if (record.composition() != null) {
            record.composition().seats().forEach(seat -> seats.put(seat.seatId(), seat));
        }
        List<MemberLine> members = new ArrayList<>();
        for (SessionRecords.Attendance a : record.attendance().members()) {
            BodyTimeline.SeatOnDate seat = seats.get(a.seatId());
            String seatLabel = seatLabel(seat, record.comuni());
            String delegation = null;
            if (a.delegate() && seat != null && seat.holder() != null) {
                delegation = "per " + (seat.holder().comuneId() != null && record.comuni().containsKey(seat.holder().comuneId())
                        ? "il Comune di " + record.comuni().get(seat.holder().comuneId()) : seatLabel)
                        + ", su delega di " + Objects.toString(seat.holder().name(), seat.holder().personId());
            }
            List<String> spans = a.intervals().stream().map(Minutes::stay).toList();
            members.add(new MemberLine(a.personId(), a.name(), a.seatId(), seatLabel, Italiano.word(a.status()), spans, a.delegate(),
                    delegation));
        }
        List<ParticipantLine> participants = s.getParticipants().stream().map(p -> new ParticipantLine(p.personId(),
                Objects.toString(p.nameAsRecorded(), names.getOrDefault(p.personId(), p.personId())),
                p.roleAsRecorded() != null ? p.roleAsRecorded() : Italiano.word(p.role()))).toList();
        List<ChairLine> chairs = record.chairs().stream().map(c -> new ChairLine(c.personId(), c.name(), Italiano.word(c.basis()),
                c.labelAsRecorded(), local(c.from()), local(c.to()), "Presiede " + Objects.toString(c.name(), c.personId())
                + (c.labelAsRecorded() != null ? ", " + c.labelAsRecorded() : " (" + Italiano.word(c.basis()) + ")")
                + " " + Italiano.span(c.from(), c.to()))).toList();

        List<String> quorum = new ArrayList<>();
        for (SessionView.QuorumDeclaration q : s.getQuorumDeclarations()) {
            String figures = q.computed() == null ? "" : quorumWords(q.computed());
            quorum.add("Alle " + Italiano.time(q.at()) + " è verificato il numero legale"
                    + (q.textAsRecorded() == null ? "" : " («" + q.textAsRecorded() + "»)") + (figures.isEmpty() ? "" : ": " + figures) + ".");
        }
        String opening = s.getOpenedAt() == null ? null : "La seduta è aperta alle " + Italiano.time(s.getOpenedAt())
                + (record.openingQuorum() == null ? "" : ": " + quorumWords(record.openingQuorum())) + ".";

        List<ItemSection> items = new ArrayList<>();
        for (SessionView.AgendaItem item : s.getAgenda().stream().sorted(Comparator.comparingInt(SessionView.AgendaItem::itemNo)).toList()) {
            List<Decision> decisions = new ArrayList<>();
            s.getElections().stream().filter(e -> e.itemNo() == item.itemNo()).forEach(e -> decisions.add(election(e, names,
                    record.correctedFacts().contains(e.factId()), late.contains(e.factId()))));
            s.getVotes().stream().filter(v -> v.itemNo() == item.itemNo()).forEach(v -> decisions.add(vote(v, names,
                    record.correctedFacts().contains(v.factId()), late.contains(v.factId()))));
            s.getDesignations().stream().filter(d -> d.itemNo() == item.itemNo()).forEach(d -> {
                String text = "Designazione — " + d.office() + ": " + Objects.toString(d.nameAsRecorded(), d.candidatureId())
                        + (d.basisAsRecorded() != null ? ", " + d.basisAsRecorded() : d.basis() == null ? "" : ", " + Italiano.word(d.basis()))
                        + (d.tally() == null || d.tally().total() == 0 ? "" : " (" + tallyWords(d.tally()) + ")")
                        + "; " + (d.ratification() == null ? "in attesa di ratifica"
                        : "ratificata con " + Objects.toString(d.ratification().act().citation(), "atto") + " il "
                        + Italiano.date(d.ratification().ratifiedOn()) + (d.ratification().termTo() == null ? ""
                        : ", incarico dal " + Italiano.date(d.ratification().termFrom()) + " al " + Italiano.date(d.ratification().termTo())))
                        + ".";
                decisions.add(new Decision(d.designationId(), "DESIGNATION", d.office() + ": " + d.nameAsRecorded() + " — "
                        + Italiano.word(d.status()) + (d.ratification() == null ? "" : " (" + d.ratification().act().citation() + ")"),
                        d.tally(), null, null, null, null, null, d.basisAsRecorded(), record.correctedFacts().contains(d.designationId()),
                        false, null, false, null, null, text, null, null, late.contains(d.designationId())));
            });
            s.getOpinions().stream().filter(o -> o.itemNo() == item.itemNo()).forEach(o -> {
                String text = "Parere " + Italiano.word(o.outcome()) + (o.act() == null ? "" : " su " + o.act().citation())
                        + (o.conditionsAsRecorded() == null ? "" : ", con le condizioni: " + o.conditionsAsRecorded())
                        + (o.tally() == null || o.tally().total() == 0 ? "" : " (" + tallyWords(o.tally()) + ")") + ".";
                decisions.add(new Decision(o.factId(), "OPINION", Italiano.word(o.outcome()) + (o.act() == null ? "" : " — " + o.act().citation()),
                        o.tally(), null, null, null, null, null, o.textAsRecorded(), record.correctedFacts().contains(o.factId()), false,
                        null, false, null, null, text, null, null, late.contains(o.factId())));
            });
            List<String> presenters = new ArrayList<>();
            List<String> information = new ArrayList<>();
            s.getInformation().stream().filter(i -> i.itemNo() == item.itemNo()).forEach(i -> {
                i.presenters().forEach(p -> presenters.add(p.nameAsRecorded() + (p.role() == null ? "" : " (" + p.role() + ")")));
                if (i.summaryAsRecorded() != null) {
                    information.add(i.summaryAsRecorded());
                }
            });
            List<InterventionLine> interventions = s.getInterventions().stream().filter(i -> i.itemNo() == item.itemNo())
                    .sorted(Comparator.comparing(SessionView.Intervention::at))
                    .map(i -> new InterventionLine(i.factId(), i.speakerAsRecorded() != null ? i.speakerAsRecorded()
                            : names.getOrDefault(i.personId(), i.personId()), Italiano.time(i.at()), i.summaryAsRecorded(),
                            late.contains(i.factId()))).toList();
            List<String> followUps = s.getFollowUps().stream().filter(f -> f.itemNo() == item.itemNo())
                    .map(f -> (f.on() == null ? "" : Italiano.date(f.on()) + ": ") + f.descriptionAsRecorded()).toList();
            List<SessionView.Figures> figures = s.getFigures().stream().filter(f -> f.itemNo() == item.itemNo()).toList();
            items.add(new ItemSection(item.itemNo(), item.kind(), Italiano.word(item.kind()), item.titles(), item.withdrawn(), decisions,
                    presenters, followUps, figures, interventions, information, late.contains("item-" + item.itemNo())));
        }
        List<FlagLine> flags = s.getFlags().stream().map(f -> new FlagLine(f.code(), Italiano.word(f.severity()),
                Italiano.WORDS.getOrDefault(f.code(), f.message()), f.details())).toList();
        List<CorrectionLine> corrections = s.getCorrections().stream().map(c -> new CorrectionLine(c.factId(), Italiano.word(c.field()),
                shown(c.field(), c.previousValue()), shown(c.field(), c.newValue()), c.reason())).toList();
        List<LateEntryLine> lateEntries = s.getLateEntries().stream().map(l -> new LateEntryLine(l.factId(),
                l.at() == null ? null : Italiano.time(l.at()), Italiano.dateTime(l.recordedAt()), l.reason())).toList();
        SessionView.Minutes m = s.getMinutes();
        List<SignatureLine> signatures = m.signatories() == null ? List.of() : m.signatories().stream()
                .map(x -> new SignatureLine(x.personId(), x.nameAsRecorded() != null ? x.nameAsRecorded()
                        : names.getOrDefault(x.personId(), x.personId()), x.labelAsRecorded())).toList();
        String act = record.composition() == null || record.composition().act() == null ? null
                : record.composition().act().act().citation();
        String title = "Verbale della seduta" + (s.getNumber() == null ? "" : " n. " + s.getNumber()) + " del " + Italiano.date(s.getDate())
                + (record.bodyName() == null ? "" : " — " + record.bodyName());
        SessionRecords.SittingRef by = record.approvedBy();
        String approval = m.approvedOn() == null ? null : "Approvato il " + Italiano.date(m.approvedOn()) + " con votazione della seduta "
                + (by == null ? m.approvedBySessionId() : (by.number() == null ? "" : "n. " + by.number() + " ") + "del " + Italiano.date(by.date()))
                + ".";
        return new Minutes(s.getId(), s.getBodyId(), record.bodyName(), s.getNumber(), s.getDate(), s.getMode(),
                s.getScheduledStart(), local(s.getOpenedAt()), local(s.getClosedAt()), s.getClosedTextAsRecorded(),
                record.durationMinutes(), new Convocation(s.getProtocol(), s.getProtocolDate(), s.getConvenerNameAsRecorded()),
                act, members, participants, chairs, quorum, items, flags, corrections, s.getAttachments(), m.state(), m.signedOn(),
                signatures, m.distribution(), m.publishedOn(), m.url(), m.extractOnly(), title, Italiano.word(m.state()), opening,
                lateEntries, approval);
    }

    /** A corrected value as a person reads it: an instant as a local time, a code in Italian. */
    private static String shown(String field, String value) {
        if (value == null) {
            return "—";
        }
        if (field.equals("at")) {
            try {
                return Italiano.time(Instant.parse(value));
            } catch (java.time.format.DateTimeParseException e) {
                return value;
            }
        }
        return value.matches("[A-Z_]+") ? Italiano.word(value) : value;
    }

    private static String seatLabel(BodyTimeline.SeatOnDate seat, Map<String, String> comuni) {
        if (seat == null) {
            return null;
        }
        if (seat.labelAsRecorded() != null) {
            return seat.labelAsRecorded();
        }
        String comune = seat.holder() != null && seat.holder().comuneId() != null ? comuni.get(seat.holder().comuneId()) : null;
        return comune != null ? "Sindaco di " + comune : seat.constituency();
    }

    /** The quorum in figures: by head, and by population where the rule counts it. */
    static String quorumWords(QuorumFigures q) {
        StringBuilder b = new StringBuilder("presenti " + q.present() + " componenti su " + q.members());
        if (q.rule() != null) {
            if (q.required() > 0) {
                b.append(" (ne occorrono ").append(q.required()).append(")");
            }
            if (q.requiredPopulation() > 0) {
                b.append(", che rappresentano ").append(Italiano.number(q.presentPopulation())).append(" abitanti (ne occorrono ")
                        .append(Italiano.number(q.requiredPopulation())).append(")");
            }
            b.append("; regola: ").append(Italiano.word(q.rule())).append("; numero legale ").append(q.met() ? "raggiunto" : "non raggiunto");
        }
        return b.toString();
    }

    private static String tallyWords(Tally t) {
        return "favorevoli " + n(t.inFavour()) + ", contrari " + n(t.against()) + ", astenuti " + n(t.abstained());
    }

    private static String n(Integer i) {
        return i == null ? "—" : i.toString();
    }

    /** The rule applied, in words, with its threshold in the unit it counts (votes, or inhabitants where weighted). */
    static String ruleWords(String rule, boolean weighted, Long threshold, Long base) {
        if (rule == null) {
            return null;
        }
        String unit = weighted ? " abitanti" : " voti";
        return Italiano.word(rule) + (weighted ? ", ponderata per popolazione" : "")
                + (threshold == null ? "" : " — soglia " + Italiano.number(threshold) + unit
                + (base == null ? "" : " su " + Italiano.number(base) + unit));
    }

    private static String outcomeWords(OfficialOutcome o, boolean election) {
        if (o == null || o.official() == null) {
            return null;
        }
        String official = election ? (o.official() == it.registro.domain.session.api.Outcome.PASSED ? "eletto" : "non eletto")
                : Italiano.word(o.official());
        return "Esito: " + official + (o.disagree() ? " (secondo la regola in vigore: " + (election
                ? (o.computed() == it.registro.domain.session.api.Outcome.PASSED ? "eletto" : "non eletto") : Italiano.word(o.computed())) + ")" : "");
    }

    private static Decision vote(SessionView.Vote v, Map<String, String> names, boolean corrected, boolean late) {
        StringBuilder t = new StringBuilder(capitalised(Italiano.word(v.mode())));
        if (v.tally() != null && v.tally().total() > 0) {
            t.append(": ").append(tallyWords(v.tally()));
        }
        t.append("; presenti al voto ").append(v.presentAtVote());
        Tally w = v.weightedTally();
        if (w != null) {
            long f = w.inFavour() == null ? 0 : w.inFavour();
            long a = w.against() == null ? 0 : w.against();
            long s = w.abstained() == null ? 0 : w.abstained();
            long total = f + a + s;
            t.append("; per popolazione: favorevoli ").append(Italiano.number(f)).append(" abitanti (").append(Italiano.percent(f, total))
                    .append("), contrari ").append(Italiano.number(a)).append(" (").append(Italiano.percent(a, total))
                    .append("), astenuti ").append(Italiano.number(s)).append(" (").append(Italiano.percent(s, total)).append(")");
        }
        String rule = ruleWords(v.majorityRule(), v.weightedRule(), v.threshold(), v.base());
        if (rule != null) {
            t.append(". Regola: ").append(rule);
        }
        String outcome = outcomeWords(v.official(), false);
        if (outcome != null) {
            t.append(". ").append(outcome);
        }
        if (v.revoteReason() != null) {
            t.append(". Votazione ripetuta: ").append(v.revoteReason());
        }
        t.append(".");
        String who = v.mode() == VoteMode.OPEN_NAMED && v.votes() != null ? namedWords(v.votes(), names) : null;
        return new Decision(v.factId(), "VOTE", v.subject(), v.tally(), v.presentAtVote(), v.majorityRule(), v.ruleSetVersion(),
                v.threshold(), v.official(), v.outcomeAsRecorded(), corrected, v.mode() == VoteMode.SECRET, v.weightedTally(),
                v.weightedRule(), v.base(), v.revoteReason(), t.toString(), who, outcome, late);
    }

    private static Decision election(SessionView.Election e, Map<String, String> names, boolean corrected, boolean late) {
        String office = e.office() == Office.PRESIDENT ? "Presidente" : "Vice Presidente";
        String elected = Objects.toString(e.nameAsRecorded(), names.getOrDefault(e.personId(), e.personId()));
        StringBuilder t = new StringBuilder("Elezione del " + office + ": " + elected);
        if (e.tally() != null && e.tally().total() > 0) {
            t.append(" — ").append(tallyWords(e.tally()));
        }
        t.append("; presenti al voto ").append(e.presentAtVote());
        String rule = ruleWords(e.majorityRule(), false, e.threshold(), e.base());
        if (rule != null) {
            t.append(". Regola: ").append(rule);
        }
        String outcome = outcomeWords(e.official(), true);
        if (outcome != null) {
            t.append(". ").append(outcome);
        }
        t.append(".");
        return new Decision(e.factId(), "ELECTION", office + ": " + elected, e.tally(), e.presentAtVote(), e.majorityRule(),
                e.ruleSetVersion(), e.threshold(), e.official(), e.outcomeAsRecorded(), corrected, false, null, false, e.base(), null,
                t.toString(), null, outcome, late);
    }

    private static String namedWords(List<NamedVote> votes, Map<String, String> names) {
        StringBuilder b = new StringBuilder();
        for (Choice c : Choice.values()) {
            List<String> who = votes.stream().filter(v -> v.choice() == c).map(v -> names.getOrDefault(v.personId(), v.personId())).toList();
            if (!who.isEmpty()) {
                b.append(b.length() == 0 ? "" : "; ").append(switch (c) {
                    case FOR -> "Favorevoli";
                    case AGAINST -> "Contrari";
                    default -> "Astenuti";
                }).append(": ").append(String.join(", ", who));
            }
        }
        return b.length() == 0 ? null : b.append(".").toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
