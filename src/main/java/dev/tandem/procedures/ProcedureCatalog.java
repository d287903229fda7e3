package dev.tandem.procedures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The procedures in effect, read once at start from {@code tandem.procedures.locations} (and the demo's).
 * A definition that does not make sense (an unknown step, a broken expression, a value used before it is
 * asked) stops the start with the file and the reason, rather than failing a customer later.
 */
@Component
class ProcedureCatalog {

    static final String DEMO_LOCATION = "classpath*:demo/procedures/*.yml";
    private static final JsonMapper YAML_FIELDS = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private final Map<String, ProcedureDefinition> procedures;
    private final Map<String, String> sources;

    ProcedureCatalog(ProceduresProperties properties, Conditions conditions) {
        List<String> locations = new ArrayList<>(properties.locations());
        if (properties.demoProcedures()) {
            locations.add(DEMO_LOCATION);
        }
        Map<String, ProcedureDefinition> loaded = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations) {
            try {
                for (Resource resource : resolver.getResources(location)) {
                    ProcedureDefinition definition = read(resource, conditions);
                    if (loaded.putIfAbsent(definition.name(), definition) != null) {
                        throw new IllegalStateException("Two procedures are named " + definition.name() + " (" + resource + ")");
                    }
                    from.put(definition.name(), resource.getDescription());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read procedures from " + location, e);
            }
        }
        this.procedures = Map.copyOf(loaded);
        this.sources = from;
    }

    List<ProcedureDefinition> all() {
        return procedures.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    Optional<ProcedureDefinition> named(String name) {
        return Optional.ofNullable(procedures.get(name));
    }

    String source(String name) {
        return sources.getOrDefault(name, "");
    }

    static ProcedureDefinition read(Resource resource, Conditions conditions) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            ProcedureDefinition definition;
            try {
                definition = YAML_FIELDS.convertValue(yaml, ProcedureDefinition.class);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Procedure " + resource.getDescription() + " is not valid: " + e.getMessage(), e);
            }
            check(definition, resource.getDescription(), conditions);
            return definition;
        }
    }

    private static void check(ProcedureDefinition definition, String source, Conditions conditions) {
        if (definition.name() == null || !definition.name().matches("[a-z][a-z0-9-]{0,59}")) {
            throw new IllegalStateException("Procedure " + source + " needs a name of lower-case letters, digits and dashes");
        }
        if (definition.triggers() == null || definition.triggers().phrases().isEmpty() && definition.triggers().intents().isEmpty()) {
            throw new IllegalStateException("Procedure " + definition.name() + " needs trigger phrases or intents");
        }
        definition.triggers().unless().forEach(Pattern::compile);
        for (var step : definition.steps()) {
            try {
                step.kind();
                if (step.when() != null) {
                    conditions.parse(step.when());
                }
                if (step.max() != null) {
                    conditions.parse(step.max());
                }
                if (step.ask() != null) {
                    ValueType.named(step.type());
                }
                if (step.verify() != null && !step.verify().equals("email-code") && step.request() == null) {
                    throw new IllegalArgumentException("verify " + step.verify() + " needs a request (or use email-code)");
                }
                if ((step.call() != null || step.verify() != null && !step.verify().equals("email-code")) && step.request() == null) {
                    throw new IllegalArgumentException("a call needs a request");
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("Procedure " + definition.name() + " (" + source + "), step " + step + ": " + e.getMessage(), e);
            }
        }
    }
}
