package dev.tandem.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The cue patterns of {@code quality/cues.yml}, every language's of one kind together. */
final class Cues {

    static final String RESOURCE = "quality/cues.yml";

    private final Map<String, List<Pattern>> byKind;

    private Cues(Map<String, List<Pattern>> byKind) {
        this.byKind = byKind;
    }

    static Cues bundled() {
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return read(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Cues read(Object yaml) {
        Map<String, List<Pattern>> kinds = new LinkedHashMap<>();
        ((Map<String, Object>) yaml).forEach((kind, languages) -> {
            List<Pattern> patterns = new ArrayList<>();
            ((Map<String, Object>) languages).forEach((language, cues) -> {
                for (Object cue : (List<Object>) cues) {
                    try {
                        patterns.add(Pattern.compile(String.valueOf(cue)));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalStateException(RESOURCE + ": " + kind + "." + language + ": " + e.getMessage(), e);
                    }
                }
            });
            kinds.put(kind, List.copyOf(patterns));
        });
        return new Cues(kinds);
    }

    List<Pattern> of(String kind) {
        List<Pattern> patterns = byKind.get(kind);
        if (patterns == null) {
            throw new IllegalArgumentException("no cues of kind " + kind + " in " + RESOURCE);
        }
        return patterns;
    }
}
