package dev.skillmark.content.gift;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Question ids for imported questions: the bank's name, then the GIFT title (or the prompt) as a slug. */
final class Ids {

    private static final int MAX_SLUG = 48;

    private final String bankId;
    private final Set<String> used = new HashSet<>();

    Ids(String bankId) {
        this.bankId = bankId;
    }

    /** A new id, unique within this import; the bank prefix keeps it apart from other banks' ids. */
    String next(String name) {
        String slug = slug(name);
        String base = slug.isEmpty() ? bankId + "-q" : slug.startsWith(bankId + "-") ? slug : bankId + "-" + slug;
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            int cut = slug.lastIndexOf('-', MAX_SLUG);
            slug = slug.substring(0, cut > MAX_SLUG / 2 ? cut : MAX_SLUG).replaceAll("-+$", "");
        }
        return slug;
    }
}
