package dev.skillmark.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One page of a long list: which rows it shows out of how many. The page and size come from the query string and
 * are clamped, never refused: a page past the end shows the last one, a size out of range the nearest allowed.
 */
public record Paging(int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MIN_SIZE = 10;
    public static final int MAX_SIZE = 200;
    /** What the "per page" box offers. */
    public static final List<Integer> SIZES = List.of(25, 50, 100, 200);

    public Paging {
        size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
        total = Math.max(0, total);
        page = Math.max(1, Math.min(page, pages(total, size)));
    }

    /** The page the query string asks for, on a list of {@code total} rows. */
    public static Paging of(String pageText, String sizeText, long total) {
        return new Paging(number(pageText, 1), number(sizeText, DEFAULT_SIZE), total);
    }

    /** The size the query string asks for, clamped as a {@link Paging} clamps it. */
    public static int size(String sizeText) {
        return new Paging(1, number(sizeText, DEFAULT_SIZE), 0).size();
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public int pages() {
        return pages(total, size);
    }

    /** The position of the first row shown, counted from 1; 0 when there is none. */
    public long first() {
        return total == 0 ? 0 : offset() + 1;
    }

    public long last() {
        return Math.min(total, offset() + size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** "Showing 51–100 of 10,000 attempts (page 2 of 200).", or "Nothing matches." when there is none. */
    public String showing(String singular, String plural) {
        if (total == 0) {
            return "Nothing matches.";
        }
        String noun = total == 1 ? singular : plural;
        return String.format(Locale.ROOT, "Showing %,d–%,d of %,d %s", first(), last(), total, noun)
                + (pages() > 1 ? String.format(Locale.ROOT, " (page %,d of %,d)", page, pages()) : "") + ".";
    }

    /** The page numbers to link: the first, the last and two either side of this one; 0 stands for a gap. */
    public List<Integer> links() {
        var links = new ArrayList<Integer>();
        int pages = pages();
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
                links.add(p);
            } else if (!links.isEmpty() && links.get(links.size() - 1) != 0) {
                links.add(0);
            }
        }
        return links;
    }

    private static int pages(long total, int size) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, total / size + (total % size == 0 ? 0 : 1)));
    }

    /** A whole number of at most nine digits, else the default: "abc", "-1" and "1e9" all fall back. */
    private static int number(String text, int otherwise) {
        return text != null && text.strip().matches("\\d{1,9}") ? Integer.parseInt(text.strip()) : otherwise;
    }
}
