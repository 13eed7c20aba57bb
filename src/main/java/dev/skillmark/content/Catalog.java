package dev.skillmark.content;

import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Draw;
import dev.skillmark.quiz.DrawRule;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.Quiz;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent, immutable load of {@code content/}: only the banks and quizzes that loaded
 * cleanly, plus every problem found. Swapped whole, never edited in place.
 */
public final class Catalog {

    /** Nothing loaded yet: the "previous" of the first load. */
    public static final Catalog EMPTY = new Catalog(Map.of(), Map.of(), List.of(), List.of(), "", Map.of());

    /**
     * One content file: when the version in service was loaded, whether it is in service, and whether
     * the file on disk has problems (then the version in service, if any, is the last good one).
     */
    public record FileStatus(String file, long loadedAt, boolean inService, boolean hasProblems) {
    }

    /** What the home page shows about a quiz, computed once per load. */
    public record Offer(Quiz quiz, List<String> areas, int questionCount, boolean practiceOfBank) {
    }

    private final Map<String, Bank> banks;
    private final Map<String, Quiz> quizzes;
    private final Map<String, Question> questions;
    private final Map<String, Offer> offers;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private final String version;
    private final Map<String, FileStatus> files;
    private final List<Exposure.Overlap> exposures;

    Catalog(Map<String, Bank> banks, Map<String, Quiz> quizzes, List<Problem> problems, List<Problem> warnings,
            String version, Map<String, FileStatus> files) {
        this.warnings = warnings.stream().sorted().toList();
        this.files = Map.copyOf(files);
        this.banks = Map.copyOf(banks);
        var byId = new LinkedHashMap<String, Question>();
        banks.values().forEach(b -> b.questions().forEach(q -> byId.put(q.id(), q)));
        this.questions = Map.copyOf(byId);
        this.quizzes = Map.copyOf(quizzes);
        var offers = new LinkedHashMap<String, Offer>();
        quizzes.values().forEach(q -> offers.put(q.id(), offerFor(q)));
        this.offers = offers;
        this.problems = problems.stream().sorted().toList();
        this.exposures = Exposure.find(this.banks, this.quizzes, this.questions);
        this.version = version;
    }

    public Optional<Bank> bank(String id) {
        return Optional.ofNullable(banks.get(id));
    }

    public Optional<Quiz> quiz(String id) {
        return Optional.ofNullable(quizzes.get(id));
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    public List<Bank> banks() {
        return banks.values().stream().sorted((a, b) -> a.title().compareToIgnoreCase(b.title())).toList();
    }

    public List<Offer> offers() {
        return offers.values().stream()
                .sorted((a, b) -> a.practiceOfBank() != b.practiceOfBank() ? (a.practiceOfBank() ? 1 : -1)
                        : a.quiz().title().compareToIgnoreCase(b.quiz().title()))
                .toList();
    }

    public Optional<Offer> offer(String quizId) {
        return Optional.ofNullable(offers.get(quizId));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Where an invitation quiz shares questions with a quiz that shows keys publicly. */
    public List<Exposure.Overlap> exposures() {
        return exposures;
    }

    /**
     * Things worth a look that keep nothing out of service, as {@code file:line: warning: ...}: exposure
     * (an invitation quiz sharing questions with a quiz that shows keys) and near-duplicate questions.
     */
    public List<Problem> warnings() {
        var all = new java.util.ArrayList<Problem>(exposures.stream().map(Exposure.Overlap::warning).sorted().toList());
        all.addAll(warnings);
        return List.copyOf(all);
    }

    /** Invitation quiz titles that share questions with public practice, and how many questions each. */
    public Map<String, Integer> sharedWithPublicPractice() {
        return Exposure.withPublicPractice(exposures);
    }

    /** A quiz candidates cannot start now although its file is there: the file never loaded cleanly. */
    public record OutOfService(String quizId, String file) {
    }

    /** Quizzes whose file is in content/ but not in service, practice quizzes of banks included. */
    public List<OutOfService> outOfService() {
        return files().stream().filter(f -> !f.inService())
                .map(f -> new OutOfService((f.file().startsWith("skills/") ? ContentLoader.PRACTICE_PREFIX : "")
                        + f.file().substring(f.file().indexOf('/') + 1).replaceFirst("\\.md$", ""), f.file()))
                .toList();
    }

    public List<FileStatus> files() {
        return files.values().stream().sorted(java.util.Comparator.comparing(FileStatus::file)).toList();
    }

    Optional<Long> loadedAt(String file) {
        return Optional.ofNullable(files.get(file)).filter(FileStatus::inService).map(FileStatus::loadedAt);
    }

    Optional<Bank> bankFromFile(String file) {
        return banks.values().stream().filter(b -> b.source().file().equals(file)).findFirst();
    }

    Optional<Quiz> quizFromFile(String file) {
        return quizzes.values().stream().filter(q -> q.source().file().equals(file) && !q.id().startsWith(ContentLoader.PRACTICE_PREFIX))
                .findFirst();
    }

    /** A short hash of everything that loaded, recorded on attempts. */
    public String version() {
        return version;
    }

    public List<Draw.Drawn> draw(Quiz quiz, long seed) {
        return Draw.draw(quiz, banks::get, questions::get, seed);
    }

    private Offer offerFor(Quiz quiz) {
        var areas = new LinkedHashSet<String>();
        for (DrawRule rule : quiz.rules()) {
            if (rule instanceof DrawRule.FromBank fromBank) {
                areas.add(banks.get(fromBank.bankId()).title());
            } else if (rule instanceof DrawRule.Fixed fixed) {
                fixed.ids().forEach(id -> areas.add(banks.get(questions.get(id).bankId()).title()));
            }
        }
        boolean practice = quiz.id().startsWith(ContentLoader.PRACTICE_PREFIX) && quiz.source().file().startsWith("skills/");
        return new Offer(quiz, new ArrayList<>(areas), draw(quiz, 0).size(), practice);
    }
}
