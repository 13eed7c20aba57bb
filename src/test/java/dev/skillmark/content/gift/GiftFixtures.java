package dev.skillmark.content.gift;

import dev.skillmark.Fixtures;
import dev.skillmark.content.Catalog;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Option;
import dev.skillmark.quiz.Question;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** GIFT fixtures from {@code src/test/resources/gift/}, and banks loaded the way Skillmark loads them. */
final class GiftFixtures {

    private GiftFixtures() {
    }

    static String gift(String name) {
        try (InputStream in = GiftFixtures.class.getResourceAsStream("/gift/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /gift/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content folder of fixture banks to export from. */
    static Path contentFixture() {
        return Fixtures.projectDir().resolve("src/test/resources/gift/content");
    }

    /** Writes {@code skills/<bankId>.md} into a fresh content folder and loads it with the real loader. */
    static Catalog load(Path contentDir, String bankId, String markdown) {
        try {
            Files.createDirectories(contentDir.resolve("skills"));
            Files.writeString(contentDir.resolve("skills").resolve(bankId + ".md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ContentLoader(new Markdown()).load(contentDir);
    }

    static Bank bank(Catalog catalog, String bankId) {
        return catalog.bank(bankId).orElseThrow(() -> new AssertionError("bank " + bankId + " did not load: "
                + catalog.problems()));
    }

    static Question question(Bank bank, String id) {
        return bank.questions().stream().filter(q -> q.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no question " + id + " in " + ids(bank)));
    }

    static List<String> ids(Bank bank) {
        return bank.questions().stream().map(Question::id).toList();
    }

    /** Options as "[x] html" / "[ ] html", which reads well in a failing assertion. */
    static List<String> options(Question q) {
        return ((AnswerKey.Choice) q.key()).options().stream().map(GiftFixtures::option).toList();
    }

    private static String option(Option o) {
        return (o.correct() ? "[x] " : "[ ] ") + o.html();
    }

    static List<String> keys(Question q) {
        return ((AnswerKey.ShortText) q.key()).keys();
    }
}
