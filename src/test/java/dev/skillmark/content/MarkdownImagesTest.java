package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** content/README.md says images are not supported and are shown as text: the renderer agrees. */
class MarkdownImagesTest {

    private final Markdown markdown = new Markdown();

    @Test
    void an_image_is_shown_as_its_text_and_nothing_is_loaded() {
        for (String md : new String[]{"See ![a diagram](https://evil.example/track.png) here.",
                "![local](/static/icons/logo.svg)", "![x](data:image/png;base64,AAAA)",
                "![ref][img]\n\n[img]: https://evil.example/a.png", "![<b>bold</b>](x.png \"t\")"}) {
            String html = markdown.render(md);
            assertThat(html).as(md).doesNotContain("<img").doesNotContain("src=").doesNotContain("<b>");
        }
        assertThat(markdown.render("See ![a diagram](https://evil.example/track.png) here."))
                .contains("![a diagram](https://evil.example/track.png)");
    }

    @Test
    void links_still_render() {
        assertThat(markdown.render("[docs](https://example.org)")).contains("<a href=\"https://example.org\"");
    }
}
