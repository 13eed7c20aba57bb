package dev.skillmark.content.gift;

import dev.skillmark.content.Hashes;
import dev.skillmark.content.Lines;
import dev.skillmark.content.Problem;
import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Writes a loaded bank as Moodle GIFT. The texts come from the bank's markdown source, so code, emphasis
 * and line breaks reach Moodle as the trainer wrote them; a question's meaning comes from the loaded bank.
 */
public final class GiftExport {

    /** The GIFT text, what could not be exported (against the bank file), and the counts. */
    public record Result(String gift, List<Problem> problems, int exported, int skipped) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private GiftExport() {
    }

    /**
     * @param bank         a bank as the content loader loaded it
     * @param bankMarkdown the text of the bank's file ({@code content/} + {@code bank.source().file()})
     */
    public static Result fromBank(Bank bank, String bankMarkdown) {
        String file = bank.source().file();
        var problems = new ArrayList<Problem>();
        var blocks = new HashMap<Integer, Lines.Block>();
        Lines.splitAtHeadings(Lines.of(bankMarkdown), 1).forEach(b -> blocks.put(b.firstLine(), b));
        var writer = new GiftWriter(file, problems);
        var out = new StringBuilder();
        out.append("// Skillmark bank '").append(bank.id()).append("': ").append(oneLine(bank.title())).append('\n');
        out.append("$CATEGORY: skillmark/").append(bank.id()).append("\n");
        int exported = 0;
        for (Question q : bank.questions()) {
            var block = blocks.get(q.source().line());
            // the content hash proves this is the very text the question was loaded from
            if (block == null || !Hashes.sha256(String.join("\n", block.lines())).equals(q.contentHash())) {
                problems.add(new Problem(file, q.source().line(), "question skipped: the file no longer holds the "
                        + "text this question was loaded from; reload and export again"));
                continue;
            }
            var source = SourceQuestion.read(block);
            if (source.isEmpty()) {
                problems.add(new Problem(file, q.source().line(), "question skipped: cannot read the heading"));
                continue;
            }
            var gift = writer.write(q, source.get());
            if (gift.isPresent()) {
                out.append('\n').append(gift.get());
                exported++;
            }
        }
        problems.sort(null);
        return new Result(out.toString(), problems, exported, bank.questions().size() - exported);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
