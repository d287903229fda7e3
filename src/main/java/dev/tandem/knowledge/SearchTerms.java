package dev.tandem.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A text as the keyword search sees it: the words that carry meaning, stemmed with the language's
 * analyzer, stop words gone. Lets other modules compare a question with a passage the way the
 * index does ("returning" and "returns" are one term).
 */
public final class SearchTerms {

    private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

    private SearchTerms() {
    }

    /** The terms of {@code text} in order, repeats kept. */
    public static List<String> of(String text, String language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String code = new KnowledgeArticle("", "", "", language, false).language();
        Analyzer analyzer = ANALYZERS.computeIfAbsent(code, Analyzers::forLanguage);
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
