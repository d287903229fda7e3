package dev.tandem.knowledge;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * An article's Markdown as HTML for the editor's preview. Raw HTML in the text is escaped, not
 * passed through, and link targets such as {@code javascript:} are dropped: an article's author is
 * not trusted to put markup into the pages of everyone who reads it.
 */
@Component
class MarkdownPreview {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    String html(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
