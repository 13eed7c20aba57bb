package dev.skillmark.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Draws an attempt's questions. Pure: the same quiz, content and seed always give the same
 * questions in the same order with the same option order.
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

    public static List<Drawn> draw(Quiz quiz, Function<String, Bank> banks, Function<String, Question> questions,
                                   long seed) {
        var random = new Random(seed);
        var picked = new LinkedHashMap<String, Question>();
        // questions named by id are kept for their own rule, so a bank rule never draws them first
        var reserved = quiz.rules().stream().filter(r -> r instanceof DrawRule.Fixed)
                .flatMap(r -> ((DrawRule.Fixed) r).ids().stream()).collect(java.util.stream.Collectors.toSet());
        for (DrawRule rule : quiz.rules()) {
            if (rule instanceof DrawRule.FromBank fromBank) {
                var candidates = new ArrayList<>(banks.apply(fromBank.bankId()).questions().stream()
                        .filter(fromBank::matches)
                        .filter(quiz::mayDraw)
                        .filter(q -> !picked.containsKey(q.id()) && !reserved.contains(q.id()))
                        .toList());
                if (fromBank.count().isPresent()) {
                    Collections.shuffle(candidates, random);
                    candidates = new ArrayList<>(candidates.subList(0,
                            Math.min(fromBank.count().getAsInt(), candidates.size())));
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
