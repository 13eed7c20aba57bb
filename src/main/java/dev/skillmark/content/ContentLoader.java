package dev.skillmark.content;

import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.DrawRule;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.Quiz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Loads {@code content/} in two steps. First the files on disk are checked on their own, exactly as
 * {@code lint} checks them (ids unique across files, quizzes naming existing banks and questions): that
 * gives every problem and the files that are clean. Then the catalog in service is built: a clean file's
 * new version, or else the last good version of the file, whatever kind of problem it has now.
 */
public final class ContentLoader {

    static final String PRACTICE_PREFIX = "practice-";

    private final Markdown markdown;
    private final BankParser bankParser;
    private final QuizParser quizParser;

    public ContentLoader(Markdown markdown) {
        this.markdown = markdown;
        this.bankParser = new BankParser(markdown);
        this.quizParser = new QuizParser(markdown);
    }

    /** What the files on disk hold: the clean banks and quizzes by file, and every problem. */
    record Checked(Map<String, Bank> banks, Map<String, Quiz> quizzes, List<Problem> problems, List<Problem> warnings,
                   List<String> bankFiles, List<String> quizFiles) {
    }

    public Catalog load(Path contentDir) {
        return load(contentDir, Catalog.EMPTY, 0);
    }

    /**
     * Loads everything again. A file that now has problems keeps its {@code previous} version in
     * service (if it had one), so a typo being fixed in an editor never takes a quiz away from candidates.
     * The problems reported never depend on {@code previous}: they are what lint reports.
     */
    public Catalog load(Path contentDir, Catalog previous, long now) {
        if (!Files.isDirectory(contentDir)) {
            var problem = new Problem(contentDir.toString(), 1, "the content folder does not exist");
            return new Catalog(Map.of(), Map.of(), List.of(problem), List.of(), Hashes.sha256("").substring(0, 12), Map.of());
        }
        var checked = check(contentDir);
        var files = new LinkedHashMap<String, Catalog.FileStatus>();
        var withProblems = new HashSet<String>();
        checked.problems().forEach(p -> withProblems.add(p.file()));
        var banks = serviceBanks(checked, previous, files, withProblems, now);
        var quizzes = new LinkedHashMap<String, Quiz>();
        for (String file : checked.quizFiles()) {
            var fresh = Optional.ofNullable(checked.quizzes().get(file))
                    .filter(q -> checkRules(q, banks, Broken.NONE, new ArrayList<>()));
            var quiz = fresh.or(() -> previous.quizFromFile(file).filter(q -> checkRules(q, banks, Broken.NONE, new ArrayList<>())));
            quiz.ifPresent(q -> quizzes.put(q.id(), q));
            long loadedAt = fresh.isPresent() ? now : previous.loadedAt(file).orElse(now);
            files.put(file, new Catalog.FileStatus(file, loadedAt, quiz.isPresent(), withProblems.contains(file)));
        }
        for (Bank bank : banks.values()) {
            quizzes.put(PRACTICE_PREFIX + bank.id(), practiceQuiz(bank));
        }
        var hashes = new StringBuilder();
        banks.values().forEach(b -> b.questions().forEach(q -> hashes.append(q.contentHash())));
        quizzes.values().forEach(q -> hashes.append(q.toString().hashCode()));
        return new Catalog(banks, quizzes, checked.problems(), checked.warnings(), Hashes.sha256(hashes.toString()).substring(0, 12), files);
    }

