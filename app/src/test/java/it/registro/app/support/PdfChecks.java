package it.registro.app.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** What a PDF says and whether it is PDF/A: its text (PDFBox), its PDF/A identification (XMP), veraPDF's verdict. */
public final class PdfChecks {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfChecks() {
    }

    /** A small valid PDF with one line of text, as a secretariat would upload. */
    public static byte[] sample(String line) {
        return it.registro.app.document.PdfA.render("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"it\"><head>"
                + "<title>Allegato</title></head><body><p>" + line + "</p></body></html>");
    }

    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PDF/A part and conformance the document declares in its XMP metadata, e.g. "3B". */
    public static String pdfaIdentification(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.getDocumentCatalog().getMetadata() == null) {
                return null;
            }
            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            return id == null ? null : id.getPart() + id.getConformance();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean fontsEmbedded(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var page : doc.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    if (!resources.getFont(name).isEmbedded()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** veraPDF's failed rules for PDF/A-3b; empty when the file conforms. */
    public static List<String> veraPdfFailures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            if (!result.isCompliant()) {
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() == TestAssertion.Status.FAILED) {
                        failures.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage());
                    }
                }
                if (failures.isEmpty()) {
                    failures.add("not compliant: " + result.getFailedChecks());
                }
            }
            return failures;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
