package it.registro.domain.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.territory.api.AmbitoAgencyAssigned;
import it.registro.domain.territory.api.AmbitoPopulationRecorded;
import it.registro.domain.territory.api.AmbitoRegistered;
import it.registro.domain.territory.api.AssignAmbitoAgency;
import it.registro.domain.territory.api.ComunePlacedInAmbito;
import it.registro.domain.territory.api.ComuneRemovedFromAmbito;
import it.registro.domain.territory.api.PlaceComuneInAmbito;
import it.registro.domain.territory.api.RecordAmbitoPopulation;
import it.registro.domain.territory.api.RegisterAmbito;
import it.registro.domain.territory.api.RemoveComuneFromAmbito;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/**
 * An ambito territoriale sociale: its comuni over time, the ASST serving them over time, and the population
 * documents declare for it. Districts are made of whole ambiti (l.r. 22/2021; seed 000 L2339-2340).
 */
public class Ambito {

    static final long MAX_POPULATION = 10_000_000;

    @AggregateIdentifier
    private String ambitoId;
    private final Membership comuni = new Membership();
    private final Set<LocalDate> populationDates = new HashSet<>();

    protected Ambito() {
    }

    @CommandHandler
    public Ambito(RegisterAmbito command) {
        Verdict.firstRejection(
                command.ambitoId() != null && command.ambitoId().matches("[0-9A-Za-z][0-9A-Za-z_-]{0,39}") ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("AMBITO_ID_MALFORMED", "id",
                        "An ambito's id is its regional code, e.g. 50006")),
                optionalText(command.nationalCode(), "nationalCode", 40),
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)
        ).orThrow();
        AggregateLifecycle.apply(new AmbitoRegistered(command.ambitoId(), Text.collapse(command.nationalCode()),
                Text.collapse(command.name()), Text.collapse(command.source())));
    }

    @CommandHandler
    public long handle(PlaceComuneInAmbito command) {
        Verdict.firstRejection(comune(command.comuneId()), required(command.from(), "from"),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (!comuni.mayJoin(command.comuneId(), command.from())) {
            throw new CommandRejectedException(Rejection.conflict("COMUNE_ALREADY_IN_AMBITO", "comuneId",
                    "'" + command.comuneId() + "' already belongs to ambito " + ambitoId + " on " + command.from() + " or later"));
        }
        AggregateLifecycle.apply(new ComunePlacedInAmbito(ambitoId, command.comuneId(), command.from(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveComuneFromAmbito command) {
        Verdict.firstRejection(comune(command.comuneId()), required(command.from(), "from"),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (!comuni.mayLeave(command.comuneId(), command.from())) {
            throw new CommandRejectedException(Rejection.conflict("COMUNE_NOT_IN_AMBITO", "comuneId",
                    "'" + command.comuneId() + "' does not belong to ambito " + ambitoId + " before " + command.from()));
        }
        AggregateLifecycle.apply(new ComuneRemovedFromAmbito(ambitoId, command.comuneId(), command.from(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AssignAmbitoAgency command) {
        Verdict.firstRejection(required(command.level(), "level"), requiredText(command.agency(), "agency", MAX_NAME_LENGTH),
                required(command.from(), "from"),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        List<String> named = command.comuni() == null ? List.of() : command.comuni();
        List<String> outside = named.stream().filter(c -> !comuni.isMemberOn(c, command.from())).toList();
        if (!outside.isEmpty()) {
            throw new CommandRejectedException(Rejection.invalid("COMUNE_NOT_IN_AMBITO", "comuni",
                    "Not in ambito " + ambitoId + " on " + command.from() + ": " + String.join(", ", outside)));
        }
        AggregateLifecycle.apply(new AmbitoAgencyAssigned(ambitoId, command.level(), Text.collapse(command.agency()), List.copyOf(new ArrayList<>(named)),
                command.from(), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RecordAmbitoPopulation command) {
        Verdict.firstRejection(required(command.referenceDate(), "referenceDate"),
                command.population() < 1 || command.population() > MAX_POPULATION
                        ? Verdict.rejected(Rejection.invalid("POPULATION_OUT_OF_RANGE", "population",
                        "A population is between 1 and " + MAX_POPULATION))
                        : Verdict.allowed(),
                command.comuni() < 0 ? Verdict.rejected(Rejection.invalid("COMUNI_OUT_OF_RANGE", "comuni",
                        "The number of comuni is zero (not stated) or more")) : Verdict.allowed(),
                requiredText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (populationDates.contains(command.referenceDate())) {
            throw new CommandRejectedException(Rejection.conflict("POPULATION_ALREADY_RECORDED", "referenceDate",
                    "A population is already recorded for " + command.referenceDate()));
        }
        AggregateLifecycle.apply(new AmbitoPopulationRecorded(ambitoId, command.population(), command.comuni(), command.referenceDate(),
                Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    private static Verdict comune(String comuneId) {
        return comuneId != null && comuneId.matches("comune-[a-z0-9]+(-[a-z0-9]+)*") ? Verdict.allowed()
                : Verdict.rejected(Rejection.invalid("COMUNE_ID_MALFORMED", "comuneId",
                "A comune id is 'comune-' followed by a lower-case slug, e.g. comune-cremona"));
    }

    @EventSourcingHandler
    void on(AmbitoRegistered event) {
        ambitoId = event.ambitoId();
    }

    @EventSourcingHandler
    void on(ComunePlacedInAmbito event) {
        comuni.join(event.comuneId(), event.from());
    }

    @EventSourcingHandler
    void on(ComuneRemovedFromAmbito event) {
        comuni.leave(event.comuneId(), event.from());
    }

    @EventSourcingHandler
    void on(AmbitoPopulationRecorded event) {
        populationDates.add(event.referenceDate());
    }
}
