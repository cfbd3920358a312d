package it.registro.domain.common;

import java.time.LocalDate;

/**
 * A reference to an act as a document cites it: issuer (agency and organ), type, number and date,
 * with the citation verbatim. Until the act register exists for every act, facts carry this
 * reference; the register resolves it later.
 *
 * @param issuer   e.g. "ATS Val Padana"
 * @param type     e.g. "Deliberazione", "Decreto", "DGR"
 * @param number   e.g. "436" (text: "XI/6278" is a number too)
 * @param date     the act's date, if known
 * @param citation the words of the document, e.g. "Deliberazione ATS n. 436 del 10/10/2024"
 */
public record ActRef(String issuer, String type, String number, LocalDate date, String citation) {
}
