package it.registro.domain.body.policy;

import java.time.LocalDate;
import java.util.regex.Pattern;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.BodyKind;
import it.registro.domain.common.Checks;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Text;
import it.registro.domain.common.Verdict;

/**
 * The named rules of the body registry. Each returns a {@link Verdict}; the aggregate applies an
 * event only when all of them allow the command.
 */
public final class BodyPolicies {

    public static final int MAX_NAME_LENGTH = Checks.MAX_NAME_LENGTH;
    public static final int MAX_LEGAL_BASIS_LENGTH = Checks.MAX_TEXT_LENGTH;
    public static final int MAX_REASON_LENGTH = Checks.MAX_TEXT_LENGTH;
    public static final Pattern BODY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_ID_LENGTH = 100;

    private BodyPolicies() {
    }

    /** An id is part of every URL and never changes: a lower-case slug of bounded length. */
    public static Verdict wellFormedId(String bodyId) {
        if (bodyId == null || bodyId.length() < 2 || bodyId.length() > MAX_ID_LENGTH
                || !BODY_ID.matcher(bodyId).matches()) {
            return Verdict.rejected(Rejection.invalid("BODY_ID_MALFORMED", "id",
                    "A body id is 2 to " + MAX_ID_LENGTH
                            + " characters of lower-case letters and digits in words joined by '-'"));
        }
        return Verdict.allowed();
    }

    /** A Conferenza dei Sindaci belongs to an ASST, a Collegio dei Sindaci to an ATS, a DGR to the Region. */
    public static Verdict kindBelongsToAgency(BodyKind kind, Agency agency) {
        if (kind == null) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "kind", "kind is required"));
        }
        if (agency == null || agency.kind() == null) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "agency.kind", "agency.kind is required"));
        }
        if (!kind.belongsTo(agency.kind())) {
            return Verdict.rejected(Rejection.invalid("KIND_NOT_ALLOWED_FOR_AGENCY", "kind",
                    "A " + kind + " belongs to " + kind.agencyKinds() + ", not to " + agency.kind()));
        }
        return Verdict.allowed();
    }

    /** A rename must change the name (after whitespace is normalised). */
    public static Verdict nameChanges(String currentName, String newName) {
        if (Text.collapse(newName).equals(currentName)) {
            return Verdict.rejected(Rejection.invalid("NAME_UNCHANGED", "name",
                    "The body is already called '" + currentName + "'"));
        }
        return Verdict.allowed();
    }

    /** Names are dated: a new name cannot take effect before the name it replaces. */
    public static Verdict effectiveDateInOrder(LocalDate effectiveFrom, LocalDate previousEffectiveFrom) {
        if (effectiveFrom == null) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "effectiveFrom", "effectiveFrom is required"));
        }
        if (previousEffectiveFrom != null && effectiveFrom.isBefore(previousEffectiveFrom)) {
            return Verdict.rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "effectiveFrom",
                    "effectiveFrom " + effectiveFrom + " precedes the current name's effective date "
                            + previousEffectiveFrom));
        }
        return Verdict.allowed();
    }
}
