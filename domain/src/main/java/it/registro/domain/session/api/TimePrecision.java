package it.registro.domain.session.api;

/** How exactly a time is known: "ore 15" is EXACT, "circa 20 minuti" APPROXIMATE. */
public enum TimePrecision {
    EXACT,
    APPROXIMATE
}
