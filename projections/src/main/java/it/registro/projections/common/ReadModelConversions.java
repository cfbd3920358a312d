package it.registro.projections.common;

import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How read models store java.time values: with the driver's own codecs (a LocalDate is stored as
 * midnight UTC), so that a document written on a machine in one time zone reads back the same on
 * a machine in another. Spring Data's default converts through the JVM's default zone.
 */
public final class ReadModelConversions {

    private ReadModelConversions() {
    }

    public static MongoCustomConversions conversions() {
        return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs());
    }
}
