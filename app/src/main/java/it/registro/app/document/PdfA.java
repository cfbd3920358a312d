package it.registro.app.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders the register's XHTML documents (the verbale, an act's record sheet) as PDF/A-3b: the fonts embedded
 * (DejaVu Sans, bundled with its licence), an sRGB output intent, the title and language from the page. No
 * resource is fetched: the documents carry their styles inline, and any other URI resolves to nothing.
 */
public final class PdfA {

    public static final String MEDIA_TYPE = "application/pdf";
    private static final String FAMILY = "DejaVu Sans";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static {
        // the renderer's own log, through the service's: warnings only (its INFO lines narrate every render)
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new Slf4jLog());
    }

    private PdfA() {
    }

    private static final class Slf4jLog implements com.openhtmltopdf.util.XRLogger {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("com.openhtmltopdf");

        @Override
        public void log(String where, java.util.logging.Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, java.util.logging.Level level, String msg, Throwable th) {
            if (level.intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                LOG.error("{}: {}", where, msg, th);
            } else if (level.intValue() >= java.util.logging.Level.WARNING.intValue()) {
                LOG.warn("{}: {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, java.util.logging.Level level) {
            // levels are the service's logging configuration's
        }

        @Override
        public boolean isLogLevelEnabled(com.openhtmltopdf.util.Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue();
        }
    }

    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
            builder.useColorProfile(SRGB);
            builder.withProducer("Registro");
            // every generic family too: a document that names none still embeds its font (PDF/A)
            for (String family : new String[]{FAMILY, "sans-serif", "serif", "system-ui"}) {
                font(builder, family, "DejaVuSans.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
                font(builder, family, "DejaVuSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
                font(builder, family, "DejaVuSans-Oblique.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
            }
            builder.useUriResolver((base, uri) -> null);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String family, String file, int weight, BaseRendererBuilder.FontStyle style) {
        builder.useFont(() -> {
            InputStream in = PdfA.class.getResourceAsStream("/fonts/" + file);
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is not in the jar");
            }
            return in;
        }, family, weight, style, true);
    }
}
