package dev.tandem.guardrails;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The prompt-injection rules of {@code guardrails/injection-rules.yml}. */
final class InjectionRules implements Signals {

    static final String RESOURCE = "guardrails/injection-rules.yml";

    private record Rule(String name, Pattern pattern, boolean decisive) {
    }

    private final List<Rule> rules;

    private InjectionRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @SuppressWarnings("unchecked")
    static InjectionRules bundled() {
        Map<String, Object> yaml = Yamls.read(RESOURCE);
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) yaml.get("rules")) {
            rules.add(new Rule((String) rule.get("name"), Pattern.compile((String) rule.get("pattern"), Pattern.UNICODE_CHARACTER_CLASS),
                    Boolean.TRUE.equals(rule.get("decisive"))));
        }
        return new InjectionRules(rules);
    }

    @Override
    public int size() {
        return rules.size();
    }

    @Override
    public Reading read(String normalised) {
        double[] values = new double[rules.size()];
        List<String> decisive = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.pattern().matcher(normalised).find()) {
                values[i] = 1;
                matched.add(rule.name());
                if (rule.decisive()) {
                    decisive.add(rule.name());
                }
            }
        }
        return new Reading(values, decisive, matched);
    }

    /** Reads the YAML resources of the guards, with SnakeYAML's safe constructor (no arbitrary types). */
    static final class Yamls {

        private Yamls() {
        }

        static Map<String, Object> read(String resource) {
            try (InputStream in = InjectionRules.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the class path");
                }
                return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
