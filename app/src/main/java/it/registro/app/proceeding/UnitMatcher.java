package it.registro.app.proceeding;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import it.registro.domain.common.Text;
import it.registro.domain.poas.api.FindUnits;
import it.registro.domain.poas.api.UnitType;
import it.registro.projections.poas.UnitView;

/**
 * Links a unit as the catalogue words it ("S.C. Affari Generali e Legali", "Responsabile: Direttore
 * S.C. Gestione Acquisti") to the agency's unit of that type and name, when exactly one matches. No
 * match, or several, leaves the wording alone: a guess would be worse than no link.
 */
@Component
public class UnitMatcher {

    private static final Pattern WORDING = Pattern.compile(
            "^(?:responsabile:\\s*)?(?:direttor[ea]\\s+)?\\(?(s\\.c\\.|s\\.s\\.d\\.|s\\.s\\.|sc|ssd|ss)\\)?\\s+(.+)$", Pattern.CASE_INSENSITIVE);

    private final QueryGateway queries;

    public UnitMatcher(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<String> match(String agencyName, String wording) {
        if (Text.isBlank(agencyName) || Text.isBlank(wording)) {
            return Optional.empty();
        }
        Matcher m = WORDING.matcher(Text.collapse(wording));
        if (!m.matches()) {
            return Optional.empty();
        }
        UnitType type = switch (m.group(1).toLowerCase().replace(".", "")) {
            case "sc" -> UnitType.SC;
            case "ssd" -> UnitType.SSD;
            default -> UnitType.SS;
        };
        String name = Text.slug(m.group(2));
        List<String> ids = queries.query(new FindUnits(agencyName, null), ResponseTypes.multipleInstancesOf(UnitView.class)).join().stream()
                .filter(u -> u.getType() == type && Text.slug(u.getName()).equals(name)).map(UnitView::getId).toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
