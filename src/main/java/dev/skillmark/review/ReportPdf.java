package dev.skillmark.review;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns a report's XHTML into a PDF (openhtmltopdf: well-formed XHTML with its CSS inside, no scripts). */
public final class ReportPdf {

    private ReportPdf() {
    }

    public static byte[] of(String xhtml) {
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
