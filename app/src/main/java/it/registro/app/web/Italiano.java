package it.registro.app.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import it.registro.domain.common.BusinessTime;

/**
 * The Italian of the verbale: every code the register keeps (rules, roles, outcomes, states, the fields a
 * correction names, the discrepancies it flags) in the words a reader of the minutes expects, and the
 * local dates, times and numbers of Italy. No code reaches a page or a document without passing here.
 */
public final class Italiano {

    private static final Locale IT = Locale.ITALIAN;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", IT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", IT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", IT);

    public static final Map<String, String> WORDS = Map.ofEntries(
            // outcomes, modes, states
            Map.entry("PASSED", "approvato"), Map.entry("NOT_PASSED", "non approvato"),
            Map.entry("TELEMATIC", "in via telematica"), Map.entry("IN_PERSON", "in presenza"), Map.entry("MIXED", "in forma mista"),
            Map.entry("DRAFT", "bozza"), Map.entry("SIGNED", "firmato"), Map.entry("APPROVED", "approvato"), Map.entry("PUBLISHED", "pubblicato"),
            Map.entry("CONVENED", "convocata"), Map.entry("OPEN", "aperta"), Map.entry("CLOSED", "chiusa"),
            Map.entry("PRESENT", "presente"), Map.entry("ABSENT", "assente"), Map.entry("NOT_RECORDED", "presenza non verbalizzata"),
            // kinds of decision and of agenda item
            Map.entry("ELECTION", "elezione"), Map.entry("VOTE", "votazione"), Map.entry("DESIGNATION", "designazione"),
            Map.entry("OPINION", "parere"), Map.entry("NOMINATION", "nomina"), Map.entry("DELIBERATION", "deliberazione"),
            Map.entry("INFORMATION", "comunicazione"), Map.entry("MINUTES_APPROVAL", "approvazione del verbale"), Map.entry("OTHER", "altro"),
            // vote modes
            Map.entry("OPEN_NAMED", "votazione palese per appello nominale"), Map.entry("OPEN_COUNTS", "votazione palese"),
            Map.entry("SECRET", "votazione a scrutinio segreto"),
            // offices, chair, participants
            Map.entry("PRESIDENT", "Presidente"), Map.entry("VICE_PRESIDENT", "Vice Presidente"), Map.entry("INTERIM", "presidente provvisorio"),
            Map.entry("SUBSTITUTE", "in sostituzione"), Map.entry("DIRECTOR_GENERAL", "Direttore Generale"), Map.entry("DIRECTOR", "Direttore"),
            Map.entry("STAFF", "personale dell'Agenzia"), Map.entry("MINUTE_TAKER", "segretario verbalizzante"), Map.entry("PRESENTER", "relatore"),
            Map.entry("GUEST", "invitato"),
            // opinions, designations, absences
            Map.entry("FAVOURABLE", "favorevole"), Map.entry("UNFAVOURABLE", "contrario"),
            Map.entry("FAVOURABLE_WITH_CONDITIONS", "favorevole con condizioni"),
            Map.entry("UNANIMOUS", "all'unanimità"), Map.entry("MAJORITY", "a maggioranza"),
            Map.entry("PENDING_RATIFICATION", "in attesa di ratifica"), Map.entry("RATIFIED", "ratificata"),
            Map.entry("STATED", "assenza dichiarata"), Map.entry("INFERRED", "assenza desunta"),
            // majority and quorum rules
            Map.entry("MAJORITY_OF_VOTERS_PRESENT", "maggioranza dei presenti al voto"),
            Map.entry("MAJORITY_OF_VOTES_CAST", "maggioranza dei voti espressi (gli astenuti non contano)"),
            Map.entry("ABSOLUTE_MAJORITY_OF_MEMBERS", "maggioranza assoluta dei componenti"),
            Map.entry("QUALIFIED_FRACTION_OF_VOTERS_PRESENT", "maggioranza qualificata dei presenti al voto"),
            Map.entry("QUALIFIED_FRACTION_OF_MEMBERS", "maggioranza qualificata dei componenti"),
            Map.entry("MAJORITY_OF_MEMBERS", "maggioranza dei componenti"),
            Map.entry("MAJORITY_OF_POPULATION", "componenti che rappresentano la maggioranza della popolazione"),
            Map.entry("MAJORITY_OF_MEMBERS_AND_POPULATION", "maggioranza dei componenti che rappresenti la maggioranza della popolazione"),
            Map.entry("FIXED_NUMBER", "numero fisso di componenti"),
            // fields a correction names
            Map.entry("at", "orario"), Map.entry("textAsRecorded", "testo del verbale"), Map.entry("inFavour", "favorevoli"),
            Map.entry("against", "contrari"), Map.entry("abstained", "astenuti"), Map.entry("outcomeAsRecorded", "esito come verbalizzato"),
            Map.entry("recordedOutcome", "esito verbalizzato"), Map.entry("subject", "oggetto"), Map.entry("nameAsRecorded", "nome"),
            Map.entry("labelAsRecorded", "qualifica"), Map.entry("outcome", "esito"), Map.entry("conditionsAsRecorded", "condizioni"),
            Map.entry("office", "incarico"), Map.entry("basisAsRecorded", "modalità"), Map.entry("rationaleAsRecorded", "motivazione"),
            Map.entry("termYears", "durata (anni)"), Map.entry("summaryAsRecorded", "sintesi"), Map.entry("speakerAsRecorded", "intervenuto"),
            Map.entry("number", "numero"), Map.entry("protocol", "protocollo"), Map.entry("protocolDate", "data del protocollo"),
            Map.entry("convenerNameAsRecorded", "convocante"), Map.entry("scheduledStart", "ora di convocazione"), Map.entry("mode", "modalità"),
            Map.entry("venue", "luogo"), Map.entry("presentAtVote", "presenti al voto"),
            // acts: states, references, types
            Map.entry("REGISTERED", "registrato"), Map.entry("ADOPTED", "adottato"),
            Map.entry("PENDING_CONTROL", "in attesa del controllo"), Map.entry("EXECUTIVE", "esecutivo"),
            Map.entry("REVOKED", "revocato"), Map.entry("ANNULLED", "annullato"),
            Map.entry("APPROVES", "approva"), Map.entry("TRANSPOSES", "recepisce"), Map.entry("AMENDS", "modifica"),
            Map.entry("RECTIFIES", "rettifica"), Map.entry("REVOKES", "revoca"), Map.entry("ANNULS", "annulla"),
            Map.entry("RATIFIES", "ratifica"), Map.entry("TAKES_NOTE_OF", "prende atto di"),
            Map.entry("IMPLEMENTS", "attua"), Map.entry("SUBMITTED", "trasmesso"), Map.entry("CONSULTATION", "consultazione"),
            Map.entry("EFFECT", "efficace"), Map.entry("CITES", "cita"), Map.entry("ANNEXES", "allega"),
            Map.entry("DECRETO", "Decreto"), Map.entry("DELIBERAZIONE", "Deliberazione"), Map.entry("DGR", "Deliberazione della Giunta Regionale"),
            Map.entry("DETERMINA", "Determina"), Map.entry("NOTA", "Nota"), Map.entry("CIRCOLARE", "Circolare"),
            Map.entry("PUBLISHED_ACT", "pubblicato"), Map.entry("DOCUMENT", "documento allegato"), Map.entry("OPINION_GIVEN", "parere"),
            // discrepancies
            Map.entry("COMPOSITION_ACT_AFTER_CONVOCATION", "L'atto di composizione è successivo alla convocazione"),
            Map.entry("VP_LABEL_MISMATCH", "Il verbale indica come Vice Presidente chi non è il Vice Presidente eletto"),
            Map.entry("VOTER_COUNT_MISMATCH", "Il numero dei votanti indicato nel verbale differisce dai presenti al voto"),
            Map.entry("OUTCOME_RULE_MISMATCH", "L'esito verbalizzato differisce da quello della regola di maggioranza in vigore"),
            Map.entry("SUBTOTAL_MISMATCH", "Il totale indicato non corrisponde alla somma delle voci"),
            Map.entry("WARNING", "avvertenza"), Map.entry("INFO", "nota"), Map.entry("ERROR", "errore"));

