package it.registro.app.document;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.app.support.PdfChecks;

import static org.assertj.core.api.Assertions.assertThat;

class PdfATest {

    @Test
    @DisplayName("an XHTML document becomes PDF/A-3b with its fonts embedded, its text intact, and veraPDF finds nothing to fault")
    void rendersPdfA() {
        byte[] pdf = PdfA.render("""
                <!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="it" xml:lang="it"><head><meta charset="utf-8"/>
                <title>Verbale di prova</title><style>body{font-family:'DejaVu Sans'}</style></head><body>
                <h1>Verbale della seduta n. 1/24</h1><p>Presiede <strong>Leonardo Virgilio</strong>: favorevoli 3, contrari 0,
                astenuti 1 — <em>l’esito è approvato</em>; 12.500 abitanti (66,7%) “virgolette” àèìòù €</p></body></html>""");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PdfChecks.text(pdf)).contains("Verbale della seduta n. 1/24", "favorevoli 3, contrari 0", "àèìòù €", "66,7%");
        assertThat(PdfChecks.pdfaIdentification(pdf)).isEqualTo("3B");
        assertThat(PdfChecks.fontsEmbedded(pdf)).isTrue();
        assertThat(PdfChecks.veraPdfFailures(pdf)).isEmpty();
    }
}
