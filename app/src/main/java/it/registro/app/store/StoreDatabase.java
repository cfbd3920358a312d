package it.registro.app.store;

/** The resolved database name, whether it lives on the embedded server, and the collection holding the events. */
public record StoreDatabase(String name, boolean embedded, String eventsCollection) {
}
