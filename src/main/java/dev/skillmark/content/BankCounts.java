package dev.skillmark.content;

import dev.skillmark.quiz.Bank;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How a bank's questions spread over types, difficulties and tags, for the content status page. */
public record BankCounts(Bank bank, Map<String, Long> types, Map<String, Long> difficulties, Map<String, Long> tags) {

    public static BankCounts of(Bank bank) {
        return new BankCounts(bank, count(bank.questions().stream().map(q -> q.key().typeName())),
                count(bank.questions().stream().map(q -> q.difficulty().label())),
                count(bank.questions().stream().flatMap(q -> q.tags().stream())));
    }

    private static Map<String, Long> count(Stream<String> values) {
        return values.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
