package it.registro.app.web;

/**
 * The answer to an accepted command: the id and the version now stored. {@code projected} says
 * whether the read model already shows it (it normally does; if not, it will shortly).
 */
public record CommandAccepted(String id, long version, boolean projected) {
}
