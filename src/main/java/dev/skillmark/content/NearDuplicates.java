package dev.skillmark.content;

import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Option;
import dev.skillmark.quiz.Question;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns about near-duplicate questions in different banks. The measure is deliberately simple: the
 * Jaccard similarity of the word sets of two questions' prose (prompt, body outside code blocks, options),
 * lower-cased, words of two or more letters or digits, common English words left out. Code blocks are left
 * out because shared boilerplate ({@code console.log}, {@code async}) says nothing about the idea being asked.
 * Questions with fewer than {@link #MIN_WORDS} such words ("What does this print?") are not compared.
 * At or above {@link #THRESHOLD} a pair is reported: most pairs the bank review of issue 13 called
 * near-duplicates scored 0.24 to 0.33 by this measure, so a few false alarms are the price of catching them.
 */
final class NearDuplicates {

    static final double THRESHOLD = 0.25;
    static final int MIN_WORDS = 8;
    private static final Pattern CODE = Pattern.compile("(?s)<pre[ >].*?</pre>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]{2,}");
    private static final Set<String> STOP = Set.of("the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be",
            "with", "by", "what", "which", "how", "does", "do", "this", "that", "it", "its", "as", "at", "from", "when",
            "why", "who", "your", "you", "should", "can", "not", "no", "an");

    /** A pair at or above the threshold. */
    record Pair(Question a, Question b, double similarity) {
    }

    private NearDuplicates() {
    }

    static List<Pair> find(Collection<Bank> banks) {
        record Words(Question q, Set<String> words) {
        }
        var all = new ArrayList<Words>();
        banks.forEach(b -> b.questions().forEach(q -> all.add(new Words(q, words(q)))));
        var pairs = new ArrayList<Pair>();
        for (int i = 0; i < all.size(); i++) {
            var a = all.get(i);
            if (a.words().size() < MIN_WORDS) {
                continue;
            }
            for (int j = i + 1; j < all.size(); j++) {
                var b = all.get(j);
                if (b.words().size() < MIN_WORDS || a.q().bankId().equals(b.q().bankId())) {
                    continue;
                }
                double s = jaccard(a.words(), b.words());
                if (s >= THRESHOLD) {
                    pairs.add(new Pair(a.q(), b.q(), s));
                }
            }
        }
        return pairs;
    }

    /** One warning per pair not accepted in {@code accepted} (pairs of ids, either order). */
    static List<Problem> warnings(Collection<Bank> banks, Set<Set<String>> accepted) {
        var warnings = new ArrayList<Problem>();
        for (var p : find(banks)) {
            if (accepted.contains(Set.of(p.a().id(), p.b().id()))) {
                continue;
            }
            warnings.add(new Problem(p.a().source().file(), p.a().source().line(), String.format(Locale.ROOT,
                    "warning: '%s' is a near-duplicate of '%s' at %s (word overlap %.2f, warned at %.2f); rewrite one, "
                            + "or accept the pair in near-duplicates.txt", p.a().id(), p.b().id(), p.b().source(),
                    p.similarity(), THRESHOLD)));
        }
        return warnings;
    }

    static Set<String> words(Question q) {
        var text = new StringBuilder(q.promptHtml()).append(' ').append(CODE.matcher(q.bodyHtml()).replaceAll(" "));
        q.choiceOptions().stream().map(Option::html).forEach(h -> text.append(' ').append(h));
        String plain = TAG.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT)
                .replace("&lt;", " ").replace("&gt;", " ").replace("&amp;", " ").replace("&quot;", " ");
        var words = new HashSet<String>();
        Matcher m = WORD.matcher(plain);
        while (m.find()) {
            if (!STOP.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        var union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return common / (double) union.size();
    }
}
