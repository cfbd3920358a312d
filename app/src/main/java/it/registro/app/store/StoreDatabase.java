package it.registro.app.store;

/** The resolved database name, and whether it lives on the embedded server. */
public record StoreDatabase(String name, boolean embedded) {
}
