package dev.skillmark.content;

import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.DrawRule;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.Quiz;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads {@code content/}: every bank and quiz, validated together (ids are unique across files,
 * quizzes must name existing banks and questions). A bad file is reported and left out; the rest loads.
 */
public final class ContentLoader {

    static final String PRACTICE_PREFIX = "practice-";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Markdown markdown;
    private final BankParser bankParser;
    private final QuizParser quizParser;

    public ContentLoader(Markdown markdown) {
        this.markdown = markdown;
        this.bankParser = new BankParser(markdown);
        this.quizParser = new QuizParser(markdown);
    }

    public Catalog load(Path contentDir) {
        return load(contentDir, Catalog.EMPTY, 0);
    }

    /**
     * Loads everything again. A file that now has problems keeps its {@code previous} version in
     * service (if it had one), so a typo being fixed in an editor never takes a bank away from candidates.
     */
    public Catalog load(Path contentDir, Catalog previous, long now) {
        var problems = new ArrayList<Problem>();
        var files = new LinkedHashMap<String, Catalog.FileStatus>();
        if (!Files.isDirectory(contentDir)) {
            problems.add(new Problem(contentDir.toString(), 1, "the content folder does not exist"));
            return new Catalog(Map.of(), Map.of(), problems, Hashes.sha256("").substring(0, 12), files);
        }
        var allBankNames = new ArrayList<String>();
        var banks = loadBanks(contentDir, problems, allBankNames, previous, files, now);
        var quizzes = new LinkedHashMap<String, Quiz>();
        for (Path path : markdownFiles(contentDir.resolve("quizzes"))) {
            String file = "quizzes/" + path.getFileName();
            var fileProblems = new ArrayList<Problem>();
            var id = nameOf(file, path, fileProblems);
            var text = read(file, path, fileProblems);
            Optional<Quiz> quiz = id.isEmpty() || text.isEmpty() ? Optional.empty()
                    : quizParser.parse(file, id.get(), text.get(), fileProblems)
                            .filter(q -> checkRules(q, banks, allBankNames, fileProblems));
            if (id.isPresent() && id.get().startsWith(PRACTICE_PREFIX)) {
                fileProblems.add(new Problem(file, 1, "quiz names starting with '" + PRACTICE_PREFIX
                        + "' are kept for the practice quiz of each bank: rename the file"));
                quiz = Optional.empty();
            }
            problems.addAll(fileProblems);
            if (quiz.isPresent() && fileProblems.isEmpty()) {
                quizzes.put(quiz.get().id(), quiz.get());
                files.put(file, new Catalog.FileStatus(file, now, true, false));
                continue;
            }
            // the last good version stays, as long as what it draws from still exists
            var lastGood = previous.quizFromFile(file)
                    .filter(q -> checkRules(q, banks, allBankNames, new ArrayList<>()));
            lastGood.ifPresent(q -> quizzes.put(q.id(), q));
            files.put(file, new Catalog.FileStatus(file, previous.loadedAt(file).orElse(now), lastGood.isPresent(), true));
        }
        for (Bank bank : banks.values()) {
            quizzes.put(PRACTICE_PREFIX + bank.id(), practiceQuiz(bank));
        }
        var hashes = new StringBuilder();
        banks.values().forEach(b -> b.questions().forEach(q -> hashes.append(q.contentHash())));
        quizzes.values().forEach(q -> hashes.append(q.toString().hashCode()));
        return new Catalog(banks, quizzes, problems, Hashes.sha256(hashes.toString()).substring(0, 12), files);
    }

    private Map<String, Bank> loadBanks(Path contentDir, List<Problem> problems, List<String> allBankNames,
                                        Catalog previous, Map<String, Catalog.FileStatus> files, long now) {
        record Parsed(String file, Bank bank, List<Problem> problems, boolean lastGood) {
        }
        var parsed = new ArrayList<Parsed>();
        for (Path path : markdownFiles(contentDir.resolve("skills"))) {
            String file = "skills/" + path.getFileName();
            var fileProblems = new ArrayList<Problem>();
            var id = nameOf(file, path, fileProblems);
            id.ifPresent(allBankNames::add);
            var text = read(file, path, fileProblems);
            var bank = id.isEmpty() || text.isEmpty() ? Optional.<Bank>empty()
                    : bankParser.parse(file, id.get(), text.get(), fileProblems);
            var lastGood = fileProblems.isEmpty() ? Optional.<Bank>empty() : previous.bankFromFile(file);
            parsed.add(lastGood.isPresent() ? new Parsed(file, lastGood.get(), fileProblems, true)
                    : new Parsed(file, bank.orElse(null), fileProblems, false));
        }
        // ids are claimed by good versions first, so a broken file's duplicate never takes a good bank down
        var ordered = new ArrayList<>(parsed.stream().filter(p -> p.problems().isEmpty() || p.lastGood()).toList());
        ordered.addAll(parsed.stream().filter(p -> !p.problems().isEmpty() && !p.lastGood()).toList());
        var firstUse = new HashMap<String, Question>();
        var banks = new LinkedHashMap<String, Bank>();
        for (Parsed p : ordered) {
            var fileProblems = new ArrayList<>(p.problems());
            var duplicates = new ArrayList<Problem>();
            for (Question q : p.bank() == null ? List.<Question>of() : p.bank().questions()) {
                var first = firstUse.putIfAbsent(q.id(), q);
                if (first != null) {
                    duplicates.add(new Problem(p.file(), q.source().line(), "duplicate question id '" + q.id()
                            + "', first used at " + first.source()));
                }
            }
            fileProblems.addAll(duplicates);
            problems.addAll(fileProblems);
            boolean inService = p.bank() != null && duplicates.isEmpty() && (fileProblems.isEmpty() || p.lastGood());
            if (inService) {
                banks.put(p.bank().id(), p.bank());
            }
            files.put(p.file(), new Catalog.FileStatus(p.file(), p.lastGood() ? previous.loadedAt(p.file()).orElse(now) : now,
                    inService, !fileProblems.isEmpty()));
        }
        return banks;
    }

