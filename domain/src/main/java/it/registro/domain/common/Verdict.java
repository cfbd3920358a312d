package it.registro.domain.common;

import java.util.Optional;

/** What a named policy answers: allowed, or rejected with a reason. */
public sealed interface Verdict permits Verdict.Allowed, Verdict.Rejected {

    Allowed ALLOWED = new Allowed();

    static Verdict allowed() {
        return ALLOWED;
    }

    static Verdict rejected(Rejection rejection) {
        return new Rejected(rejection);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    default Optional<Rejection> rejection() {
        return this instanceof Rejected r ? Optional.of(r.reason()) : Optional.empty();
    }

    /** Throws when rejected; the aggregate calls this before it applies anything. */
    default void orThrow() {
        if (this instanceof Rejected r) {
            throw new CommandRejectedException(r.reason());
        }
    }

    /** The first rejection among several verdicts, or allowed. */
    static Verdict firstRejection(Verdict... verdicts) {
        for (Verdict v : verdicts) {
            if (!v.isAllowed()) {
                return v;
            }
        }
        return ALLOWED;
    }

    record Allowed() implements Verdict {
    }

    record Rejected(Rejection reason) implements Verdict {
    }
}
