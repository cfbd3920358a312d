package it.registro.domain.territory.api;

/** A district as recorded: its ASST and its lists of ambiti over time. */
public record FindDistrict(String districtId) {
}
