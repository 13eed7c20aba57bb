package dev.skillmark.content.gift;

import dev.skillmark.content.Catalog;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import dev.skillmark.content.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code import-gift} and {@code export-gift} commands. They return the process exit code and write
 * only to the stream they are given: 0 when everything went across, 1 when something did not.
 */
public final class GiftCommands {

    private static final Pattern BANK_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private GiftCommands() {
    }

    /**
     * Writes {@code content/skills/<bankName>.md} from a GIFT file, never over an existing file, then loads
     * the content folder and prints what the loader says about the new bank. Exit 1 when a question was
     * skipped, when the new bank does not load cleanly, or when nothing was written.
     */
    public static int importGift(Path giftFile, String bankName, Path contentDir, PrintStream out) {
        if (!BANK_NAME.matcher(bankName).matches()) {
            out.println("the bank name '" + bankName + "' must be lower-case letters, digits and '-'");
            return 1;
        }
        Path target = contentDir.resolve("skills").resolve(bankName + ".md");
        if (Files.exists(target)) {
            out.println(target + " already exists: choose another bank name, or delete the file first");
            return 1;
        }
        String gift;
        try {
            gift = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(giftFile))).toString();
        } catch (CharacterCodingException e) {
            out.println(giftFile + ":1: the file is not valid UTF-8 (Moodle exports GIFT as UTF-8)");
            return 1;
        } catch (IOException e) {
            out.println(giftFile + ":1: cannot read the file: " + e.getMessage());
            return 1;
        }
        var result = GiftImport.toMarkdown(gift, giftFile.toString(), bankName, titleOf(bankName));
        result.problems().forEach(out::println);
        if (result.imported() == 0) {
            out.println("no question could be imported: nothing written");
            return 1;
        }
        var before = new HashSet<>(load(contentDir).problems());
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, result.markdown(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            out.println(target + " already exists: choose another bank name, or delete the file first");
            return 1;
        } catch (IOException e) {
            out.println("cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + target + ": " + dev.skillmark.web.Format.INSTANCE.count(result.imported(), "question", "questions") + " imported, " + result.skipped()
                + " skipped");
        // only what the new file brought: problems other files already had are not this import's doing
        var added = load(contentDir).problems().stream().filter(p -> !before.contains(p)).toList();
        added.forEach(out::println);
        return result.skipped() > 0 || !added.isEmpty() ? 1 : 0;
    }

    /**
     * Prints the bank as GIFT. What GIFT cannot state is printed first as {@code //} comments, which Moodle
     * ignores, so the output can still be redirected to a file. Exit 1 when a question was left out.
     */
    public static int exportGift(String bankName, Path contentDir, PrintStream out) {
        var catalog = load(contentDir);
        var bank = catalog.bank(bankName);
        if (bank.isEmpty()) {
            var own = catalog.problems().stream().filter(p -> p.file().equals("skills/" + bankName + ".md")).toList();
            out.println(own.isEmpty() ? "// no bank named '" + bankName + "' in " + contentDir.resolve("skills")
                    : "// bank '" + bankName + "' has problems, fix them first:");
            own.forEach(p -> out.println("// " + p));
            return 1;
        }
        String markdown;
        try {
            markdown = Files.readString(contentDir.resolve(bank.get().source().file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("// cannot read " + bank.get().source().file() + ": " + e.getMessage());
            return 1;
        }
        var result = GiftExport.fromBank(bank.get(), markdown);
        for (Problem p : result.problems()) {
            out.println("// " + p);
        }
        out.print(result.gift());
        return result.skipped() > 0 ? 1 : 0;
    }

    private static Catalog load(Path contentDir) {
        return new ContentLoader(new Markdown()).load(contentDir);
    }

    /** "node-basics" gives "Node basics": a starting title the trainer can edit in the front matter. */
    private static String titleOf(String bankName) {
        String words = bankName.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
