package it.registro.app.act;

import it.registro.app.document.Xhtml;
import it.registro.app.web.Italiano;
import it.registro.projections.act.ActProjection;
import it.registro.projections.act.ActView;

import static it.registro.app.document.Xhtml.e;

/** An act's record sheet (scheda dell'atto) in Italian: what it is, its life, its links, its documents with their hash. */
final class ActSheetHtml {

    private ActSheetHtml() {
    }

    static String title(ActView a) {
        return Italiano.word(a.getType()) + (a.getNumber() == null ? "" : " n. " + a.getNumber())
                + (a.getDate() == null ? "" : " del " + Italiano.date(a.getDate()));
    }

    static String render(ActProjection.ActRecord record) {
        ActView a = record.act();
        String title = "Scheda dell'atto — " + title(a);
        StringBuilder h = Xhtml.open(title);
        h.append("<h1>").append(e(title)).append("</h1>");
        h.append("<p><span class=\"state\">").append(e(Xhtml.capital(Italiano.word(record.state())))).append("</span> al ")
                .append(e(Italiano.date(record.asOf()))).append(record.amended() ? " (modificato)" : "").append("</p><ul>");
        h.append("<li>Emanato da: ").append(e(a.getIssuerBodyId())).append("</li>");
        if (a.getTitle() != null) {
            h.append("<li>Oggetto: ").append(e(a.getTitle())).append("</li>");
        }
        if (a.getCitationAsRecorded() != null) {
            h.append("<li>Come citato: «").append(e(a.getCitationAsRecorded())).append("»</li>");
        }
        if (a.isSubjectToControl()) {
            h.append("<li>Soggetto a controllo</li>");
        }
        h.append("</ul>");
        if (a.getAdoption() != null) {
            ActView.Adoption ad = a.getAdoption();
            h.append("<h2>Adozione</h2><p>Adottato il ").append(e(Italiano.date(ad.on())))
                    .append(ad.signedByAsRecorded() == null ? "" : ", firmato da " + e(ad.signedByAsRecorded()))
                    .append(Boolean.TRUE.equals(ad.unanimous()) ? ", all'unanimità" : "")
                    .append(ad.tally() == null || ad.tally().total() == 0 ? "" : " (favorevoli " + ad.tally().inFavour() + ", contrari "
                            + ad.tally().against() + ", astenuti " + ad.tally().abstained() + ")").append(".</p>");
        }
        if (!a.getConsultations().isEmpty() || !a.getOpinions().isEmpty()) {
            h.append("<h2>Consultazioni e pareri</h2><ul>");
            a.getConsultations().forEach(c -> h.append("<li>Sentito ").append(e(c.consulted())).append(c.on() == null ? "" : " in data "
                    + e(Italiano.date(c.on()))).append(c.outcomeAsRecorded() == null ? "" : ": " + e(c.outcomeAsRecorded())).append("</li>"));
            a.getOpinions().forEach(o -> h.append("<li>Parere di ").append(e(o.givenBy())).append(": ").append(e(Italiano.word(o.outcome())))
                    .append(o.on() == null ? "" : " (" + e(Italiano.date(o.on())) + ")").append("</li>"));
            h.append("</ul>");
        }
        ActView.Formalities f = a.getFormalities();
        if (!f.signatories().isEmpty() || !f.attestations().isEmpty() || f.responsibleOfficerAsRecorded() != null) {
            h.append("<h2>Firme e attestazioni</h2><ul>");
            f.signatories().forEach(s -> h.append("<li>Firmato da ").append(e(s.role())).append(" – ").append(e(s.nameAsRecorded())).append("</li>"));
            if (Boolean.TRUE.equals(f.digitallySigned())) {
                h.append("<li>Atto firmato digitalmente</li>");
            }
            if (f.responsibleOfficerAsRecorded() != null) {
                h.append("<li>Responsabile del procedimento: ").append(e(f.responsibleOfficerAsRecorded())).append("</li>");
            }
            f.attestations().forEach(x -> h.append("<li>Attestazione di ").append(e(Italiano.word(x.kind())))
                    .append(x.byAsRecorded() == null ? "" : " (" + e(x.byAsRecorded()) + ")")
                    .append(x.textAsRecorded() == null ? "" : ": «" + e(x.textAsRecorded()) + "»").append("</li>"));
            h.append("</ul>");
        }
        if (!a.getPublications().isEmpty()) {
            h.append("<h2>Pubblicazione</h2><ul>");
            a.getPublications().forEach(p -> h.append("<li>").append(e(p.where())).append(" dal ").append(e(Italiano.date(p.from())))
                    .append(p.until() == null ? "" : " al " + e(Italiano.date(p.until())))
                    .append(p.registerNumber() == null ? "" : ", n. di registro " + e(p.registerNumber())).append("</li>"));
            h.append("</ul>");
        }
        if (a.getExecutability() != null) {
            h.append("<h2>Esecutività</h2><p>Esecutivo dal ").append(e(Italiano.date(a.getExecutability().from())))
                    .append(Boolean.TRUE.equals(a.getExecutability().immediate()) ? " (immediatamente eseguibile)" : "").append(".</p>");
        }
        if (!a.getOutgoing().isEmpty() || !a.getIncoming().isEmpty()) {
            h.append("<h2>Atti collegati</h2><ul>");
            a.getOutgoing().forEach(r -> h.append("<li>").append(e(Xhtml.capital(Italiano.word(r.kind())))).append(" ").append(e(r.actId()))
                    .append("</li>"));
            a.getIncoming().forEach(r -> h.append("<li>").append(e(r.actId())).append(" ").append(e(Italiano.word(r.kind())))
                    .append(" questo atto</li>"));
            h.append("</ul>");
        }
        if (!a.getDocuments().isEmpty()) {
            h.append("<h2>Documenti</h2><ul>");
            a.getDocuments().forEach(d -> h.append("<li>").append(e(d.title())).append(" — ").append(e(d.document().fileName()))
                    .append(", ").append(e(Italiano.number(d.document().size()))).append(" byte, SHA-256 ")
                    .append(e(d.document().sha256())).append("</li>"));
            h.append("</ul>");
        }
        h.append("<h2>Storia</h2><table><thead><tr><th>Fatto</th><th>Data</th><th>Registrato</th></tr></thead><tbody>");
        a.getHistory().forEach(x -> h.append("<tr><td>").append(e(Xhtml.capital(Italiano.word(x.fact())))).append("</td><td>")
                .append(e(Italiano.date(x.businessDate()))).append("</td><td>").append(e(Italiano.dateTime(x.recordedAt())))
                .append("</td></tr>"));
        h.append("</tbody></table>");
        return Xhtml.close(h);
    }
}
