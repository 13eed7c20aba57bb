package dev.skillmark.content;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading content files: which files there are, their names and their text, each failure a problem. */
final class ContentFiles {

    static final String ACCEPTED = "near-duplicates.txt";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private ContentFiles() {
    }

    static Optional<String> nameOf(String file, Path path, List<Problem> problems) {
        String name = path.getFileName().toString().replaceFirst("\\.md$", "");
        if (!NAME.matcher(name).matches()) {
            problems.add(new Problem(file, 1, "file name '" + name + "' must be lower-case letters, digits and '-'"));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    static Optional<String> read(String file, Path path, List<Problem> problems) {
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

    /** {@code near-duplicates.txt}: pairs of question ids a reviewer accepted as different, one pair a line, # comments. */
    static Set<Set<String>> acceptedPairs(Path contentDir, List<Problem> problems) {
        Path path = contentDir.resolve(ACCEPTED);
        var pairs = new HashSet<Set<String>>();
        if (!Files.isRegularFile(path)) {
            return pairs;
        }
        var text = read(ACCEPTED, path, problems).orElse("");
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            var ids = line.split("\\s+");
            if (ids.length != 2) {
                problems.add(new Problem(ACCEPTED, i + 1, "write two question ids separated by a space"));
            } else {
                pairs.add(Set.of(ids[0], ids[1]));
            }
        }
        return pairs;
    }

    static List<Path> markdownFiles(Path dir) {
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
