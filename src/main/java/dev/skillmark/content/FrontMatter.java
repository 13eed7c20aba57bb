package dev.skillmark.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The YAML block between {@code ---} lines at the top of a content file, read as a tree that
 * remembers file lines, so every problem can point at the line that causes it.
 */
final class FrontMatter {

    /** A YAML value and the file line it starts on. */
    record Value(Node node, int line) {
        Optional<String> scalar() {
            return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
        }

        List<Value> items(int fileLineOffset) {
            if (node instanceof SequenceNode seq) {
                return seq.getValue().stream().map(n -> at(n, fileLineOffset)).toList();
            }
            return List.of(this);
        }

        Map<String, Value> mapping(int fileLineOffset) {
            var map = new LinkedHashMap<String, Value>();
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k) {
                        map.put(k.getValue(), at(t.getValueNode(), fileLineOffset));
                    }
                }
            }
            return map;
        }
    }

    final String file;
    final Map<String, Value> values;
    final int bodyStartLine;        // 1-based line of the first body line
    final List<String> bodyLines;
    final int lineOffset;           // add to a 0-based YAML line to get the file line

    private FrontMatter(String file, Map<String, Value> values, int bodyStartLine, List<String> bodyLines, int lineOffset) {
        this.file = file;
        this.values = values;
        this.bodyStartLine = bodyStartLine;
        this.bodyLines = bodyLines;
        this.lineOffset = lineOffset;
    }

    static Optional<FrontMatter> read(String file, String text, Set<String> allowedKeys, List<Problem> problems) {
        if (text.isBlank()) {
            problems.add(new Problem(file, 1, "the file is empty"));
            return Optional.empty();
        }
        var lines = Lines.of(text);
        if (!lines.get(0).strip().equals("---")) {
            problems.add(new Problem(file, 1, "missing front matter: start the file with a line '---', "
                    + "then 'title: ...', then another '---'"));
            return Optional.empty();
        }
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problems.add(new Problem(file, 1, "front matter is not closed: add a line '---' after it"));
            return Optional.empty();
        }
        String yaml = String.join("\n", lines.subList(1, end));
        int offset = 2; // YAML line 0 is file line 2
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setAllowDuplicateKeys(false).build())
                    .composeString(yaml).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + offset).orElse(1);
            String hint = e.getProblem().contains("mapping values are not allowed")
                    ? " (put a value that contains ': ' in quotes)" : "";
            problems.add(new Problem(file, line, "front matter is not valid YAML: " + e.getProblem() + hint));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(new Problem(file, 1, "front matter is not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode)) {
            problems.add(new Problem(file, 2, "front matter must be 'key: value' lines"));
            return Optional.empty();
        }
        var values = at(root, offset).mapping(offset);
        var known = new ArrayList<>(allowedKeys);
        known.sort(null);
        values.forEach((key, value) -> {
            if (!allowedKeys.contains(key)) {
                problems.add(new Problem(file, value.line(), "unknown front matter key '" + key
                        + "' (known: " + String.join(", ", known) + ")"));
            }
        });
        return Optional.of(new FrontMatter(file, values, end + 2, lines.subList(end + 1, lines.size()), offset));
    }

    /** The text of a key every file of its kind must have; a problem when it is missing. */
    Optional<String> required(String key, List<Problem> problems) {
        var value = text(key);
        if (value.isEmpty()) {
            problems.add(new Problem(file, 2, "front matter has no '" + key + "'"));
        }
        return value;
    }

    Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).flatMap(Value::scalar).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    int lineOf(String key) {
        var value = values.get(key);
        return value == null ? 2 : value.line();
    }

    private static Value at(Node node, int offset) {
        return new Value(node, node.getStartMark().map(m -> m.getLine() + offset).orElse(offset));
    }
}
