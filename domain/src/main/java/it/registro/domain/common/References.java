package it.registro.domain.common;

/**
 * What an aggregate may ask about others before it decides: whether a person or a comune it is
 * told about exists. The application answers from the event store, so the answer is never stale.
 */
public interface References {

    boolean personExists(String personId);

    boolean comuneExists(String comuneId);

    /** Whether a body (an organ that may issue acts, too) is registered. */
    boolean bodyExists(String bodyId);
}