    private static boolean checkRules(Quiz quiz, Map<String, Bank> banks, List<String> allBankNames, List<Problem> problems) {
        String file = quiz.source().file();
        int before = problems.size();
        var questions = new HashMap<String, Question>();
        banks.values().forEach(b -> b.questions().forEach(q -> questions.put(q.id(), q)));
        var reserved = quiz.rules().stream().filter(r -> r instanceof DrawRule.Fixed)
                .flatMap(r -> ((DrawRule.Fixed) r).ids().stream()).collect(java.util.stream.Collectors.toSet());
        int total = 0;
        for (DrawRule rule : quiz.rules()) {
            int line = rule.source().line();
            if (rule instanceof DrawRule.FromBank fromBank) {
                var bank = banks.get(fromBank.bankId());
                if (bank == null) {
                    problems.add(new Problem(file, line, allBankNames.contains(fromBank.bankId())
                            ? "bank '" + fromBank.bankId() + "' has problems, so this quiz is left out until they are fixed"
                            : "no bank named '" + fromBank.bankId() + "' (banks are the file names in skills/)"));
                    continue;
                }
                long matching = bank.questions().stream().filter(fromBank::matches)
                        .filter(q -> !reserved.contains(q.id())).count();
                int wanted = fromBank.count().orElse((int) matching);
                if (matching == 0 || wanted > matching) {
                    problems.add(new Problem(file, line, "the rule asks for " + wanted + " question(s) from '"
                            + bank.id() + "' but only " + matching + " match"));
                }
                total += wanted;
            } else if (rule instanceof DrawRule.Fixed fixed) {
                for (String id : fixed.ids()) {
                    if (!questions.containsKey(id)) {
                        problems.add(new Problem(file, line, "no question with id '" + id + "' in a bank that loaded cleanly"));
                    }
                }
                total += fixed.ids().size();
            }
        }
        if (problems.size() == before && (quiz.rules().isEmpty() || total == 0)) {
            problems.add(new Problem(file, 1, "the quiz draws no questions"));
        }
        return problems.size() == before;
    }

    /** The bank's public-practice pool (questions tagged public), or the whole bank when it has none. */
    private Quiz practiceQuiz(Bank bank) {
        var pool = bank.questions().stream().anyMatch(q -> q.hasTag(Quiz.PUBLIC_POOL)) ? Set.of(Quiz.PUBLIC_POOL) : Set.<String>of();
        String instructions = markdown.render("Practice at your own pace: there is no time limit, and after each "
                + "question you see whether you were right and why. Practice attempts are not shared with anyone.");
        return new Quiz(PRACTICE_PREFIX + bank.id(), bank.title(), bank.summary(), instructions, Optional.empty(), 60,
                Quiz.Mode.PRACTICE, Quiz.Review.ANSWERS, true, true,
                List.of(new DrawRule.FromBank(bank.id(), OptionalInt.empty(), Set.of(), pool, Set.of(), bank.source())),
                bank.source(), Optional.empty(), Optional.empty(), Quiz.Access.PUBLIC);
    }

    private static Optional<String> nameOf(String file, Path path, List<Problem> problems) {
        String name = path.getFileName().toString().replaceFirst("\\.md$", "");
        if (!NAME.matcher(name).matches()) {
            problems.add(new Problem(file, 1, "file name '" + name + "' must be lower-case letters, digits and '-'"));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static Optional<String> read(String file, Path path, List<Problem> problems) {
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder();
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString());
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, 1, "the file is not valid UTF-8"));
        } catch (IOException e) {
            problems.add(new Problem(file, 1, "cannot read the file: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static List<Path> markdownFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
