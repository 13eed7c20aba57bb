package dev.skillmark.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to HTML for trainers' text. Raw HTML is escaped, never passed through, and links
 * with script-capable schemes are neutralised. The attributes extension is deliberately off:
 * it would eat {@code {...}} from prose, and question ids are read from the heading line instead.
 * Images are not supported: {@code ![alt](src)} is shown as its markdown text, so no page ever loads
 * an image from anywhere a trainer's file points. A code block's {@code <pre>} takes the keyboard's focus, so a
 * line too long for the screen can be scrolled without a mouse.
 */
public final class Markdown {

    private final Parser parser;
    /**
     * For a prompt or an option of one line, without the tables extension: a table needs a header line above its
     * separator, and the extension costs a quarter of a short text's parse. (With it, a lone separator line such as
     * {@code |---|} became an empty table; it is now shown as written.)
     */
    private final Parser lineParser;
    private final HtmlRenderer renderer;
    private final boolean shortcuts;

    public Markdown() {
        this(true);
    }

    /**
     * {@code shortcuts} false: flexmark alone, with its own inline parser and no {@linkplain #plainLine plain-line}
     * shortcut, to test that {@link MatchInPlace} and the shortcut render what flexmark renders.
     */
    Markdown(boolean shortcuts) {
        this.shortcuts = shortcuts;
        boolean matchInPlace = shortcuts;
        var options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        parser = parser(options, matchInPlace);
        lineParser = parser(new MutableDataSet(options).set(Parser.EXTENSIONS, List.of()), matchInPlace);
        renderer = HtmlRenderer.builder(options).attributeProviderFactory(new SafeLinks())
                .nodeRendererFactory(opts -> new ImagesAsText()).build();
    }

    private static Parser parser(MutableDataSet options, boolean matchInPlace) {
        var builder = Parser.builder(options);
        // a custom inline parser leaves out flexmark's reference definitions ([id]: url) unless they are added back
        return (matchInPlace ? builder.customInlineParserFactory(MatchInPlace::new)
                .paragraphPreProcessorFactory(new ReferencePreProcessorFactory()) : builder).build();
    }

    /** Renders block markdown (paragraphs, lists, code blocks, tables). */
    public String render(String markdown) {
        if (shortcuts) {
            var paragraphs = plainParagraphs(markdown);
            if (paragraphs != null) {
                return paragraphs;
            }
        }
        return renderer.render(parser.parse(markdown));
    }

    /**
     * The HTML of {@code markdown} if it is only paragraphs of {@linkplain #plainLine plain lines} (or nothing), as
     * flexmark would render it; null otherwise. A line of spaces and tabs, as in markdown, ends a paragraph.
     */
    private static String plainParagraphs(String markdown) {
        var html = new StringBuilder(markdown.length() + 16);
        boolean open = false;
        for (int start = 0; start <= markdown.length(); ) {
            int end = markdown.indexOf('\n', start);
            end = end < 0 ? markdown.length() : end;
            String line = markdown.substring(start, end);
            if (line.chars().allMatch(c -> c == ' ' || c == '\t')) {
                html.append(open ? "</p>\n" : "");
                open = false;
            } else {
                String plain = plainLine(line);
                if (plain == null) {
                    return null;
                }
                html.append(open ? "\n" : "<p>").append(plain);
                open = true;
            }
            start = end + 1;
        }
        return html.append(open ? "</p>\n" : "").toString();
    }

