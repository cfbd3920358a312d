package it.registro.app.session;

import it.registro.app.web.Italiano;
import it.registro.app.document.Xhtml;
import it.registro.projections.session.SessionView;

/**
 * Renders the verbale as an XHTML page in Italian, every value escaped: the document a reader checks, printed
 * as is into the PDF/A (so it is well-formed XML, with its own styles and the font the PDF embeds).
 */
final class MinutesHtml {

    private MinutesHtml() {
    }

    static String render(Minutes m) {
        StringBuilder h = Xhtml.open(m.title());
        h.append("<h1>").append(e(m.title())).append("</h1>");
        h.append("<p><span class=\"state\">").append(e(capital(m.stateLabel()))).append("</span>");
        if (m.approval() != null) {
            h.append(" ").append(e(m.approval()));
        }
        h.append("</p><ul>");
        if (m.mode() != null) {
            h.append("<li>Seduta ").append(e(Italiano.word(m.mode()))).append("</li>");
        }
        if (m.convocation() != null && m.convocation().protocol() != null) {
            h.append("<li>Convocazione prot. ").append(e(m.convocation().protocol()))
                    .append(m.convocation().protocolDate() == null ? "" : " del " + e(Italiano.date(m.convocation().protocolDate())))
                    .append(m.convocation().convener() == null ? "" : ", a firma di " + e(m.convocation().convener())).append("</li>");
        }
        if (m.compositionAct() != null) {
            h.append("<li>Composizione: ").append(e(m.compositionAct())).append("</li>");
        }
        if (m.scheduledStart() != null) {
            h.append("<li>Convocata alle ore ").append(e(Italiano.time(m.scheduledStart()))).append("</li>");
        }
        if (m.openedAt() != null) {
            h.append("<li>Aperta alle ore ").append(e(Italiano.time(m.openedAt()))).append("</li>");
        }
        if (m.closedAt() != null) {
            h.append("<li>Chiusa alle ore ").append(e(Italiano.time(m.closedAt())))
                    .append(m.closedAsRecorded() == null ? "" : " («" + e(m.closedAsRecorded()) + "»)").append("</li>");
        }
        h.append("</ul>");

        h.append("<h2>Componenti</h2><table class=\"members\"><thead><tr><th>Nome</th><th>Seggio</th><th>Presenza</th></tr></thead><tbody>");
        for (Minutes.MemberLine line : m.members()) {
            h.append("<tr><td>").append(e(line.name()));
            if (line.delegation() != null) {
                h.append("<br/><small>").append(e(line.delegation())).append("</small>");
            }
            h.append("</td><td>").append(e(line.seat() == null ? "" : line.seat())).append("</td><td>").append(e(line.status()))
                    .append(line.intervals().isEmpty() ? "" : ", " + e(String.join("; ", line.intervals()))).append("</td></tr>");
        }
        h.append("</tbody></table>");
        if (!m.participants().isEmpty()) {
            h.append("<h2>Partecipano inoltre</h2><ul>");
            m.participants().forEach(p -> h.append("<li>").append(e(p.name())).append(" — ").append(e(p.role())).append("</li>"));
            h.append("</ul>");
        }
        if (!m.chairs().isEmpty()) {
            h.append("<h2>Presidenza della seduta</h2><ul>");
            m.chairs().forEach(c -> h.append("<li>").append(e(c.text())).append("</li>"));
            h.append("</ul>");
        }
        if (m.opening() != null || !m.quorumDeclarations().isEmpty()) {
            h.append("<h2>Numero legale</h2>");
            if (m.opening() != null) {
                h.append("<p>").append(e(m.opening())).append("</p>");
            }
            m.quorumDeclarations().forEach(q -> h.append("<p>").append(e(q)).append("</p>"));
        }

        h.append("<h2>Ordine del giorno</h2>");
        for (Minutes.ItemSection item : m.items()) {
            h.append("<h3>").append(item.itemNo()).append(". ").append(e(item.titles().get(0))).append("</h3>");
            if (item.late()) {
                h.append("<p class=\"late\">Punto inserito dopo la chiusura della seduta (annotazione successiva).</p>");
            }
            if (item.titles().size() > 1) {
                h.append("<p>Altra formulazione: ").append(e(String.join("; ", item.titles().subList(1, item.titles().size())))).append("</p>");
            }
            if (item.withdrawn()) {
                h.append("<p>Ritirato.</p>");
            }
            if (!item.presenters().isEmpty()) {
                h.append("<p>Relatori: ").append(e(String.join(", ", item.presenters()))).append("</p>");
            }
            item.information().forEach(i -> h.append("<p>").append(e(i)).append("</p>"));
            for (Minutes.InterventionLine i : item.interventions()) {
                h.append("<p class=\"intervention\">").append(e(i.time())).append(" — <strong>").append(e(i.speaker())).append("</strong>: ")
                        .append(e(i.summary())).append(i.late() ? " <em>(annotazione successiva)</em>" : "").append("</p>");
            }
            for (Minutes.Decision d : item.decisions()) {
                h.append("<p><strong>").append(e(d.description())).append("</strong> — ").append(e(d.text()));
                if (d.outcomeAsRecorded() != null) {
                    h.append(" Nel verbale: «").append(e(d.outcomeAsRecorded())).append("».");
                }
                if (d.corrected()) {
                    h.append(" <em>(rettificato)</em>");
                }
                if (d.late()) {
                    h.append(" <em>(annotazione successiva)</em>");
                }
                h.append("</p>");
                if (d.names() != null) {
                    h.append("<p class=\"names\">").append(e(d.names())).append("</p>");
                }
            }
            item.followUps().forEach(f -> h.append("<p>Seguito: ").append(e(f)).append("</p>"));
            for (SessionView.Figures f : item.figures()) {
                for (SessionView.TotalCheck c : f.totalChecks()) {
                    h.append("<p>Totale «").append(e(c.statedAsRecorded())).append("»: somma ").append(e(c.computed().toPlainString()))
                            .append(c.passed() ? " — corrisponde" : " — <strong>non corrisponde</strong>").append("</p>");
                }
            }
        }
        if (!m.flags().isEmpty()) {
            h.append("<h2>Discrepanze segnalate</h2>");
            m.flags().forEach(f -> h.append("<div class=\"flag\">").append(e(capital(f.severity()))).append(": ").append(e(f.message()))
                    .append("</div>"));
        }
        if (!m.corrections().isEmpty()) {
            h.append("<h2>Rettifiche</h2><ul>");
            m.corrections().forEach(c -> h.append("<li>").append(e(capital(c.field()))).append(": da ").append(e(c.previousValue()))
                    .append(" a ").append(e(c.newValue())).append(" — motivo: ").append(e(c.reason())).append("</li>"));
            h.append("</ul>");
        }
        if (!m.lateEntries().isEmpty()) {
            h.append("<h2>Annotazioni successive alla seduta</h2><ul>");
            m.lateEntries().forEach(l -> h.append("<li>").append(l.at() == null ? "" : "Fatto delle " + e(l.at()) + ", ")
                    .append("inserito il ").append(e(l.recordedAt())).append(" — motivo: ").append(e(l.reason())).append("</li>"));
            h.append("</ul>");
        }
        if (!m.attachments().isEmpty()) {
            h.append("<h2>Allegati</h2><ul>");
            m.attachments().forEach(a -> h.append("<li>").append(e(a.title())).append(" — ").append(e(a.reference())).append("</li>"));
            h.append("</ul>");
        }
        if (!m.signatures().isEmpty()) {
            h.append("<h2>Firme</h2><ul>");
            m.signatures().forEach(s -> h.append("<li>").append(s.labelAsRecorded() == null ? "" : e(s.labelAsRecorded()) + ": ")
                    .append(e(s.name())).append("</li>"));
            h.append("</ul>");
            if (m.signedOn() != null) {
                h.append("<p>Firmato il ").append(e(Italiano.date(m.signedOn()))).append(".</p>");
            }
        }
        if (m.url() != null) {
            h.append("<p>Pubblicato il ").append(e(Italiano.date(m.publishedOn()))).append(" su <a href=\"")
                    .append(e(m.url())).append("\">").append(e(m.url())).append("</a></p>");
        }
        return Xhtml.close(h);
    }

    private static String capital(String s) {
        return Xhtml.capital(s);
    }

    private static String e(String s) {
        return Xhtml.e(s);
    }
}
