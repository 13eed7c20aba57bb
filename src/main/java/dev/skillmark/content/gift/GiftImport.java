package dev.skillmark.content.gift;

import dev.skillmark.content.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Moodle GIFT file into a Skillmark bank file. Whatever cannot be mapped exactly is reported as
 * {@code file:line: message} against the GIFT file; a question that cannot be mapped at all is left out
 * and counted in {@link Result#skipped()}, never dropped quietly.
 */
public final class GiftImport {

    /**
     * The bank's markdown, every problem found, how many questions it holds and how many were left out.
     * A question with a problem that is not "question skipped" is imported as closely as Skillmark allows.
     */
    public record Result(String markdown, List<Problem> problems, int imported, int skipped) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private GiftImport() {
    }

    public static Result toMarkdown(String giftText, String fileName, String bankId, String bankTitle) {
        var problems = new ArrayList<Problem>();
        var parsed = GiftParser.parse(giftText, fileName, problems);
        var mapping = new GiftToBank(fileName, problems);
        var ids = new Ids(bankId);
        var questions = new ArrayList<BankQuestion>();
        int skipped = parsed.skipped();
        for (var question : parsed.questions()) {
            String name = question.title().orElseGet(() -> PromptSplit.of(question.text(), question.title()).prompt());
            var mapped = mapping.map(question, ids.next(name));
            if (mapped.isPresent()) {
                questions.add(mapped.get());
            } else {
                skipped++;
            }
        }
        if (questions.isEmpty() && skipped == 0) {
            problems.add(new Problem(fileName, 1, "the file holds no GIFT questions"));
        }
        problems.sort(null);
        // problems name the file as given, so they can be clicked; the summary is shown to candidates
        String shortName = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String markdown = BankWriter.write(bankTitle, "Imported from " + shortName + ".", questions);
        return new Result(markdown, problems, questions.size(), skipped);
    }
}