    /** Renders one paragraph's worth of markdown without the surrounding {@code <p>}. */
    public String renderInline(String markdown) {
        String plain = shortcuts ? plainLine(markdown) : null;
        if (plain != null) {
            return plain;
        }
        String html = renderer.render((markdown.indexOf('\n') < 0 && markdown.indexOf('\r') < 0 ? lineParser : parser)
                .parse(markdown)).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    /**
     * The HTML of {@code text} if it is one line of plain text and code spans, as flexmark renders it; null otherwise.
     * Plain text has no character that starts a construct anywhere in a line, nothing at its start that makes a
     * block (a list item, a rule, a code block, a heading), no space at either end and no control character; a
     * code span is one backtick, some text without one (and without a space at either end), and one backtick.
     * Flexmark takes about 20 µs to set up a parse and a render for such a line, and most options and prompts
     * shipped are such lines.
     */
    static String plainLine(String text) {
        if (text.isEmpty() || "-+=0123456789".indexOf(text.charAt(0)) >= 0 || !visible(text.charAt(0))
                || !visible(text.charAt(text.length() - 1))) {
            return null;
        }
        var html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                int close = text.indexOf('`', i + 1);
                if (close < 0 || close == i + 1 || close + 1 < text.length() && text.charAt(close + 1) == '`') {
                    return null;
                }
                String code = text.substring(i + 1, close);
                // flexmark trims a code span's spaces its own way: one with a space at either end is left to it
                if (code.charAt(0) == ' ' || code.charAt(code.length() - 1) == ' '
                        || code.chars().anyMatch(k -> k < ' ' || k == 0x7f)) {
                    return null;
                }
                html.append("<code>").append(code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;")).append("</code>");
                i = close;
            } else if (c < ' ' || c == 0x7f || "\\*_[]<>&!#|~".indexOf(c) >= 0) {
                return null;
            } else if (c == '"') {
                html.append("&quot;");
            } else {
                html.append(c);
            }
        }
        return html.toString();
    }

    private static boolean visible(char c) {
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }

    static boolean isSafeUrl(String url) {
        String compact = url.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        return !(compact.startsWith("javascript:") || compact.startsWith("data:") || compact.startsWith("vbscript:"));
    }

    private static final class SafeLinks extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return (Node node, AttributablePart part, MutableAttributes attributes) -> {
                if (node instanceof Link || node instanceof LinkRef || node instanceof AutoLink) {
                    neutralise(attributes, "href");
                    attributes.replaceValue("rel", "nofollow noopener noreferrer");
                } else if (node instanceof Image || node instanceof ImageRef) {
                    neutralise(attributes, "src");
                } else if ((node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) && part == AttributablePart.NODE) {
                    attributes.replaceValue("tabindex", "0");
                }
            };
        }

        private static void neutralise(MutableAttributes attributes, String name) {
            var value = attributes.getValue(name);
            if (value != null && !isSafeUrl(value)) {
                attributes.replaceValue(name, "#");
            }
        }
    }

    /**
     * Flexmark's inline parser, but a regular expression's match is read from the {@link Matcher} itself. Flexmark
     * takes a {@link Matcher#toMatchResult()} of every match, and on Java 17 that copies the whole paragraph being
     * parsed, character by character through flexmark's segmented sequences: a paragraph with n code spans was copied
     * n times. That was half the time of loading content/. What is matched, and so the HTML, is the same.
     */
    private static final class MatchInPlace extends CommonmarkInlineParser {
        MatchInPlace(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                     Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                     List<InlineParserExtensionFactory> extensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
        }

        @Override
        public BasedSequence match(Pattern re) {
            Matcher matcher = find(re);
            return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
        }

        @Override
        public BasedSequence[] matchWithGroups(Pattern re) {
            Matcher matcher = find(re);
            if (matcher == null) {
                return null;
            }
            var groups = new BasedSequence[matcher.groupCount() + 1];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i), matcher.end(i));
            }
            return groups;
        }

        /** The next match from the current index on, with the index moved past it; null when there is none. */
        private Matcher find(Pattern re) {
            if (index >= input.length()) {
                return null;
            }
            Matcher matcher = re.matcher(input);
            matcher.region(index, input.length());
            if (!matcher.find()) {
                return null;
            }
            index = matcher.end();
            return matcher;
        }
    }

    /** Renders an image as the text that was written, escaped: nothing is fetched. */
    private static final class ImagesAsText implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Image.class, (node, context, html) -> html.text(node.getChars().toString())),
                    new NodeRenderingHandler<>(ImageRef.class, (node, context, html) -> html.text(node.getChars().toString())));
        }
    }
}
