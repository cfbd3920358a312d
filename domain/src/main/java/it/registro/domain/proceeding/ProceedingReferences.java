package it.registro.domain.proceeding;

/** Whether the units and sessions a proceeding names exist; answered from the event store. */
public interface ProceedingReferences {

    boolean unitExists(String unitId);

    boolean sessionExists(String sessionId);
}