    private Italiano() {
    }

    /** A code in Italian; a code without a word is shown lower-cased with spaces, never as the constant. */
    public static String word(Object code) {
        if (code == null) {
            return "";
        }
        String c = code.toString();
        String w = WORDS.get(c);
        return w != null ? w : c.matches("[A-Z_]+") ? c.toLowerCase(IT).replace('_', ' ') : c;
    }

    public static String date(LocalDate day) {
        return day == null ? "" : day.format(DATE);
    }

    /** A local time in Italy, "14:05". */
    public static String time(Instant at) {
        return at == null ? "" : at.atZone(BusinessTime.ZONE).format(TIME);
    }

    public static String time(LocalTime t) {
        return t == null ? "" : t.format(TIME);
    }

    public static String dateTime(Instant at) {
        return at == null ? "" : at.atZone(BusinessTime.ZONE).format(DATE_TIME);
    }

    /** A whole number the Italian way, "12.500". */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(IT).format(n);
    }

    /** A share as a percentage with one decimal, "66,7%". */
    public static String percent(long part, long whole) {
        if (whole <= 0) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(IT);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(part * 100.0 / whole) + "%";
    }

    /** A span of presence: "dalle 14:00 alle 15:10", or "dalle 14:00" while open. */
    public static String span(Instant from, Instant to) {
        return "dalle " + time(from) + (to == null ? "" : " alle " + time(to));
    }
}