    /**
     * The banks in service: each file's clean version, else its last good one. A clean version whose ids
     * are still held by another file's last good version (a question being moved) waits behind its own.
     */
    private static Map<String, Bank> serviceBanks(Checked checked, Catalog previous, Map<String, Catalog.FileStatus> files,
                                                  Set<String> withProblems, long now) {
        var chosen = new LinkedHashMap<String, Bank>();
        var fresh = new HashSet<String>();
        for (String file : checked.bankFiles()) {
            var clean = Optional.ofNullable(checked.banks().get(file));
            clean.ifPresent(b -> fresh.add(file));
            clean.or(() -> previous.bankFromFile(file)).ifPresent(b -> chosen.put(file, b));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            var owner = new HashMap<String, String>();
            chosen.forEach((file, bank) -> {
                if (!fresh.contains(file)) {
                    bank.questions().forEach(q -> owner.put(q.id(), file));
                }
            });
            for (String file : List.copyOf(fresh)) {
                boolean collides = chosen.get(file).questions().stream()
                        .anyMatch(q -> owner.containsKey(q.id()) && !owner.get(q.id()).equals(file));
                if (collides) {
                    fresh.remove(file);
                    previous.bankFromFile(file).ifPresentOrElse(b -> chosen.put(file, b), () -> chosen.remove(file));
                    changed = true;
                }
            }
        }
        var banks = new LinkedHashMap<String, Bank>();
        for (String file : checked.bankFiles()) {
            var bank = Optional.ofNullable(chosen.get(file));
            bank.ifPresent(b -> banks.put(b.id(), b));
            long loadedAt = fresh.contains(file) ? now : previous.loadedAt(file).orElse(now);
            files.put(file, new Catalog.FileStatus(file, loadedAt, bank.isPresent(), withProblems.contains(file)));
        }
        return banks;
    }

    /** The files on disk on their own, with no regard to what is in service: what lint reports. */
    Checked check(Path contentDir) {
        var problems = new ArrayList<Problem>();
        var bankFiles = new ArrayList<String>();
        var broken = new Broken(new HashSet<>(), new HashSet<>());
        var banks = checkBanks(contentDir, problems, bankFiles, broken);
        var byId = new LinkedHashMap<String, Bank>();
        banks.values().forEach(b -> byId.put(b.id(), b));
        var quizzes = new LinkedHashMap<String, Quiz>();
        var quizFiles = new ArrayList<String>();
        for (Path path : ContentFiles.markdownFiles(contentDir.resolve("quizzes"))) {
            String file = "quizzes/" + path.getFileName();
            quizFiles.add(file);
            var fileProblems = new ArrayList<Problem>();
            var id = ContentFiles.nameOf(file, path, fileProblems);
            var text = ContentFiles.read(file, path, fileProblems);
            Optional<Quiz> quiz = id.isEmpty() || text.isEmpty() ? Optional.empty()
                    : quizParser.parse(file, id.get(), text.get(), fileProblems)
                            .filter(q -> checkRules(q, byId, broken, fileProblems));
            if (id.isPresent() && id.get().startsWith(PRACTICE_PREFIX)) {
                fileProblems.add(new Problem(file, 1, "quiz names starting with '" + PRACTICE_PREFIX
                        + "' are kept for the practice quiz of each bank: rename the file"));
                quiz = Optional.empty();
            }
            problems.addAll(fileProblems);
            if (quiz.isPresent() && fileProblems.isEmpty()) {
                quizzes.put(file, quiz.get());
            }
        }
        var warnings = new ArrayList<>(NearDuplicates.warnings(banks.values(), ContentFiles.acceptedPairs(contentDir, problems)));
        quizzes.values().stream().filter(q -> q.form() == Quiz.Form.FIXED && q.showsKeys() && q.access() == Quiz.Access.INVITED)
                .forEach(q -> warnings.add(new Problem(q.source().file(), q.source().line(), "warning: form: fixed with "
                        + (q.mode() == Quiz.Mode.PRACTICE ? "mode: practice" : "review: answers") + " shows every candidate "
                        + "the keys of the one form every later candidate gets too; use review: score, or form: random")));
        return new Checked(banks, quizzes, problems, warnings, bankFiles, quizFiles);
    }

