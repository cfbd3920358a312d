package it.registro.projections.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;

/**
 * Read model of one body: one document per body keyed by its id, holding the dated history of
 * everything about it (names, seats and their holders, composition acts, offices, delegations,
 * rule sets), so that "as of a date" is answered from this one document. {@code version} is the
 * sequence number of the last event applied: it makes the projection idempotent and is the ETag.
 */
@Document(BodyView.COLLECTION)
public class BodyView {

    public static final String COLLECTION = "bodies";

    /** One name of the body, from its business date, with when it was recorded and why. */
    public record NameEntry(String name, LocalDate effectiveFrom, String reason, Instant recordedAt) {
    }

    /** A seat; {@code definedFrom} is the effective date of the act that created it, if known. */
    /** {@code byOffice}: held by virtue of an office in another body (null for a seat whose holders are named). */
    public record Seat(String seatId, SeatRole role, String constituency, String labelAsRecorded, ActRef act,
                       LocalDate definedFrom, it.registro.domain.body.api.ByOffice byOffice) {

        public Seat(String seatId, SeatRole role, String constituency, String labelAsRecorded, ActRef act, LocalDate definedFrom) {
            this(seatId, role, constituency, labelAsRecorded, act, definedFrom, null);
        }
    }

    /** A person's hold on a seat, both ends inclusive; {@code to} null while open. */
    public record Term(String seatId, String personId, String nameAsRecorded, String comuneId, LocalDate from,
                       LocalDate to, ActRef act, String endReason, ActRef endAct) {
    }

    public record CompositionAct(ActRef act, LocalDate effectiveFrom, boolean renewal, Instant recordedAt) {
    }

    /** An office held from an instant to an instant (exclusive), or still held when {@code to} is null. */
    public record OfficeTerm(Office office, String personId, String nameAsRecorded, Instant from, Instant to,
                             String sessionRef, Tally tally, String endReason) {
    }

    public record InterimPresidency(String personId, String capacity, Instant from, Instant to, String basisAsRecorded) {
    }

    public record Delegation(String delegationId, String seatId, String delegatorPersonId, String delegatePersonId,
                             String nameAsRecorded, Instant from, Instant to, Instant revokedAt,
                             String revocationReason, String sessionRef, String letterRef) {

        /** The end that applies: the revocation if earlier than the planned end. */
        public Instant effectiveTo() {
            return revokedAt != null && revokedAt.isBefore(to) ? revokedAt : to;
        }

        public boolean activeAt(Instant at) {
            return !at.isBefore(from) && at.isBefore(effectiveTo());
        }
    }

    /**
     * A correction of the body's record, beside what it corrected: {@code subject} names the fact
     * ("term:{seatId}:{from}", "composition:{effectiveFrom}", "seat:{seatId}"), each field with its old and new value.
     */
    public record Correction(String subject, List<it.registro.domain.common.FieldChange> changes, String reason, Instant recordedAt) {
    }

    public record RuleSet(int version, String name, LocalDate effectiveFrom, QuorumRule quorum, MajorityRule majority,
                          Weighting weighting, boolean delegationAllowed, ActRef act, Instant recordedAt) {
    }

    @Id
    private String id;
    private BodyKind kind;
    private Agency agency;
    private String name;
    private String legalBasis;
    private List<NameEntry> names = new ArrayList<>();
    private List<NameEntry> aliases = new ArrayList<>();
    /** Matching keys of every name and alias (see Names.key), for finding the body under any of them. */
    private List<String> nameKeys = new ArrayList<>();
    private List<Seat> seats = new ArrayList<>();
    private List<Term> terms = new ArrayList<>();
    private List<CompositionAct> compositionActs = new ArrayList<>();
    private List<OfficeTerm> officeTerms = new ArrayList<>();
    private List<InterimPresidency> interimPresidencies = new ArrayList<>();
    private List<Delegation> delegations = new ArrayList<>();
    private List<RuleSet> ruleSets = new ArrayList<>();
    private List<Correction> corrections = new ArrayList<>();
    private long version;
    private Instant registeredAt;
    private Instant updatedAt;

    protected BodyView() {
        // for Spring Data
    }

