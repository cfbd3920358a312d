package it.registro.domain.territory;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;
import it.registro.domain.territory.api.ChangeDistrictAmbiti;
import it.registro.domain.territory.api.DistrictAmbitiChanged;
import it.registro.domain.territory.api.DistrictEstablished;
import it.registro.domain.territory.api.EstablishDistrict;

import static it.registro.domain.common.Checks.MAX_NAME_LENGTH;
import static it.registro.domain.common.Checks.MAX_TEXT_LENGTH;
import static it.registro.domain.common.Checks.optionalText;
import static it.registro.domain.common.Checks.required;
import static it.registro.domain.common.Checks.requiredText;

/** A district of an ASST: the whole ambiti it covers over time, from the act that established it. */
public class District {

    @AggregateIdentifier
    private String districtId;
    private LocalDate lastChange;

    protected District() {
    }

    @CommandHandler
    public District(EstablishDistrict command) {
        Verdict.firstRejection(
                command.districtId() != null && command.districtId().matches("distretto-[a-z0-9]+(-[a-z0-9]+)*")
                        && command.districtId().length() <= 100 ? Verdict.allowed()
                        : Verdict.rejected(Rejection.invalid("DISTRICT_ID_MALFORMED", "id",
                        "A district id is 'distretto-' followed by a lower-case slug, e.g. distretto-cremonese")),
                requiredText(command.name(), "name", MAX_NAME_LENGTH),
                requiredText(command.agency(), "agency", MAX_NAME_LENGTH),
                ambiti(command.ambiti()),
                required(command.from(), "from"),
                optionalText(command.byActRef(), "byActRef", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        AggregateLifecycle.apply(new DistrictEstablished(command.districtId(), Text.collapse(command.name()), Text.collapse(command.agency()),
                List.copyOf(new LinkedHashSet<>(command.ambiti())), command.from(), Text.collapse(command.byActRef()),
                Text.collapse(command.source())));
    }

    @CommandHandler
    public long handle(ChangeDistrictAmbiti command) {
        Verdict.firstRejection(ambiti(command.ambiti()), required(command.from(), "from"),
                optionalText(command.byActRef(), "byActRef", MAX_NAME_LENGTH),
                optionalText(command.source(), "source", MAX_TEXT_LENGTH)).orThrow();
        if (!command.from().isAfter(lastChange)) {
            throw new CommandRejectedException(Rejection.conflict("DISTRICT_CHANGE_OUT_OF_ORDER", "from",
                    "District " + districtId + " already has a list of ambiti from " + lastChange + "; a change starts later"));
        }
        AggregateLifecycle.apply(new DistrictAmbitiChanged(districtId, List.copyOf(new LinkedHashSet<>(command.ambiti())), command.from(),
                Text.collapse(command.byActRef()), Text.collapse(command.source())));
        return AggregateLifecycle.getVersion();
    }

    private static Verdict ambiti(List<String> ambiti) {
        return ambiti == null || ambiti.isEmpty() || ambiti.stream().anyMatch(a -> a == null || a.isBlank())
                ? Verdict.rejected(Rejection.invalid("AMBITI_REQUIRED", "ambiti", "A district covers one or more whole ambiti"))
                : Verdict.allowed();
    }

    @EventSourcingHandler
    void on(DistrictEstablished event) {
        districtId = event.districtId();
        lastChange = event.from();
    }

    @EventSourcingHandler
    void on(DistrictAmbitiChanged event) {
        lastChange = event.from();
    }
}
