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
            Map.entry("AMENDED", "modificato"), Map.entry("MODIFICATION_IN_PROGRESS", "modifica in corso"),
            Map.entry("FORMALITIES", "firme e attestazioni"), Map.entry("TECHNICAL_REGULARITY", "regolarità tecnica"),
            Map.entry("LEGAL_REGULARITY", "regolarità e legittimità"), Map.entry("ACCOUNTING_REGULARITY", "regolarità contabile"),
            // discrepancies
            Map.entry("COMPOSITION_ACT_AFTER_CONVOCATION", "L'atto di composizione è successivo alla convocazione"),
            Map.entry("VP_LABEL_MISMATCH", "Il verbale indica come Vice Presidente chi non è il Vice Presidente eletto"),
            Map.entry("VOTER_COUNT_MISMATCH", "Il numero dei votanti indicato nel verbale differisce dai presenti al voto"),
            Map.entry("OUTCOME_RULE_MISMATCH", "L'esito verbalizzato differisce da quello della regola di maggioranza in vigore"),
            Map.entry("SUBTOTAL_MISMATCH", "Il totale indicato non corrisponde alla somma delle voci"),
            Map.entry("WARNING", "avvertenza"), Map.entry("INFO", "nota"), Map.entry("ERROR", "errore"));

    /** The register's refusals as the secretariat reads them at the desk, beside the field they name. */
    public static final Map<String, String> PROBLEMS = Map.ofEntries(
            Map.entry("ALREADY_A_MEMBER", "È già componente dell'organo: non va registrato come partecipante."),
            Map.entry("ALREADY_A_PARTICIPANT", "È già registrato tra i partecipanti."),
            Map.entry("ALREADY_PRESENT", "Risulta già presente a quell'ora."),
            Map.entry("ALREADY_PUBLISHED", "Il verbale è già pubblicato."),
            Map.entry("ALREADY_RATIFIED", "La designazione è già ratificata."),
            Map.entry("BALLOT_ALREADY_HELD", "Su questo punto e oggetto si è già votato: per ripetere la votazione indichi il motivo."),
            Map.entry("CANDIDATE_NOT_MEMBER", "La persona eletta non è componente dell'organo."),
            Map.entry("CANDIDATE_NOT_REGISTERED", "La candidatura non è registrata: la registri prima di designare."),
            Map.entry("CHAIR_NOT_PRESENT", "Chi presiede deve essere presente a quell'ora."),
            Map.entry("CORRECTION_CONTRADICTS_BALLOT", "La rettifica contraddice la votazione registrata."),
            Map.entry("DATES_OUT_OF_ORDER", "Le date non sono in ordine."),
            Map.entry("DEPARTURE_BEFORE_ARRIVAL", "L'uscita precede l'arrivo."),
            Map.entry("DUPLICATE_CANDIDATURE", "Questa candidatura è già registrata."),
            Map.entry("DUPLICATE_ITEM", "Un punto con questo numero è già all'ordine del giorno."),
            Map.entry("DUPLICATE_SESSION", "Una seduta con questo identificativo esiste già."),
            Map.entry("DUPLICATE_VOTER", "La stessa persona compare due volte nella votazione."),
            Map.entry("FIELD_NOT_ALLOWED", "Questo campo non è ammesso qui."),
            Map.entry("FIELD_NOT_CORRECTABLE", "Questo dato non si può rettificare."),
            Map.entry("FIELD_REQUIRED", "Campo obbligatorio."),
            Map.entry("FIELD_TOO_LONG", "Testo troppo lungo."),
            Map.entry("TEXT_TOO_LONG", "Testo troppo lungo."),
            Map.entry("FORBIDDEN", "Il suo profilo non consente questa operazione per questo organo."),
            Map.entry("CONCURRENT_MODIFICATION", "Nel frattempo qualcun altro ha registrato un fatto: ricarichi la pagina e riprovi."),
            Map.entry("INVALID_VALUE", "Valore non valido."),
            Map.entry("ITEM_KIND_MISMATCH", "Il tipo del punto all'ordine del giorno non ammette questa registrazione."),
            Map.entry("ITEM_NOT_ON_AGENDA", "Il punto non è all'ordine del giorno."),
            Map.entry("ITEM_NOT_VOTABLE", "Su questo punto non si vota (è una comunicazione)."),
            Map.entry("ITEM_NUMBER_OUT_OF_RANGE", "Numero del punto non ammesso."),
            Map.entry("ITEM_WITHDRAWN", "Il punto è stato ritirato."),
            Map.entry("LATE_ENTRY_OUTSIDE_SITTING", "Un'annotazione successiva riguarda un'ora compresa nella seduta."),
            Map.entry("MARKED_ABSENT", "È registrato come assente."),
            Map.entry("MINUTES_ALREADY_APPROVED", "Il verbale è già approvato."),
            Map.entry("MINUTES_ALREADY_PUBLISHED", "Il verbale è già pubblicato: i suoi documenti sono chiusi."),
            Map.entry("MINUTES_ALREADY_SIGNED", "Il verbale è già firmato: non si possono più aggiungere fatti."),
            Map.entry("MINUTES_NOT_SIGNED", "Il verbale va prima firmato."),
            Map.entry("MINUTES_OF_ANOTHER_BODY", "Il verbale indicato è di un altro organo."),
            Map.entry("NEGATIVE_COUNT", "I voti non possono essere negativi."),
            Map.entry("NOTHING_TO_CORRECT", "Il valore è già quello indicato: non c'è nulla da rettificare."),
            Map.entry("NOTHING_TO_REVOTE", "Non c'è una votazione precedente da ripetere."),
            Map.entry("NOT_A_MEMBER", "Non è componente dell'organo né delegato per un seggio: lo registri come partecipante."),
            Map.entry("NOT_ON_SESSION_DAY", "L'ora indicata non è nel giorno della seduta."),
            Map.entry("OPEN_BALLOT_HELD", "Su questo punto si è già votato a scrutinio palese."),
            Map.entry("POPULATION_UNKNOWN", "Manca la popolazione di un comune: il voto ponderato non si può calcolare."),
            Map.entry("QUORUM_NOT_MET", "Il numero legale non è raggiunto."),
            Map.entry("SECRET_BALLOT_HELD", "Su questo punto si è già votato a scrutinio segreto."),
            Map.entry("SELF_REFERENCE", "Una seduta approva il verbale di una seduta precedente."),
            Map.entry("SESSION_ALREADY_OPEN", "La seduta è già aperta."),
            Map.entry("SESSION_CLOSED", "La seduta è chiusa: per inserire un fatto dopo la chiusura indichi il motivo dell'annotazione successiva."),
            Map.entry("SESSION_NOT_CLOSED", "La seduta va prima chiusa."),
            Map.entry("SESSION_NOT_OPEN", "La seduta non è aperta."),
            Map.entry("SIGNATORY_NOT_IN_SESSION", "Chi firma deve aver preso parte alla seduta."),
            Map.entry("SPEAKER_NOT_IN_SESSION", "Chi interviene non è componente, delegato o partecipante: lo registri o ne scriva il nome."),
            Map.entry("SPEAKER_NOT_PRESENT", "Chi interviene non era presente a quell'ora."),
            Map.entry("TALLY_EXCEEDS_PRESENT", "I voti superano i presenti."),
            Map.entry("TERM_OUT_OF_RANGE", "Durata dell'incarico non ammessa."),
            Map.entry("UNKNOWN_FACT", "Il fatto da rettificare non è registrato."),
            Map.entry("UNKNOWN_PERSON", "La persona non è registrata."),
            Map.entry("URL_MALFORMED", "L'indirizzo di pubblicazione deve essere un URL http(s)."),
            Map.entry("VALIDATION_FAILED", "Dato non valido."),
            Map.entry("VOTER_NOT_MEMBER", "Chi vota non è componente dell'organo."),
            Map.entry("VOTER_NOT_PRESENT", "Chi vota non era presente."),
            Map.entry("VOTE_DELEGATED", "Il seggio è delegato: vota il delegato."),
            Map.entry("WEIGHTED_VOTE_NEEDS_NAMES", "L'organo vota ponderando la popolazione: indichi il voto di ciascuno."),
            Map.entry("WRONG_RATIFYING_AUTHORITY", "L'atto di ratifica non è dell'autorità indicata."),
            Map.entry("SESSION_NOT_FOUND", "Nessuna seduta con questo identificativo."),
            Map.entry("MEDIA_TYPE_NOT_ALLOWED", "Si possono caricare PDF, immagini PNG o JPEG, testi ODT o di puro testo."),
            Map.entry("DOCUMENT_CONTENT_MISMATCH", "Il contenuto del file non corrisponde al suo tipo."),
            Map.entry("DOCUMENT_EMPTY", "Il file è vuoto."),
            Map.entry("DOCUMENT_TOO_LARGE", "Il file supera la dimensione massima (20 MB)."),
            Map.entry("BODY_NOT_FOUND", "Nessun organo con questo identificativo."));

    /** A refusal in Italian: the register's own sentence for its code, else a plain one that keeps the code. */
    public static String problem(String code, String message) {
        String p = PROBLEMS.get(code);
        return p != null ? p : "Operazione non accettata (" + code + ").";
    }

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
