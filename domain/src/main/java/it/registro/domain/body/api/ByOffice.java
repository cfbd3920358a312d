package it.registro.domain.body.api;

/**
 * A seat held by virtue of an office in another body: "Presidente della Conferenza dei Sindaci ASST di Cremona"
 * (seed 004 L19-21) is whoever holds the PRESIDENT office of that Conferenza. Its holder on a day is that body's
 * officer when the day begins, unless the composition names a holder for the seat that day.
 */
public record ByOffice(String bodyId, Office office) {
}
