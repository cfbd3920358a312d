package it.registro.domain.comune;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.comune.api.ComuneAliasRecorded;
import it.registro.domain.comune.api.ComuneRegistered;
import it.registro.domain.comune.api.PopulationRecorded;
import it.registro.domain.comune.api.RecordComuneAlias;
import it.registro.domain.comune.api.RecordPopulation;
import it.registro.domain.comune.api.RegisterComune;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.requiredText;

/** A municipality: its name forms and its population over time (for population-weighted bodies). */
public class Comune {

    /** Larger than any Italian comune (Rome has under 3 million), to catch a misplaced digit. */
    static final long MAX_POPULATION = 10_000_000;

    @AggregateIdentifier
    private String comuneId;
    private final Set<String> nameForms = new HashSet<>();
    private final Set<LocalDate> populationDates = new HashSet<>();
    private String istatCode;

    protected Comune() {
    }

    @CommandHandler
    public Comune(RegisterComune command) {
        Verdict.firstRejection(
                command.comuneId() != null && command.comuneId().matches("comune-[a-z0-9]+(-[a-z0-9]+)*")
                        && command.comuneId().length() <= 100
                        ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("COMUNE_ID_MALFORMED", "id",
                        "A comune id is 'comune-' followed by a lower-case slug, e.g. comune-cremona")),
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                optionalText(command.province(), "province", 2)
        ).orThrow();
        AggregateLifecycle.apply(new ComuneRegistered(command.comuneId(), Text.collapse(command.name()),
                command.province() == null ? null : command.province().strip().toUpperCase(Locale.ROOT)));
    }

    @CommandHandler
    public long handle(RecordComuneAlias command) {
        Verdict.firstRejection(
                requiredText(command.alias(), "alias", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)
        ).orThrow();
        if (nameForms.contains(Text.collapse(command.alias()).toLowerCase(Locale.ROOT))) {
            throw new CommandRejectedException(Rejection.conflict("ALIAS_ALREADY_KNOWN", "alias",
                    "'" + command.alias() + "' is already a form of this comune's name"));
        }
        AggregateLifecycle.apply(new ComuneAliasRecorded(comuneId, Text.collapse(command.alias()),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordPopulation command) {
        Verdict.firstRejection(
                command.referenceDate() == null
                        ? Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "referenceDate", "referenceDate is required"))
                        : Verdict.allowed(),
                command.population() < 1 || command.population() > MAX_POPULATION
                        ? Verdict.rejected(Rejection.invalid("POPULATION_OUT_OF_RANGE", "population",
                        "A population is between 1 and " + MAX_POPULATION))
                        : Verdict.allowed(),
                requiredText(command.source(), "source", MAX_TEXT_LENGTH)
        ).orThrow();
        if (populationDates.contains(command.referenceDate())) {
            throw new CommandRejectedException(Rejection.conflict("POPULATION_ALREADY_RECORDED", "referenceDate",
                    "A population is already recorded for " + command.referenceDate()));
        }
        AggregateLifecycle.apply(new PopulationRecorded(comuneId, command.population(), command.referenceDate(),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(it.registro.domain.comune.api.RecordIstatCode command) {
        Verdict.firstRejection(
                command.istatCode() != null && command.istatCode().strip().matches("[0-9]{6}") ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("ISTAT_CODE_MALFORMED", "istatCode", "An ISTAT code is six digits, e.g. 019036")),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        String code = command.istatCode().strip();
        if (istatCode != null) {
            throw new CommandRejectedException(Rejection.conflict("ISTAT_CODE_ALREADY_RECORDED", "istatCode",
                    "This comune's ISTAT code is " + istatCode + (istatCode.equals(code) ? " already" : "")));
        }
        AggregateLifecycle.apply(new it.registro.domain.comune.api.IstatCodeRecorded(comuneId, code, Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(it.registro.domain.comune.api.IstatCodeRecorded event) {
        istatCode = event.istatCode();
    }

    @EventSourcingHandler
    void on(ComuneRegistered event) {
        comuneId = event.comuneId();
        nameForms.add(event.name().toLowerCase(Locale.ROOT));
    }

    @EventSourcingHandler
    void on(ComuneAliasRecorded event) {
        nameForms.add(event.alias().toLowerCase(Locale.ROOT));
    }

    @EventSourcingHandler
    void on(PopulationRecorded event) {
        populationDates.add(event.referenceDate());
    }
}
