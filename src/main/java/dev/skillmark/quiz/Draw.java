package dev.skillmark.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Draws an attempt's questions. Pure: the same quiz, content and seed always give the same
 * questions in the same order with the same option order; a fixed-form quiz gives the same questions for any seed.
 */
public final class Draw {

    /** A drawn question and the order its options are shown in (indexes into the trainer's order). */
    public record Drawn(Question question, List<Integer> optionOrder) {
        public Drawn {
            optionOrder = List.copyOf(optionOrder);
        }
    }

    private Draw() {
    }

    /**
     * The attempt's questions. A random-form quiz draws them with {@code seed}; a fixed-form quiz draws the same
     * questions for every seed (see {@link #formSeed}), and {@code seed} only orders them and their options.
     */
    public static List<Drawn> draw(Quiz quiz, Function<String, Bank> banks, Function<String, Question> questions,
                                   long seed) {
        var random = new Random(seed);
        boolean fixedForm = quiz.form() == Quiz.Form.FIXED;
        var picking = fixedForm ? new Random(formSeed(quiz, banks)) : random;
        var picked = new LinkedHashMap<String, Question>();
        // questions named by id are kept for their own rule, so a bank rule never draws them first
        var reserved = quiz.rules().stream().filter(r -> r instanceof DrawRule.Fixed)
                .flatMap(r -> ((DrawRule.Fixed) r).ids().stream()).collect(java.util.stream.Collectors.toSet());
        for (DrawRule rule : quiz.rules()) {
            if (rule instanceof DrawRule.FromBank fromBank) {
                var bank = banks.apply(fromBank.bankId()).questions();
                var candidates = new ArrayList<>(bank.stream()
                        .filter(fromBank::matches)
                        .filter(quiz::mayDraw)
                        .filter(q -> !picked.containsKey(q.id()) && !reserved.contains(q.id()))
                        .toList());
                if (fromBank.count().isPresent()) {
                    if (fixedForm) {
                        // by id, so moving questions around in the file does not change the form
                        candidates.sort(Comparator.comparing(Question::id));
                    }
                    Collections.shuffle(candidates, picking);
                    candidates = new ArrayList<>(candidates.subList(0,
                            Math.min(fromBank.count().getAsInt(), candidates.size())));
                    if (fixedForm) {
                        candidates.sort(Comparator.comparingInt(bank::indexOf)); // the trainer's order
                    }
                }
                candidates.forEach(q -> picked.put(q.id(), q));
            } else if (rule instanceof DrawRule.Fixed fixed) {
                fixed.ids().forEach(id -> picked.putIfAbsent(id, questions.apply(id)));
            }
        }
        var ordered = new ArrayList<>(picked.values());
        if (quiz.shuffleQuestions()) {
            Collections.shuffle(ordered, random);
        }
        return ordered.stream().map(q -> new Drawn(q, optionOrder(q, quiz.shuffleOptions(), random))).toList();
    }

    /**
     * The seed of a fixed-form quiz's one draw: a hash of the quiz's id, its rules and the ids of the questions each
     * rule can draw. Every instance, every restart and every catalog in which those are the same draws the same form;
     * rewording a question keeps it, while adding, removing or retagging a question the quiz can draw (or editing its
     * rules) makes a new one. Attempts already started keep theirs: their questions are in their snapshot.
     */
    public static long formSeed(Quiz quiz, Function<String, Bank> banks) {
        var definition = new StringBuilder(quiz.id());
        for (DrawRule rule : quiz.rules()) {
            definition.append('\n');
            if (rule instanceof DrawRule.FromBank r) {
                definition.append("bank ").append(r.bankId()).append(" count ")
                        .append(r.count().isPresent() ? String.valueOf(r.count().getAsInt()) : "all")
                        .append(" difficulty ").append(new TreeSet<>(r.difficulties().stream().map(Enum::name).toList()))
                        .append(" tags ").append(new TreeSet<>(r.tags())).append(" type ").append(new TreeSet<>(r.types()))
                        .append(" from ").append(banks.apply(r.bankId()).questions().stream()
                                .filter(r::matches).filter(quiz::mayDraw).map(Question::id).sorted().toList());
            } else if (rule instanceof DrawRule.Fixed r) {
                definition.append("ids ").append(r.ids());
            }
        }
        long hash = 0xcbf29ce484222325L; // 64-bit FNV-1a over the definition's characters: stable across JVMs and runs
        for (int i = 0; i < definition.length(); i++) {
            hash = (hash ^ definition.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    private static List<Integer> optionOrder(Question q, boolean shuffle, Random random) {
        if (!(q.key() instanceof AnswerKey.Choice choice)) {
            return List.of();
        }
        var order = new ArrayList<>(IntStream.range(0, choice.options().size()).boxed().toList());
        if (shuffle) {
            Collections.shuffle(order, random);
        }
        return order;
    }
}
