package it.registro.projections.proceeding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.proceeding.api.OpeningBasis;
import it.registro.domain.proceeding.api.Subject;
import it.registro.domain.proceeding.api.TermRule;
import it.registro.domain.proceeding.api.UnitRef;
import it.registro.projections.common.Versioned;

/**
 * One proceeding: what it is, its due date as it stands, suspensions, inertia and escalation, its
 * conclusion, and its full history in recording order.
 */
@Document(ProceedingView.COLLECTION)
public class ProceedingView implements Versioned {

    public static final String COLLECTION = "proceedings";

    public record Suspension(String reason, LocalDate from, LocalDate to, int days, LocalDate dueOnBefore, LocalDate dueOnAfter) {
    }

    public record Escalation(LocalDate inertiaOn, long daysOverdue, String holder, TermRule halfTerm, LocalDate substituteDueOn,
                             LocalDateTime substituteDueAt) {
    }

    public record Conclusion(LocalDate on, String actId, String note, boolean late, long daysLate, boolean bySubstitute,
                             boolean substituteLate) {
    }

    public record HistoryEntry(String kind, LocalDate businessDate, String detail, String actId, Instant recordedAt, String recordedBy) {
    }

    @Id
    private String id;
    private String proceedingTypeId;
    private String typeName;
    private LocalDate typeVersionFrom;
    private String agencyName;
    private OpeningBasis basis;
    private LocalDate openedOn;
    private String openedAt;
    private String protocolNumber;
    private String requester;
    private Subject.Kind subjectKind;
    private String subjectId;
    private TermRule term;
    private String termText;
    private LocalDate startOn;
    private LocalDate originalDueOn;
    private LocalDate dueOn;
    private LocalDateTime dueAt;
    private UnitRef inquiryUnit;
    private UnitRef finalActUnit;
    private String substitutePowerHolder;
    private String status;
    private List<Suspension> suspensions = new ArrayList<>();
    private Escalation escalation;
    private Conclusion conclusion;
    private List<HistoryEntry> history = new ArrayList<>();
    private long version;

    public ProceedingView() {
    }

    ProceedingView(String id) {
        this.id = id;
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    /** Overdue on {@code day}: open, with a due date before it. */
    public boolean overdueOn(LocalDate day) {
        return isOpen() && dueOn != null && dueOn.isBefore(day);
    }

    public String getId() { return id; }
    public String getProceedingTypeId() { return proceedingTypeId; }
    public String getTypeName() { return typeName; }
    public LocalDate getTypeVersionFrom() { return typeVersionFrom; }
    public String getAgencyName() { return agencyName; }
    public OpeningBasis getBasis() { return basis; }
    public LocalDate getOpenedOn() { return openedOn; }
    public String getOpenedAt() { return openedAt; }
    public String getProtocolNumber() { return protocolNumber; }
    public String getRequester() { return requester; }
    public Subject.Kind getSubjectKind() { return subjectKind; }
    public String getSubjectId() { return subjectId; }
    public TermRule getTerm() { return term; }
    public String getTermText() { return termText; }
    public LocalDate getStartOn() { return startOn; }
    public LocalDate getOriginalDueOn() { return originalDueOn; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDateTime getDueAt() { return dueAt; }
    public UnitRef getInquiryUnit() { return inquiryUnit; }
    public UnitRef getFinalActUnit() { return finalActUnit; }
    public String getSubstitutePowerHolder() { return substitutePowerHolder; }
    public String getStatus() { return status; }
    public List<Suspension> getSuspensions() { return suspensions; }
    public Escalation getEscalation() { return escalation; }
    public Conclusion getConclusion() { return conclusion; }
    public List<HistoryEntry> getHistory() { return history; }
    @Override
    public long getVersion() { return version; }

    void opened(String typeId, String typeName, LocalDate typeVersionFrom, String agencyName, OpeningBasis basis, LocalDate on,
                String at, String protocolNumber, String requester, Subject subject, TermRule term, String termText, LocalDate startOn,
                LocalDate dueOn, LocalDateTime dueAt, UnitRef inquiry, UnitRef finalAct, String holder) {
        this.proceedingTypeId = typeId;
        this.typeName = typeName;
        this.typeVersionFrom = typeVersionFrom;
        this.agencyName = agencyName;
        this.basis = basis;
        this.openedOn = on;
        this.openedAt = at;
        this.protocolNumber = protocolNumber;
        this.requester = requester;
        this.subjectKind = subject == null ? null : subject.kind();
        this.subjectId = subject == null ? null : subject.id();
        this.term = term;
        this.termText = termText;
        this.startOn = startOn;
        this.originalDueOn = dueOn;
        this.dueOn = dueOn;
        this.dueAt = dueAt;
        this.inquiryUnit = inquiry;
        this.finalActUnit = finalAct;
        this.substitutePowerHolder = holder;
        this.status = "OPEN";
    }

    void due(LocalDate on, LocalDateTime at) {
        this.dueOn = on;
        this.dueAt = at;
    }

    void escalation(Escalation e) {
        this.escalation = e;
    }

    void conclusion(Conclusion c) {
        this.conclusion = c;
        this.status = "CONCLUDED";
    }

    void units(UnitRef inquiry, UnitRef finalAct) {
        this.inquiryUnit = inquiry;
        this.finalActUnit = finalAct;
    }

    @Override

    public void version(long v) {
        version = v;
    }
}
