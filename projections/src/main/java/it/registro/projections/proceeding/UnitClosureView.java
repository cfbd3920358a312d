package it.registro.projections.proceeding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import it.registro.domain.proceeding.api.UnitRef;

/**
 * What a unit's closure left to reassign: each proceeding type or open proceeding that named it, in
 * which role, and the reassignment (with its POAS act) once recorded.
 */
@Document(UnitClosureView.COLLECTION)
public class UnitClosureView {

    public static final String COLLECTION = "proceeding_unit_closures";

    public record Item(String proceedingId, String scope, String role, UnitRef reassignedTo, String reassignedByActId,
                       LocalDate reassignedFrom) {

        public boolean reassigned() {
            return reassignedByActId != null;
        }
    }

    @Id
    private String unitId;
    private LocalDate lastDay;
    private String actId;
    private String poasId;
    private List<Item> items = new ArrayList<>();

    public UnitClosureView() {
    }

    UnitClosureView(String unitId, LocalDate lastDay, String actId, String poasId) {
        this.unitId = unitId;
        this.lastDay = lastDay;
        this.actId = actId;
        this.poasId = poasId;
    }

    public String getUnitId() { return unitId; }
    public LocalDate getLastDay() { return lastDay; }
    public String getActId() { return actId; }
    public String getPoasId() { return poasId; }
    public List<Item> getItems() { return items; }

    public long getPending() {
        return items.stream().filter(i -> !i.reassigned()).count();
    }
}
