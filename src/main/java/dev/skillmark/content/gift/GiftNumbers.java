package dev.skillmark.content.gift;

import dev.skillmark.content.Problem;
import dev.skillmark.content.gift.GiftQuestion.Weighted;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Numerical answers: GIFT's {@code v:tolerance}, {@code min..max} and {@code v}, and Skillmark's {@code Answer:} forms. */
final class GiftNumbers {

    private static final String NUM = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern SKILLMARK_NUMBER = Pattern.compile(NUM);
    private static final Pattern TOLERANCE = Pattern.compile("^(" + NUM + ")\\s*(?:±|\\+-|\\+/-)\\s*(" + NUM + ")$");
    private static final Pattern RANGE = Pattern.compile("^(" + NUM + ")\\s*\\.\\.\\s*(" + NUM + ")$");

    private GiftNumbers() {
    }

    /** The Skillmark key for the best GIFT answer; other answers are reported, never kept silently. */
    static Optional<String> answerLine(GiftQuestion q, GiftQuestion.Numerical numerical, List<String> feedback,
                                       String fileName, List<Problem> problems) {
        var answers = new ArrayList<Weighted>();
        var displays = new ArrayList<String>();
        for (Weighted a : numerical.answers()) {
            if (a.text().equals("*")) {
                GiftToBank.addFeedback(feedback, "any other number", a.feedback());
                continue;
            }
            var display = display(a.text());
            if (display.isEmpty()) {
                problems.add(new Problem(fileName, a.line(), "question skipped: '" + a.text() + "' is not a number, "
                        + "number:tolerance or min..max"));
                return Optional.empty();
            }
            answers.add(a);
            displays.add(display.get());
            GiftToBank.addFeedback(feedback, display.get(), a.feedback());
        }
        if (!numerical.otherFeedback().isBlank()) {
            GiftToBank.addFeedback(feedback, "any other number", numerical.otherFeedback());
        }
        int chosen = -1;
        for (int i = 0; i < answers.size() && chosen < 0; i++) {
            chosen = answers.get(i).weight() >= 99.99 ? i : -1;
        }
        for (int i = 0; i < answers.size() && chosen < 0; i++) {
            chosen = answers.get(i).weight() > 0 ? i : -1;
        }
        if (chosen < 0) {
            problems.add(new Problem(fileName, q.line(), "question skipped: no numerical answer earns marks"));
            return Optional.empty();
        }
        if (answers.size() > 1 || answers.get(chosen).weight() < 99.99) {
            int kept = chosen;
            String all = java.util.stream.IntStream.range(0, answers.size())
                    .mapToObj(i -> displays.get(i) + " (" + GiftToBank.percent(answers.get(i).weight()) + ")")
                    .collect(Collectors.joining(", "));
            problems.add(new Problem(fileName, q.line(), "a Skillmark numeric question has one answer worth full marks: "
                    + "of " + all + " only " + displays.get(kept) + " is kept, for full marks"));
        }
        return Optional.of(displays.get(chosen));
    }

    /** A GIFT numerical answer as Skillmark writes it, or empty when it is not a number. */
    static Optional<String> display(String gift) {
        String text = gift.strip();
        int range = text.indexOf("..");
        int colon = text.indexOf(':');
        try {
            if (range > 0) {
                var min = new BigDecimal(text.substring(0, range).strip());
                var max = new BigDecimal(text.substring(range + 2).strip());
                return min.compareTo(max) > 0 ? Optional.empty() : Optional.of(number(min) + ".." + number(max));
            }
            if (colon > 0) {
                var value = new BigDecimal(text.substring(0, colon).strip());
                var tolerance = new BigDecimal(text.substring(colon + 1).strip()).abs();
                return Optional.of(tolerance.signum() == 0 ? number(value) : number(value) + " ± " + number(tolerance));
            }
            return Optional.of(number(new BigDecimal(text)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A Skillmark numeric key ({@code 3.14}, {@code 3.14 ± 0.01}, {@code 10..20}) as a GIFT numerical answer. */
    static String toGift(String display) {
        String key = display.strip();
        var m = TOLERANCE.matcher(key);
        if (m.matches()) {
            return m.group(1) + ":" + m.group(2);
        }
        m = RANGE.matcher(key);
        if (m.matches()) {
            return m.group(1) + ".." + m.group(2);
        }
        return key;
    }

    private static String number(BigDecimal value) {
        String plain = value.toPlainString();
        return SKILLMARK_NUMBER.matcher(plain).matches() ? plain : value.stripTrailingZeros().toPlainString();
    }
}
