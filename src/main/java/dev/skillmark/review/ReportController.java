package dev.skillmark.review;

import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;

/** Quiz reports (distribution, percentiles) and the one-page candidate report, on screen, in print and as PDF. */
public final class ReportController implements Routes {

    private final Reports reports;

    public ReportController(Reports reports) {
        this.reports = reports;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/reports", this::list, Role.INTERVIEWER);
        routes.get("/review/quizzes/{quiz}/report", this::quiz, Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}/report", this::candidate, Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}/report.pdf", this::candidatePdf, Role.INTERVIEWER);
    }

    void list(Context ctx) {
        var model = new HashMap<String, Object>();
        model.put("quizzes", reports.quizzes());
        ctx.render("review/reports.html", model);
    }

    void quiz(Context ctx) {
        var model = new HashMap<String, Object>();
        model.put("q", reports.quiz(ctx.pathParam("quiz")));
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/quiz-report.html", model);
    }

    void candidate(Context ctx) {
        var model = new HashMap<String, Object>();
        model.put("c", reports.candidate(ctx.pathParam("attempt")));
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/report.html", model);
    }

    void candidatePdf(Context ctx) {
        var report = reports.candidate(ctx.pathParam("attempt"));
        var model = new HashMap<String, Object>();
        model.put("c", report);
        model.put("fmt", Format.INSTANCE);
        String xhtml = ctx.render("review/report-pdf.html", model).result();
        String id = ctx.pathParam("attempt");
        ctx.header("Content-Disposition", "inline; filename=\"report-" + id.substring(0, Math.min(8, id.length())) + ".pdf\"");
        ctx.contentType("application/pdf").result(ReportPdf.of(xhtml));
    }
}
