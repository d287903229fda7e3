package dev.tandem.understanding;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads intent examples from CSV: a header {@code text,label}, RFC 4180 quoting, CRLF or LF line
 * ends. Every problem is reported with its line, so that an admin can fix the file.
 */
final class IntentCsv {

    /** What is wrong with a file, in words for the person who uploaded it. */
    static final class InvalidCsv extends RuntimeException {
        InvalidCsv(String message) {
            super(message);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).get();

    private IntentCsv() {
    }

    static List<IntentExample> read(Reader reader) {
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
            if (!header.contains("text") || !header.contains("label")) {
                throw new InvalidCsv("the header must be 'text,label', found '" + String.join(",", header) + "'");
            }
            int textColumn = header.indexOf("text");
            int labelColumn = header.indexOf("label");
            List<IntentExample> examples = new ArrayList<>();
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                if (row.size() <= Math.max(textColumn, labelColumn)) {
                    throw new InvalidCsv("line " + line + ": expected the columns text and label, found " + row.size()
                            + " column(s)");
                }
                String text = row.get(textColumn).strip();
                String label = row.get(labelColumn).strip();
                if (text.isEmpty()) {
                    throw new InvalidCsv("line " + line + ": the text is empty");
                }
                if (label.isEmpty()) {
                    throw new InvalidCsv("line " + line + ": the label is empty");
                }
                examples.add(new IntentExample(text, label));
            }
            if (examples.isEmpty()) {
                throw new InvalidCsv("the file has a header but no examples");
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // commons-csv's words for a broken quote or a duplicate header name
            throw new InvalidCsv("not a valid CSV file: " + e.getMessage());
        }
    }
}
