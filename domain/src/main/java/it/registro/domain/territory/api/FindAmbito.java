package it.registro.domain.territory.api;

/** An ambito as recorded: its comuni over time, its ASSTs, its declared populations. */
public record FindAmbito(String ambitoId) {
}
