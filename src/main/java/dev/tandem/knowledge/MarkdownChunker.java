package dev.tandem.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an article into chunks along its structure: a heading starts a new section, and a section is
 * packed from whole blocks (paragraphs, lists, code blocks, tables) up to {@code maxWords}. A block
 * longer than that is split at sentence ends. A short last chunk joins the one before it in the same
 * section, so that chunks stay above {@code minWords} where the text allows.
 *
 * <p>Each chunk keeps its heading path; the article title is added when indexing.
 */
final class MarkdownChunker {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+.*");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int minWords;
    private final int maxWords;

    MarkdownChunker(int minWords, int maxWords) {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords");
        }
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    /** 40 to 300 words: long enough to carry an answer, short enough for bge-small's 512 tokens. */
    static MarkdownChunker standard() {
        return new MarkdownChunker(40, 300);
    }

    List<Chunk> chunk(KnowledgeArticle article) {
        List<Chunk> chunks = new ArrayList<>();
        List<Block> section = new ArrayList<>();
        List<String> path = List.of();
        for (Block block : blocks(article.body())) {
            if (!block.path().equals(path)) {
                pack(article, path, section, chunks);
                section.clear();
                path = block.path();
            }
            section.add(block);
        }
        pack(article, path, section, chunks);
        if (chunks.isEmpty()) {
            // An article with a title only is still findable by its title.
            chunks.add(new Chunk(article.id(), article.title(), List.of(), "", article.internal()));
        }
        return chunks;
    }

    private void pack(KnowledgeArticle article, List<String> path, List<Block> section, List<Chunk> chunks) {
        List<String> pieces = new ArrayList<>();
        for (Block block : section) {
            if (words(block.text()) > maxWords && !block.verbatim()) {
                pieces.addAll(block.text().contains("\n") ? splitLines(block.text()) : splitLong(block.text()));
            } else {
                pieces.add(block.text());
            }
        }
        List<StringBuilder> packed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String piece : pieces) {
            int size = words(piece);
            int last = packed.size() - 1;
            if (last >= 0 && sizes.get(last) + size <= maxWords) {
                packed.get(last).append("\n\n").append(piece);
                sizes.set(last, sizes.get(last) + size);
            } else {
                packed.add(new StringBuilder(piece));
                sizes.add(size);
            }
        }
        int last = packed.size() - 1;
        // A short tail reads better with the text before it, even a little above maxWords.
        if (last > 0 && sizes.get(last) < minWords && sizes.get(last - 1) + sizes.get(last) <= maxWords + minWords) {
            packed.get(last - 1).append("\n\n").append(packed.remove(last));
        }
        for (StringBuilder text : packed) {
            chunks.add(new Chunk(article.id(), article.title(), path, text.toString(), article.internal()));
        }
    }

    /** A long list: its lines (items) packed up to maxWords, so that no item is cut unless it is itself too long. */
    private List<String> splitLines(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int size = 0;
        for (String line : text.split("\n")) {
            int n = words(line);
            if (n > maxWords) {
                if (size > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                    size = 0;
                }
                parts.addAll(splitLong(line));
                continue;
            }
            if (size > 0 && size + n > maxWords) {
                parts.add(current.toString());
                current.setLength(0);
                size = 0;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
            size += n;
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** Sentences packed up to maxWords; a single sentence longer than that is cut by words. */
    private List<String> splitLong(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int size = 0;
        for (String sentence : SENTENCE_END.split(text)) {
            int n = words(sentence);
            if (n > maxWords) {
                String[] tokens = WHITESPACE.split(sentence.strip());
                for (int from = 0; from < tokens.length; from += maxWords) {
                    if (size > 0) {
                        parts.add(current.toString());
                        current.setLength(0);
                        size = 0;
                    }
                    String[] slice = Arrays.copyOfRange(tokens, from, Math.min(tokens.length, from + maxWords));
                    current.append(String.join(" ", slice));
                    size = slice.length;
                }
                continue;
            }
            if (size > 0 && size + n > maxWords) {
                parts.add(current.toString());
                current.setLength(0);
                size = 0;
            }
            if (size > 0) {
                current.append(' ');
            }
            current.append(sentence.strip());
            size += n;
        }
        if (size > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    private record Block(List<String> path, String text, boolean verbatim) {
    }

    /** Splits Markdown into blocks, each under the heading path it appears in. */
    private static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] headings = new String[6];
        List<String> path = List.of();
        StringBuilder current = new StringBuilder();
        boolean inList = false;
        boolean blankInList = false;
        boolean inFence = false;
        String fence = null;
        for (String line : markdown.split("\\R", -1)) {
            if (inFence) {
                current.append('\n').append(line);
                if (line.strip().startsWith(fence)) {
                    blocks.add(new Block(path, current.toString(), true));
                    current.setLength(0);
                    inFence = false;
                }
                continue;
            }
            Matcher fenceStart = FENCE.matcher(line);
            if (fenceStart.matches()) {
                flush(blocks, path, current);
                inList = false;
                inFence = true;
                fence = fenceStart.group(1);
                current.append(line);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                flush(blocks, path, current);
                inList = false;
                int level = heading.group(1).length();
                headings[level - 1] = heading.group(2);
                for (int i = level; i < headings.length; i++) {
                    headings[i] = null;
                }
                List<String> next = new ArrayList<>();
                for (String h : headings) {
                    if (h != null && !h.isBlank()) {
                        next.add(h);
                    }
                }
                path = List.copyOf(next);
                continue;
            }
            if (line.isBlank()) {
                // A list survives blank lines between its items; a paragraph ends at one.
                if (inList) {
                    blankInList = true;
                } else {
                    flush(blocks, path, current);
                }
                continue;
            }
            boolean item = LIST_ITEM.matcher(line).matches();
            if (item && !inList) {
                flush(blocks, path, current);
                inList = true;
            } else if (inList && !item && !Character.isWhitespace(line.charAt(0)) && blankInList) {
                // an unindented line after a blank line is a new paragraph, not part of the list
                flush(blocks, path, current);
                inList = false;
            }
            blankInList = false;
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(inList ? line.stripTrailing() : line.strip());
        }
        flush(blocks, path, current);
        if (inFence) {
            blocks.add(new Block(path, current.toString(), true));
        }
        return blocks;
    }

    private static void flush(List<Block> blocks, List<String> path, StringBuilder current) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            blocks.add(new Block(path, text, false));
        }
        current.setLength(0);
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }
}
