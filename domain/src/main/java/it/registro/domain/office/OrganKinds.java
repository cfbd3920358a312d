package it.registro.domain.office;

import java.util.Optional;

import it.registro.domain.office.api.OrganKindDefined;

/** The organ kinds as their own events define them: a mandate is judged on its kind's term rule and designators. */
public interface OrganKinds {

    Optional<OrganKindDefined> find(String organKindId);
}