    /** Every bank file parsed; the clean ones by file. Ids are claimed by otherwise clean files first. */
    private Map<String, Bank> checkBanks(Path contentDir, List<Problem> problems, List<String> bankFiles,
                                         Broken broken) {
        record Parsed(String file, Bank bank, List<Problem> problems) {
        }
        // one file per task, on every core: the parser and the markdown renderer hold no state of a parse
        var parsed = ContentFiles.markdownFiles(contentDir.resolve("skills")).parallelStream().map(path -> {
            String file = "skills/" + path.getFileName();
            var fileProblems = new ArrayList<Problem>();
            var id = ContentFiles.nameOf(file, path, fileProblems);
            var text = ContentFiles.read(file, path, fileProblems);
            var bank = id.isEmpty() || text.isEmpty() ? Optional.<Bank>empty()
                    : bankParser.parse(file, id.get(), text.get(), fileProblems);
            return new Parsed(file, bank.orElse(null), fileProblems);
        }).toList();
        parsed.forEach(p -> bankFiles.add(p.file()));
        // a broken file's duplicate never takes a clean bank down
        var ordered = new ArrayList<>(parsed.stream().filter(p -> p.problems().isEmpty()).toList());
        ordered.addAll(parsed.stream().filter(p -> !p.problems().isEmpty()).toList());
        var firstUse = new HashMap<String, Question>();
        var banks = new LinkedHashMap<String, Bank>();
        for (Parsed p : ordered) {
            var fileProblems = new ArrayList<>(p.problems());
            for (Question q : p.bank() == null ? List.<Question>of() : p.bank().questions()) {
                var first = firstUse.putIfAbsent(q.id(), q);
                if (first != null) {
                    fileProblems.add(new Problem(p.file(), q.source().line(), "duplicate question id '" + q.id()
                            + "', first used at " + first.source()));
                }
            }
            problems.addAll(fileProblems);
            if (p.bank() != null && fileProblems.isEmpty()) {
                banks.put(p.file(), p.bank());
            } else {
                broken.banks().add(nameOfFile(p.file()));
                if (p.bank() != null) {
                    p.bank().questions().forEach(q -> broken.ids().add(q.id()));
                }
            }
        }
        var inFileOrder = new LinkedHashMap<String, Bank>();
        bankFiles.stream().filter(banks::containsKey).forEach(f -> inFileOrder.put(f, banks.get(f)));
        return inFileOrder;
    }

    private static String nameOfFile(String file) {
        return file.substring(file.indexOf('/') + 1).replaceFirst("\\.md$", "");
    }

    /**
     * Whether the quiz can draw from {@code banks}. Rules on a bank that has problems of its own ({@code broken}:
     * its name and the ids it holds) are not reported again here: the bank's file carries the problem.
     */
    private static boolean checkRules(Quiz quiz, Map<String, Bank> banks, Broken broken, List<Problem> problems) {
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
                    if (broken.banks().contains(fromBank.bankId())) {
                        total++; // it draws something once the bank is fixed
                        continue;
                    }
                    problems.add(new Problem(file, line, "no bank named '" + fromBank.bankId()
                            + "' (banks are the file names in skills/)"));
                    continue;
                }
                long matching = bank.questions().stream().filter(fromBank::matches)
                        .filter(q -> !reserved.contains(q.id())).count();
                int wanted = fromBank.count().orElse((int) matching);
                if (matching == 0 || wanted > matching) {
                    problems.add(new Problem(file, line, "the rule asks for " + dev.skillmark.web.Format.INSTANCE.count(wanted, "question", "questions") + " from '"
                            + bank.id() + "' but only " + matching + " match"));
                }
                total += wanted;
            } else if (rule instanceof DrawRule.Fixed fixed) {
                for (String id : fixed.ids()) {
                    if (!questions.containsKey(id) && !broken.ids().contains(id)) {
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

    /** Banks with problems of their own, and the ids of the questions they hold. */
    record Broken(Set<String> banks, Set<String> ids) {
        static final Broken NONE = new Broken(Set.of(), Set.of());
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
}