    public BodyView(String id, BodyKind kind, Agency agency, String name, String legalBasis, Instant registeredAt) {
        this.id = id;
        this.kind = kind;
        this.agency = agency;
        this.name = name;
        this.legalBasis = legalBasis;
        this.registeredAt = registeredAt;
        this.updatedAt = registeredAt;
        this.names.add(new NameEntry(name, null, null, registeredAt));
        addNameKey(name);
    }

    void addNameKey(String form) {
        String key = it.registro.projections.common.Names.key(form);
        if (!nameKeys.contains(key)) {
            nameKeys.add(key);
        }
    }

    /** The name in force on a business date (the name at registration before any dated rename). */
    public String nameOn(LocalDate date) {
        String result = names.get(0).name();
        for (NameEntry entry : names) {
            if (entry.effectiveFrom() == null || !entry.effectiveFrom().isAfter(date)) {
                result = entry.name();
            }
        }
        return result;
    }

    void renamed(String newName, NameEntry entry) {
        this.name = newName;
        this.names.add(entry);
        addNameKey(newName);
    }

    /** The organ that took over from this one (e.g. of the agency that replaced this body's agency). */
    /** Who holds a seat held by virtue of another body's office on a day (see OfficeHolders); not stored. */
    @org.springframework.data.annotation.Transient
    private transient java.util.function.BiFunction<Seat, LocalDate, java.util.Optional<BodyTimeline.Holder>> officeHolders;

    void officeHolders(java.util.function.BiFunction<Seat, LocalDate, java.util.Optional<BodyTimeline.Holder>> resolver) {
        this.officeHolders = resolver;
    }

    java.util.Optional<BodyTimeline.Holder> holderByOffice(Seat seat, LocalDate day) {
        return officeHolders == null ? java.util.Optional.empty() : officeHolders.apply(seat, day);
    }

    /** The territory the body stands for from a day on (a Conferenza: an ASST's; an Assemblea di Distretto: a district). */
    public record Territory(it.registro.domain.territory.api.TerritoryKind kind, String territoryId, LocalDate from, String source) {
    }

    private List<Territory> territories = new java.util.ArrayList<>();

    void territoryDefined(Territory t) {
        territories = new java.util.ArrayList<>(territories == null ? List.of() : territories);
        territories.add(t);
    }

    public List<Territory> getTerritories() {
        return territories == null ? List.of() : territories;
    }

    /** The territory in force on a day, if any. */
    public java.util.Optional<Territory> territoryOn(LocalDate day) {
        return getTerritories().stream().filter(t -> !t.from().isAfter(day)).max(java.util.Comparator.comparing(Territory::from));
    }

    public record Succession(String successorBodyId, LocalDate from, String basis, String source) {
    }

    private Succession succession;

    void succeeded(Succession s) {
        this.succession = s;
    }

    public Succession getSuccession() {
        return succession;
    }

    void aliased(NameEntry alias) {
        this.aliases.add(alias);
        addNameKey(alias.name());
    }

    public List<NameEntry> getAliases() {
        return aliases;
    }

    public List<String> getNameKeys() {
        return nameKeys;
    }

    void applied(long sequence, Instant at) {
        this.version = sequence;
        this.updatedAt = at;
    }

    public String getId() {
        return id;
    }

    public BodyKind getKind() {
        return kind;
    }

    public Agency getAgency() {
        return agency;
    }

    public String getName() {
        return name;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public List<NameEntry> getNames() {
        return names;
    }

    public List<Seat> getSeats() {
        return seats;
    }

    public List<Term> getTerms() {
        return terms;
    }

    public List<CompositionAct> getCompositionActs() {
        return compositionActs;
    }

    public List<OfficeTerm> getOfficeTerms() {
        return officeTerms;
    }

    public List<InterimPresidency> getInterimPresidencies() {
        return interimPresidencies;
    }

    public List<Delegation> getDelegations() {
        return delegations;
    }

    public List<RuleSet> getRuleSets() {
        return ruleSets;
    }

    public List<Correction> getCorrections() {
        if (corrections == null) {
            corrections = new ArrayList<>();
        }
        return corrections;
    }

    public long getVersion() {
        return version;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
