package it.registro.domain.proceeding;

import java.util.Optional;

/** What a proceeding needs of its type when it opens: the type's history, from the type's own events. */
public interface ProceedingCatalogue {

    Optional<TypeHistory> find(String proceedingTypeId);
}
