package dev.tandem.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One article read from a file: Markdown with or without YAML front matter, HTML, or plain text.
 * The one place that knows these formats; the import and the demo knowledge base both read through
 * it.
 *
 * <p>Front matter keys: {@code title}, {@code slug}, {@code tags} (a list, or words separated by
 * commas), {@code language}, {@code audience} ({@code public} or {@code internal}) and
 * {@code translation_of} (also spelled {@code translation-of}): the slug of the original, and
 * {@code questions}: a list of the questions the article answers, as customers ask them.
 *
 * @param slug from the front matter, else from the file name
 * @param tags null when the file does not say (a re-import then keeps the article's tags)
 * @param language null when the file does not say
 * @param audience null when the file does not say
 * @param translationOf the slug of the original, or null
 * @param questions the questions it answers; null when the file does not say (a re-import keeps them)
 */
public record ArticleFile(String slug, String title, String body, List<String> tags, String language,
        ArticleAudience audience, String translationOf, List<String> questions) {

    public ArticleFile(String slug, String title, String body, List<String> tags, String language,
            ArticleAudience audience, String translationOf) {
        this(slug, title, body, tags, language, audience, translationOf, null);
    }

    /** The file name endings this reads, lower case. */
    public static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".html", ".htm", ".txt");

    private static final Pattern H1 = Pattern.compile("^ {0,3}#[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    public static boolean readable(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Reads a file by the ending of its name.
     *
     * @throws IllegalArgumentException saying what is wrong with the file, for the import report
     */
    public static ArticleFile parse(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        content = content.replace("\r\n", "\n").replace('\r', '\n');
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HtmlToMarkdown.convert(slugOf(fileName), titleOf(fileName), content);
        }
        if (name.endsWith(".txt")) {
            return plainText(fileName, content);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return markdown(fileName, content);
        }
        throw new IllegalArgumentException("not a Markdown (.md), HTML (.html) or text (.txt) file");
    }

    private static ArticleFile markdown(String fileName, String content) {
        Map<String, Object> front = Map.of();
        String body = content;
        if (content.startsWith("---\n")) {
            int end = frontMatterEnd(content);
            if (end < 0) {
                throw new IllegalArgumentException("the front matter starts with '---' but no line '---' ends it");
            }
            front = yaml(content.substring(Math.min(4, end), end));
            int close = content.indexOf('\n', end + 1);
            body = close < 0 ? "" : content.substring(close + 1);
        }
        String title = string(front, "title");
        if (title == null) {
            String[] headed = headingTitle(body);
            title = headed != null ? headed[0] : titleOf(fileName);
            body = headed != null ? headed[1] : body;
        }
        String slug = string(front, "slug");
        return new ArticleFile(slug != null ? slug : slugOf(fileName), title, body.strip(), tags(front),
                string(front, "language", "lang"), audience(front),
                string(front, "translation_of", "translation-of", "translationOf"), questions(front));
    }

    private static ArticleFile plainText(String fileName, String content) {
        String text = content.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        int newline = text.indexOf('\n');
        String title = newline < 0 ? text : text.substring(0, newline).strip();
        String body = newline < 0 ? "" : text.substring(newline + 1).strip();
        return new ArticleFile(slugOf(fileName), title, body, null, null, null, null);
    }

    /** The offset of the closing {@code ---} (or {@code ...}) line of the front matter, or -1. */
    private static int frontMatterEnd(String content) {
        int from = 3;
        while (true) {
            int line = content.indexOf('\n', from);
            if (line < 0) {
                return -1;
            }
            int next = content.indexOf('\n', line + 1);
            String text = content.substring(line + 1, next < 0 ? content.length() : next).stripTrailing();
            if (text.equals("---") || text.equals("...")) {
                return line;
            }
            from = line + 1;
        }
    }

    private static Map<String, Object> yaml(String text) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new IllegalArgumentException("the front matter is not valid YAML: " + e.getProblem()
                    + (mark != null ? " (front matter line " + (mark.getLine() + 1) + ")" : ""));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the front matter is not valid YAML");
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the front matter must be 'key: value' lines");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> front = (Map<String, Object>) map;
        return front;
    }

    private static String string(Map<String, Object> front, String... keys) {
        for (String key : keys) {
            Object value = front.get(key);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new IllegalArgumentException("'" + key + "' in the front matter must be a single value");
            }
            if (value != null && !String.valueOf(value).isBlank()) {
                return String.valueOf(value).strip();
            }
        }
        return null;
    }

    private static List<String> tags(Map<String, Object> front) {
        Object value = front.get("tags");
        if (value == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(tag -> tags.add(String.valueOf(tag).strip()));
        } else {
            for (String tag : String.valueOf(value).split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        return tags;
    }

    private static List<String> questions(Map<String, Object> front) {
        Object value = front.get("questions");
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("questions in the front matter must be a list of questions");
        }
        return list.stream().map(String::valueOf).map(String::strip).filter(q -> !q.isEmpty()).toList();
    }

    private static ArticleAudience audience(Map<String, Object> front) {
        String value = string(front, "audience");
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "public", "customer", "customers" -> ArticleAudience.PUBLIC;
            case "internal", "agent", "agents" -> ArticleAudience.INTERNAL;
            default -> throw new IllegalArgumentException(
                    "audience in the front matter must be 'public' or 'internal' (got '" + value + "')");
        };
    }

    /** The first {@code # } heading outside code blocks, and the body without it when it opens the text. */
    private static String[] headingTitle(String body) {
        String[] lines = body.split("\n", -1);
        boolean inFence = false;
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            if (FENCE.matcher(lines[i]).find()) {
                inFence = !inFence;
            }
            Matcher h1 = H1.matcher(lines[i]);
            if (!inFence && h1.matches()) {
                String rest = first ? String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length))
                        : body;
                return new String[] { h1.group(1).strip(), rest };
            }
            if (!lines[i].isBlank()) {
                first = false;
            }
        }
        return null;
    }

    /** "Return an item.md" → "return-an-item"; accents are dropped, anything else becomes a hyphen. */
    public static String slugOf(String fileName) {
        String base = baseName(fileName);
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > ArticleProblems.MAX_TITLE) {
            ascii = ascii.substring(0, ArticleProblems.MAX_TITLE).replaceAll("-+[a-z0-9]*$", "");
        }
        return ascii;
    }

    /** "return-an-item.md" → "Return an item". */
    static String titleOf(String fileName) {
        String words = baseName(fileName).replaceAll("[-_]+", " ").strip();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String baseName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
