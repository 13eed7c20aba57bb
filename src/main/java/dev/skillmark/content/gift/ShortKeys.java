package dev.skillmark.content.gift;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Short-answer keys. Moodle compares keys ignoring case and reads an unescaped {@code *} as "anything";
 * Skillmark compares plain keys ignoring case and whitespace, and reads {@code /re/i} as a regular expression.
 */
final class ShortKeys {

    private static final Pattern SKILLMARK_REGEX = Pattern.compile("/(.+)/(i?)");
    private static final String REGEX_SPECIAL = "\\^$.|?*+()[]{}/-";

    private ShortKeys() {
    }

    /** The Skillmark key for a GIFT key; a wildcard, or text Skillmark would misread, becomes a regular expression. */
    static Optional<String> toSkillmark(String gift) {
        String key = gift.strip().replaceAll("\\s+", " ");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        boolean wildcard = key.replace("\\*", "").contains("*");
        boolean misread = key.contains(" | ") || SKILLMARK_REGEX.matcher(key).matches();
        if (!wildcard && !misread) {
            return Optional.of(key.replace("\\*", "*"));
        }
        var regex = new StringBuilder("/");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' && i + 1 < key.length() && key.charAt(i + 1) == '*') {
                regex.append("\\*");
                i++;
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == ' ') {
                regex.append("\\s+");       // never a literal " | ", which would split the Answer: line
            } else if (REGEX_SPECIAL.indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return Optional.of(regex.append("/i").toString());
    }

    /**
     * The GIFT key for a Skillmark key, or empty for a regular expression GIFT cannot state. A case-blind
     * expression made only of literal characters, {@code \s+} and {@code .*} is a Moodle wildcard key.
     */
    static Optional<String> toGift(String skillmark) {
        var regex = SKILLMARK_REGEX.matcher(skillmark.strip());
        if (!regex.matches()) {
            return Optional.of(GiftText.escape(skillmark.strip()).replace("*", "\\*"));
        }
        if (regex.group(2).isEmpty()) {
            return Optional.empty();    // case-sensitive: Moodle's GIFT keys never are
        }
        String pattern = regex.group(1);
        var key = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
            if (c == '.' && next == '*') {
                key.append('*');
                i++;
            } else if (c == '\\' && next == 's' && i + 2 < pattern.length() && pattern.charAt(i + 2) == '+') {
                key.append(' ');
                i += 2;
            } else if (c == '\\' && next != 0 && REGEX_SPECIAL.indexOf(next) >= 0) {
                key.append(GiftText.escape(String.valueOf(next)).replace("*", "\\*"));
                i++;
            } else if (REGEX_SPECIAL.indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                key.append(GiftText.escape(String.valueOf(c)));
            }
        }
        return Optional.of(key.toString());
    }
}
