package dev.tandem.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/** The Lucene analyzer (stemming, stop words) of an article's language. */
final class Analyzers {

    private Analyzers() {
    }

    static Analyzer forLanguage(String language) {
        return switch (language) {
            case "en" -> new EnglishAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "sv" -> new SwedishAnalyzer();
            case "da" -> new DanishAnalyzer();
            case "no", "nb", "nn" -> new NorwegianAnalyzer();
            case "fi" -> new FinnishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "tr" -> new TurkishAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            // No stemmer for the language: plain tokens still match exact words.
            default -> new StandardAnalyzer();
        };
    }
}
