package dev.skillmark.content;

import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Grading;
import dev.skillmark.quiz.Question;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code check-snippets [folder]}: type-checks every TypeScript block in the banks with {@code tsc --strict}
 * (a block fenced {@code ts compile-error} must fail), and runs the code of {@code verify=output} questions
 * with Node, comparing what it prints with the answer key. Node and the TypeScript compiler come from npm:
 * {@code SKILLMARK_NODE_TOOLS} names a folder whose node_modules holds typescript and @types/node.
 */
public final class SnippetCheck {

    private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([\\w-]*)\\s*([\\w-]*)\\s*$");
    private static final Pattern ID = Pattern.compile("\\{[^{}]*#([a-z0-9-]+)[^{}]*\\}\\s*$");
    private static final Pattern TSC_ERROR = Pattern.compile("^(s\\d+)\\.ts\\((\\d+),(\\d+)\\): error (TS\\d+: .*)$");

    record Snippet(String name, String file, int firstCodeLine, String language, boolean mustFail, String code,
                   String questionId, boolean verify) {
        boolean typescript() {
            return language.equals("ts") || language.equals("typescript");
        }
    }

    private SnippetCheck() {
    }

    public static int run(Path folder, Path tools, PrintStream out) throws IOException, InterruptedException {
        var catalog = new ContentLoader(new Markdown()).load(folder);
        if (!catalog.problems().isEmpty()) {
            out.println("fix the content problems first (run lint)");
            return 1;
        }
        var snippets = new ArrayList<Snippet>();
        try (var files = Files.list(folder.resolve("skills"))) {
            for (Path path : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                snippets.addAll(extract("skills/" + path.getFileName(), Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        // inside the tools folder, so imports such as aws-cdk-lib resolve from its node_modules
        Path work = Files.createTempDirectory(tools, "snippets-");
        var problems = new ArrayList<String>();
        var typescript = snippets.stream().filter(Snippet::typescript).toList();
        for (Snippet s : typescript) {
            Files.writeString(work.resolve(s.name() + ".ts"), s.code() + "\nexport {};\n");
        }
        var failing = typecheck(work, tools, typescript, out);
        for (Snippet s : typescript) {
            var errors = failing.getOrDefault(s.name(), List.of());
            if (s.mustFail() && errors.isEmpty()) {
                problems.add(s.file() + ":" + s.firstCodeLine() + ": this block is marked compile-error but compiles");
            } else if (!s.mustFail()) {
                errors.forEach(e -> problems.add(s.file() + ":" + (s.firstCodeLine() + e.line() - 1) + ": tsc: " + e.message()));
            }
        }
        int verified = 0;
        var checkedQuestions = new java.util.HashSet<String>();
        for (Snippet s : snippets) {
            if (!s.verify() || !checkedQuestions.add(s.questionId())) {
                continue;
            }
            if (!s.typescript() && !s.language().equals("js") && !s.language().equals("javascript")) {
                problems.add(s.file() + ":" + s.firstCodeLine() + ": verify=output needs a ts or js block first");
                continue;
            }
            Path script = s.typescript() ? work.resolve("out").resolve(s.name() + ".js") : work.resolve(s.name() + ".js");
            if (!s.typescript()) {
                Files.writeString(script, s.code());
            }
            String printed = node(script);
            Question question = catalog.question(s.questionId()).orElseThrow();
            var expected = expected(question);
            verified++;
            if (expected.stream().noneMatch(key -> Grading.matchesKey(key, printed))) {
                problems.add(s.file() + ":" + s.firstCodeLine() + ": question " + s.questionId() + " prints '"
                        + Grading.normalise(printed) + "' but its key is '" + String.join(" | ", expected) + "'");
            }
        }
        deleteTree(work);
        problems.forEach(out::println);
        var n = dev.skillmark.web.Format.INSTANCE;
        out.printf("%s type-checked (%d must fail), %s run; %s%n", n.count(typescript.size(), "TypeScript block", "TypeScript blocks"),
                typescript.stream().filter(Snippet::mustFail).count(), n.count(verified, "output question", "output questions"),
                n.count(problems.size(), "problem", "problems"));
        return problems.isEmpty() ? 0 : 1;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The keys a verify=output question's printed output must match. */
    private static List<String> expected(Question q) {
        if (q.key() instanceof AnswerKey.ShortText s) {
            return s.keys();
        }
        if (q.key() instanceof AnswerKey.Numeric n) {
            return List.of(n.display());
        }
        if (q.key() instanceof AnswerKey.Choice c) {
            return c.options().stream().filter(dev.skillmark.quiz.Option::correct)
                    .map(o -> o.html().replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"))
                    .toList();
        }
        return List.of();
    }

    static List<Snippet> extract(String file, String text) {
        var lines = Lines.of(text);
        var snippets = new ArrayList<Snippet>();
        String questionId = null;
        boolean verify = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                Matcher id = ID.matcher(line);
                questionId = id.find() ? id.group(1) : null;
                verify = line.matches(".*\\{[^{}]*\\bverify=output\\b[^{}]*\\}\\s*$");
                continue;
            }
            Matcher open = FENCE_OPEN.matcher(line);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith(fence)) {
                end++;
            }
            String language = open.group(2);
            if (questionId != null && !language.isEmpty()) {
                snippets.add(new Snippet("s" + (snippets.size() + 1000 * (file.hashCode() & 0xffff)), file, start + 1,
                        language, open.group(3).equals("compile-error"), String.join("\n", lines.subList(start, Math.min(end, lines.size()))),
                        questionId, verify));
            }
            i = end;
        }
        return snippets;
    }

    record TscError(int line, String message) {
    }

    private static Map<String, List<TscError>> typecheck(Path work, Path tools, List<Snippet> snippets, PrintStream out)
            throws IOException, InterruptedException {
        var errors = new HashMap<String, List<TscError>>();
        if (snippets.isEmpty()) {
            return errors;
        }
        Path tsc = tools.resolve("node_modules/.bin/tsc");
        var command = new ArrayList<>(List.of(tsc.toString(), "--strict", "--target", "ES2022", "--module", "commonjs",
                "--lib", "ES2022,DOM", "--types", "node", "--typeRoots", tools.resolve("node_modules/@types").toString(),
                "--experimentalDecorators", "--emitDecoratorMetadata", // NestJS snippets use legacy decorators
                "--skipLibCheck", "--pretty", "false", "--outDir", "out"));
        snippets.forEach(s -> command.add(s.name() + ".ts"));
        var process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.MINUTES);
        for (String line : output.split("\n")) {
            Matcher m = TSC_ERROR.matcher(line.strip());
            if (m.matches()) {
                errors.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new TscError(Integer.parseInt(m.group(2)), m.group(4)));
            } else if (!line.isBlank() && !line.startsWith(" ")) {
                out.println("tsc: " + line);
            }
        }
        return errors;
    }

    private static String node(Path script) throws IOException, InterruptedException {
        var process = new ProcessBuilder("node", script.getFileName().toString()).directory(script.getParent().toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "(timed out)";
        }
        return output;
    }
}
