package dev.tandem.simulation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** The scenarios people practise on, read once at start from {@code tandem.simulation.training.scenarios}. */
final class TrainingScenarios {

    private final List<Scenario> all;
    private final Random random;

    TrainingScenarios(List<Scenario> all, Random random) {
        this.all = List.copyOf(all);
        this.random = random;
    }

    Optional<Scenario> byId(String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * @param kind answer, procedure, person or out_of_scope; blank for any
     * @throws org.springframework.web.ErrorResponseException 400 for another kind: a typo would otherwise match nothing
     */
    List<Scenario> filter(String kind, String language) {
        if (kind != null && !kind.isBlank() && java.util.Arrays.stream(Scenario.Kind.values())
            .noneMatch(known -> known.label().equals(kind.strip().toLowerCase(Locale.ROOT)))) {
            throw TrainingSessions.problem(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "kind '" + kind.strip() + "' is not one of answer, procedure, person, out_of_scope.");
        }
        return all.stream()
            .filter(s -> kind == null || kind.isBlank() || s.kind().label().equals(kind.strip().toLowerCase(Locale.ROOT)))
            .filter(s -> language == null || language.isBlank() || s.language().equals(language.strip().toLowerCase(Locale.ROOT)))
            .toList();
    }

    /** "Surprise me": any scenario of the filter. */
    Optional<Scenario> surprise(String kind, String language) {
        List<Scenario> candidates = filter(kind, language);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    List<String> languages() {
        return all.stream().map(Scenario::language).distinct().sorted().toList();
    }
}
