package dev.tandem.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML page as an article: the title from {@code <title>} or the first {@code <h1>}, the
 * content of {@code <main>} or {@code <article>} (else the body) as Markdown-like text. Headings,
 * paragraphs, lists, tables and code blocks keep their structure because the chunker cuts at
 * headings and blocks; links keep their text only; scripts, styles, navigation and forms go.
 */
final class HtmlToMarkdown {

    private static final Set<String> DROPPED = Set.of("script", "style", "nav", "noscript", "template", "iframe",
            "object", "embed", "svg", "canvas", "form", "button", "select", "input", "textarea", "footer", "aside",
            "img", "video", "audio", "head");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "header", "figure",
            "figcaption", "details", "summary", "dl", "dd", "dt", "address", "center", "body", "fieldset");

    private final List<String> blocks = new ArrayList<>();
    private final StringBuilder loose = new StringBuilder();

    private HtmlToMarkdown() {
    }

    static ArticleFile convert(String slug, String fallbackTitle, String html) {
        Document page = Jsoup.parse(html);
        String language = page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang");
        language = language.length() >= 2 && language.substring(0, 2).matches("[a-zA-Z]{2}")
                && (language.length() == 2 || language.charAt(2) == '-' || language.charAt(2) == '_')
                        ? language.substring(0, 2).toLowerCase(Locale.ROOT) : null;
        String title = page.title().strip();
        page.select(String.join(", ", DROPPED)).remove();
        Element root = page.selectFirst("main, article, [role=main]");
        if (root == null) {
            root = page.body();
        }
        Element h1 = root.selectFirst("h1");
        if (title.isEmpty() && h1 != null) {
            title = h1.text().strip();
        }
        if (h1 != null && h1.text().strip().equals(title)) {
            h1.remove();
        }
        if (title.isEmpty()) {
            title = fallbackTitle;
        }
        var converter = new HtmlToMarkdown();
        converter.children(root);
        converter.flush();
        return new ArticleFile(slug, title, String.join("\n\n", converter.blocks), null, language, null, null);
    }

    private void children(Element element) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                loose.append(collapse(text.getWholeText()));
            } else if (node instanceof Element child) {
                block(child);
            }
        }
    }

    private void block(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flush();
                add("#".repeat(tag.charAt(1) - '0') + " " + inline(e));
            }
            case "p" -> {
                flush();
                add(inline(e));
            }
            case "ul", "ol" -> {
                flush();
                List<String> lines = new ArrayList<>();
                list(e, 0, lines);
                add(String.join("\n", lines));
            }
            case "pre" -> {
                flush();
                String code = e.wholeText().strip();
                if (!code.isEmpty()) {
                    blocks.add("```\n" + code + "\n```");
                }
            }
            case "blockquote" -> {
                flush();
                var quoted = new HtmlToMarkdown();
                quoted.children(e);
                quoted.flush();
                if (!quoted.blocks.isEmpty()) {
                    blocks.add("> " + String.join("\n\n", quoted.blocks).replace("\n", "\n> "));
                }
            }
            case "table" -> {
                flush();
                table(e);
            }
            case "br" -> loose.append(' ');
            case "hr" -> flush();
            default -> {
                if (CONTAINERS.contains(tag)) {
                    flush();
                    children(e);
                    flush();
                } else {
                    loose.append(inline(e));
                }
            }
        }
    }

    private void list(Element list, int depth, List<String> lines) {
        int n = 1;
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            var text = new StringBuilder();
            List<Element> nested = new ArrayList<>();
            for (Node node : item.childNodes()) {
                if (node instanceof Element child && (child.normalName().equals("ul") || child.normalName().equals("ol"))) {
                    nested.add(child);
                } else if (node instanceof TextNode t) {
                    text.append(collapse(t.getWholeText()));
                } else if (node instanceof Element child) {
                    text.append(' ').append(inline(child)).append(' ');
                }
            }
            String marker = list.normalName().equals("ol") ? (n++) + ". " : "- ";
            lines.add("    ".repeat(depth) + marker + collapse(text.toString()).strip());
            nested.forEach(sub -> list(sub, depth + 1, lines));
        }
    }

    private void table(Element table) {
        List<String> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    cells.add(inline(cell).replace("|", "\\|"));
                }
            }
            if (!cells.isEmpty()) {
                rows.add("| " + String.join(" | ", cells) + " |");
                if (rows.size() == 1) {
                    rows.add("|" + " --- |".repeat(cells.size()));
                }
            }
        }
        if (!rows.isEmpty()) {
            blocks.add(String.join("\n", rows));
        }
    }

    /** The text of an element with emphasis and code marked; a link keeps its text. */
    private static String inline(Element element) {
        var out = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                out.append(collapse(text.getWholeText()));
            } else if (node instanceof Element child) {
                String inner = inline(child);
                String tag = child.normalName();
                if (DROPPED.contains(tag)) {
                    continue;
                }
                if (inner.isBlank()) {
                    out.append(tag.equals("br") ? " " : inner);
                    continue;
                }
                switch (tag) {
                    case "strong", "b" -> out.append("**").append(inner.strip()).append("**");
                    case "em", "i" -> out.append('*').append(inner.strip()).append('*');
                    case "code", "kbd" -> out.append('`').append(inner.strip()).append('`');
                    case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> out.append(' ').append(inner).append(' ');
                    default -> out.append(inner);
                }
            }
        }
        return collapse(out.toString()).strip();
    }

    private static String collapse(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ");
    }

    private void add(String block) {
        if (!block.isBlank()) {
            blocks.add(block.strip());
        }
    }

    private void flush() {
        add(collapse(loose.toString()));
        loose.setLength(0);
    }
}
