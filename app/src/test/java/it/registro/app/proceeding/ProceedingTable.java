package it.registro.app.proceeding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import it.registro.app.support.CsvText;

/** The seed 003 table (scenarios/p003-proceedings-asst-crema-2025.csv): ';'-separated, quoted cells may hold ';'. */
public final class ProceedingTable {

    private ProceedingTable() {
    }

    public static List<Map<String, String>> rows() {
        try (InputStream in = ProceedingTable.class.getResourceAsStream("/scenarios/p003-proceedings-asst-crema-2025.csv")) {
            return CsvText.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8), ';');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
