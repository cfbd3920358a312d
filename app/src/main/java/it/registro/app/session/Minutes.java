package it.registro.app.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.session.api.ItemKind;
import it.registro.domain.session.api.MinutesState;
import it.registro.domain.session.api.VoteMode;
import it.registro.domain.voting.OfficialOutcome;
import it.registro.domain.session.api.SessionMode;
import it.registro.projections.session.SessionRecords;
import it.registro.projections.session.SessionView;

/**
 * The verbale generated from the events: a structured document (the JSON answer) that the HTML
 * rendering shows as a reader expects, item by item. Times are local times in Italy.
 */
public record Minutes(
        String sessionId, String bodyId, String bodyName, String number, LocalDate date, SessionMode mode,
        LocalTime scheduledStart, LocalTime openedAt, LocalTime closedAt, String closedAsRecorded, Long durationMinutes,
        Convocation convocation, String compositionAct, List<MemberLine> members, List<ParticipantLine> participants,
        List<ChairLine> chairs, List<String> quorumDeclarations, List<ItemSection> items, List<FlagLine> flags,
        List<CorrectionLine> corrections, List<SessionView.Attachment> attachments, MinutesState state,
        LocalDate signedOn, List<SignatureLine> signatures, SessionView.Distribution distribution, LocalDate publishedOn,
        String url, Boolean extractOnly) {

    public record Convocation(String protocol, LocalDate protocolDate, String convener) {
    }

    public record MemberLine(String personId, String name, String seatId, String status, List<String> intervals,
                             boolean delegate) {
    }

    public record ParticipantLine(String personId, String name, String role) {
    }

    public record ChairLine(String personId, String name, String basis, String labelAsRecorded, LocalTime from, LocalTime to) {
    }

    /**
     * A decision of the sitting with the voting floor's figures; {@code outcome} is the official one, as
     * every view gives it (the recorded outcome, or the computed one where none is recorded), with the
     * computed one beside it when they disagree. {@code secret}: a secret ballot, which lists no names.
     */
    public record Decision(String factId, String kind, String description, Tally tally, Integer presentAtVote,
                           String rule, Integer ruleSetVersion, Long threshold, OfficialOutcome outcome,
                           String outcomeAsRecorded, boolean corrected, boolean secret, Tally weightedTally, boolean weighted,
                           Long base, String revoteReason) {
    }

    public record ItemSection(int itemNo, ItemKind kind, List<String> titles, boolean withdrawn, List<Decision> decisions,
                              List<String> presenters, List<String> followUps, List<SessionView.Figures> figures) {
    }

    public record FlagLine(String code, String severity, String message, Map<String, String> details) {
    }

    public record CorrectionLine(String factId, String field, String previousValue, String newValue, String reason) {
    }

    public record SignatureLine(String personId, String name, String labelAsRecorded) {
    }

    static LocalTime local(Instant at) {
        return at == null ? null : at.atZone(BusinessTime.ZONE).toLocalTime();
    }

    static Minutes of(SessionRecords.SessionRecord record) {
        SessionView s = record.session();
        Map<String, String> names = new java.util.HashMap<>();
        record.attendance().members().forEach(a -> names.put(a.personId(), a.name()));
        record.chairs().forEach(c -> names.put(c.personId(), c.name()));
        List<MemberLine> members = record.attendance().members().stream().map(a -> new MemberLine(a.personId(), a.name(),
                a.seatId(), a.status().name(), a.intervals().stream().map(i -> local(i.from()) + "–" + local(i.to())).toList(),
                a.delegate())).toList();
        List<ParticipantLine> participants = s.getParticipants().stream().map(p -> new ParticipantLine(p.personId(),
                p.nameAsRecorded(), p.roleAsRecorded() != null ? p.roleAsRecorded() : p.role().name())).toList();
        List<ChairLine> chairs = record.chairs().stream().map(c -> new ChairLine(c.personId(), c.name(), c.basis().name(),
                c.labelAsRecorded(), local(c.from()), local(c.to()))).toList();
        List<ItemSection> items = new ArrayList<>();
        for (SessionView.AgendaItem item : s.getAgenda().stream().sorted(Comparator.comparingInt(SessionView.AgendaItem::itemNo)).toList()) {
            List<Decision> decisions = new ArrayList<>();
            s.getElections().stream().filter(e -> e.itemNo() == item.itemNo()).forEach(e -> decisions.add(new Decision(
                    e.factId(), "ELECTION", label(e.office()) + ": " + Objects.toString(e.nameAsRecorded(), e.personId()),
                    e.tally(), e.presentAtVote(), e.majorityRule(), e.ruleSetVersion(), e.threshold(), e.official(),
                    e.outcomeAsRecorded(), record.correctedFacts().contains(e.factId()), false, null, false, e.base(), null)));
            s.getVotes().stream().filter(v -> v.itemNo() == item.itemNo()).forEach(v -> decisions.add(new Decision(
                    v.factId(), "VOTE", v.subject(), v.tally(), v.presentAtVote(), v.majorityRule(), v.ruleSetVersion(),
                    v.threshold(), v.official(), v.outcomeAsRecorded(), record.correctedFacts().contains(v.factId()),
                    v.mode() == VoteMode.SECRET, v.weightedTally(), v.weightedRule(), v.base(), v.revoteReason())));
            s.getDesignations().stream().filter(d -> d.itemNo() == item.itemNo()).forEach(d -> decisions.add(new Decision(
                    d.designationId(), "DESIGNATION", d.office() + ": " + d.nameAsRecorded() + " — " + d.status()
                    + (d.ratification() == null ? "" : " (" + d.ratification().act().citation() + ")"),
                    d.tally(), null, null, null, null, null, d.basisAsRecorded(), record.correctedFacts().contains(d.designationId()),
                    false, null, false, null, null)));
            s.getOpinions().stream().filter(o -> o.itemNo() == item.itemNo()).forEach(o -> decisions.add(new Decision(
                    o.factId(), "OPINION", o.outcome() + (o.act() == null ? "" : " — " + o.act().citation()), o.tally(),
                    null, null, null, null, null, o.textAsRecorded(), record.correctedFacts().contains(o.factId()), false, null, false,
                    null, null)));
            List<String> presenters = new ArrayList<>();
            s.getInformation().stream().filter(i -> i.itemNo() == item.itemNo())
                    .forEach(i -> i.presenters().forEach(p -> presenters.add(p.nameAsRecorded() + (p.role() == null ? "" : " (" + p.role() + ")"))));
            List<String> followUps = s.getFollowUps().stream().filter(f -> f.itemNo() == item.itemNo())
                    .map(f -> (f.on() == null ? "" : f.on() + ": ") + f.descriptionAsRecorded()).toList();
            List<SessionView.Figures> figures = s.getFigures().stream().filter(f -> f.itemNo() == item.itemNo()).toList();
            items.add(new ItemSection(item.itemNo(), item.kind(), item.titles(), item.withdrawn(), decisions, presenters,
                    followUps, figures));
        }
        List<FlagLine> flags = s.getFlags().stream().map(f -> new FlagLine(f.code(), f.severity().name(), f.message(),
                f.details())).toList();
        List<CorrectionLine> corrections = s.getCorrections().stream().map(c -> new CorrectionLine(c.factId(), c.field(),
                c.previousValue(), c.newValue(), c.reason())).toList();
        SessionView.Minutes m = s.getMinutes();
        List<SignatureLine> signatures = m.signatories() == null ? List.of() : m.signatories().stream()
                .map(x -> new SignatureLine(x.personId(), x.nameAsRecorded(), x.labelAsRecorded())).toList();
        String act = record.composition() == null || record.composition().act() == null ? null
                : record.composition().act().act().citation();
        return new Minutes(s.getId(), s.getBodyId(), record.bodyName(), s.getNumber(), s.getDate(), s.getMode(),
                s.getScheduledStart(), local(s.getOpenedAt()), local(s.getClosedAt()), s.getClosedTextAsRecorded(),
                record.durationMinutes(), new Convocation(s.getProtocol(), s.getProtocolDate(), s.getConvenerNameAsRecorded()),
                act, members, participants, chairs,
                s.getQuorumDeclarations().stream().map(SessionView.QuorumDeclaration::textAsRecorded).filter(Objects::nonNull).toList(),
                items, flags, corrections, s.getAttachments(), m.state(), m.signedOn(), signatures, m.distribution(),
                m.publishedOn(), m.url(), m.extractOnly());
    }

    private static String label(Office office) {
        return office == Office.PRESIDENT ? "Presidente" : "Vice Presidente";
    }
}
