package dev.skillmark.content;

import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Option;
import dev.skillmark.quiz.Question;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
        var questions = banks.stream().flatMap(b -> b.questions().stream()).toList();
        var items = questions.parallelStream().map(q -> new Item(q.bankId(), words(q))).toList();
        return matches(items).stream().map(m -> new Pair(questions.get(m.a()), questions.get(m.b()), m.similarity())).toList();
    }

    /** What is compared of one question: its bank and its words. */
    record Item(String bank, Set<String> words) {
    }

    /** Items {@code a < b} (positions in the list) with a similarity at or above the threshold. */
    record Match(int a, int b, double similarity) {
    }

    /**
     * Every pair of items of different banks, both with at least {@link #MIN_WORDS} words, whose Jaccard similarity is
     * at or above {@link #THRESHOLD}, ordered by {@code a} and then {@code b}: the pairs a comparison of every item with
     * every other would find, without making those comparisons (10,000 questions are 50 million pairs, and at this
     * low a threshold most pairs share a word). This is the prefix filter of similarity joins. Words are ranked
     * rarest first. A similarity of at least t needs {@code c >= t (|A| + |B|) / (1 + t)} common words, so at least
     * {@code ceil(t |A|)}: more than the {@code ceil(t |A|) - 1} most common words of A (its "suffix") can give. The
     * pairs are then found by looking up only the rarer words of each item (its "prefix") in an index of the items
     * before it, counting how many each shares. A pair whose count plus its suffix cannot reach {@code c} is dropped
     * unmeasured; the rest are measured exactly.
     */
    static List<Match> matches(List<Item> items) {
        var frequency = new HashMap<String, Integer>();
        for (var item : items) {
            if (item.words().size() >= MIN_WORDS) {
                item.words().forEach(w -> frequency.merge(w, 1, Integer::sum));
            }
        }
        var ranked = new ArrayList<>(frequency.keySet());
        ranked.sort(Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder()));
        var rank = new HashMap<String, Integer>();
        ranked.forEach(w -> rank.put(w, rank.size()));
        var banks = new HashMap<String, Integer>();
        int n = items.size();
        var sets = new int[n][];
        var bankOf = new int[n];
        for (int i = 0; i < n; i++) {
            var item = items.get(i);
            bankOf[i] = banks.computeIfAbsent(item.bank(), b -> banks.size());
            if (item.words().size() >= MIN_WORDS) {
                sets[i] = item.words().stream().mapToInt(rank::get).sorted().toArray();
            }
        }
        // every item's words indexed, each word's items in ascending order: item i looks only at items before it
        var postings = new int[ranked.size()][];
        ranked.forEach(w -> postings[rank.get(w)] = new int[frequency.get(w)]);
        var postingSizes = new int[ranked.size()];
        for (int i = 0; i < n; i++) {
            if (sets[i] != null) {
                for (int word : sets[i]) {
                    postings[word][postingSizes[word]++] = i;
                }
            }
        }
        // the items in slices, on every core: the index is only read from here on
        int slice = 128;
        return IntStream.range(0, (n + slice - 1) / slice).parallel()
                .mapToObj(s -> matchesOf(s * slice, Math.min(n, s * slice + slice), sets, bankOf, postings))
                .flatMap(List::stream)
                .sorted(Comparator.comparingInt(Match::a).thenComparingInt(Match::b))
                .toList();
    }

    /** The matches {@code (j, i)} of the items {@code from <= i < to} with the items before them. */
    private static List<Match> matchesOf(int from, int to, int[][] sets, int[] bankOf, int[][] postings) {
        var counts = new int[sets.length];
        var touched = new int[sets.length];
        var matches = new ArrayList<Match>();
        for (int i = from; i < to; i++) {
            int[] set = sets[i];
            if (set == null) {
                continue;
            }
            int bank = bankOf[i];
            int suffix = (int) Math.ceil(THRESHOLD * set.length - 1e-9) - 1;
            int found = 0;
            for (int p = 0; p < set.length - suffix; p++) {
                for (int j : postings[set[p]]) {
                    if (j >= i) {
                        break;
                    }
                    if (bankOf[j] != bank && counts[j]++ == 0) {
                        touched[found++] = j;
                    }
                }
            }
            for (int k = 0; k < found; k++) {
                int j = touched[k];
                int bound = counts[j] + Math.min(suffix, sets[j].length - counts[j]);
                counts[j] = 0;
                if (bound < THRESHOLD * (set.length + sets[j].length) / (1 + THRESHOLD) - 1e-9) {
                    continue;
                }
                int common = common(sets[j], set);
                double similarity = common / (double) (sets[j].length + set.length - common);
                if (similarity >= THRESHOLD) {
                    matches.add(new Match(j, i, similarity));
                }
            }
        }
        return matches;
    }

    /** How many values two ascending arrays share. */
    private static int common(int[] a, int[] b) {
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                n++;
                i++;
                j++;
            }
        }
        return n;
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
}
