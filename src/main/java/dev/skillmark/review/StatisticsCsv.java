package dev.skillmark.review;

import dev.skillmark.quiz.Score;
import dev.skillmark.web.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Question statistics as CSV rows: one per question, the same figures as the page (percentages rounded by Score). */
final class StatisticsCsv {

    static final List<String> HEADER = List.of("bank", "question", "prompt", "source", "type", "graded responses",
            "facility %", "facility 95% low %", "facility 95% high %", "discrimination", "discrimination 95% low",
            "discrimination 95% high", "median seconds", "attempts shown", "public views", "common wrong responses", "flags");

    private StatisticsCsv() {
    }

    static List<List<String>> rows(List<Statistics.Item> items) {
        var rows = new ArrayList<List<String>>();
        rows.add(HEADER);
        for (var i : items) {
            rows.add(List.of(i.bankId(), i.questionId(), Csv.text(i.promptHtml()), i.source(), i.kind(),
                    String.valueOf(i.responses()),
                    i.facility().map(f -> String.valueOf(Score.percentOf(f))).orElse(""),
                    i.facilityInterval().map(v -> String.valueOf(Score.percentOf(v.low()))).orElse(""),
                    i.facilityInterval().map(v -> String.valueOf(Score.percentOf(v.high()))).orElse(""),
                    i.discrimination().map(StatisticsCsv::decimal).orElse(""),
                    i.discriminationInterval().map(v -> decimal(v.low())).orElse(""),
                    i.discriminationInterval().map(v -> decimal(v.high())).orElse(""),
                    i.medianMillis().map(m -> String.valueOf(Math.round(m / 1000.0))).orElse(""),
                    String.valueOf(i.exposure().attempts()), String.valueOf(i.exposure().publicViews()),
                    i.wrongResponses().stream().map(w -> w.text() + " (" + w.count() + ")").collect(Collectors.joining("; ")),
                    String.join("; ", i.flags())));
        }
        return rows;
    }

    private static String decimal(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
