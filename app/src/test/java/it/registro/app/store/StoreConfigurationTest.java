package it.registro.app.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigurationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "mongodb://127.0.0.1:1234,                      mongodb://127.0.0.1:1234/registro",
            "mongodb://127.0.0.1:1234/,                     mongodb://127.0.0.1:1234/registro",
            "mongodb://h:1/?replicaSet=rs0,                 mongodb://h:1/registro?replicaSet=rs0",
            "mongodb://h:1?replicaSet=rs0,                  mongodb://h:1/registro?replicaSet=rs0",
            "'mongodb://u:p@a:1,b:2/other?replicaSet=rs0', 'mongodb://u:p@a:1,b:2/other?replicaSet=rs0'",
            "mongodb+srv://cluster.example/mine,            mongodb+srv://cluster.example/mine",
    })
    void theUrisOwnDatabaseWinsElseTheConfiguredOne(String uri, String expected) {
        assertThat(StoreConfiguration.withDatabase(uri, "registro")).isEqualTo(expected);
    }
}
