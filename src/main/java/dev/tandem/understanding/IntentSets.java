package dev.tandem.understanding;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** The read side for the admin page and API: stored sets, which one is in use, its labels. */
@Component
class IntentSets {

    /** A set as the admin sees it: its row, whether its model is in use, and its labels when asked for. */
    record View(IntentSet set, boolean inUse, List<IntentSet.LabelCount> labels) {
    }

    private final IntentSetRepository sets;
    private final CurrentIntentModel current;

    IntentSets(IntentSetRepository sets, CurrentIntentModel current) {
        this.sets = sets;
        this.current = current;
    }

    List<View> recent(int limit) {
        UUID inUse = inUse();
        return sets.recent(limit).stream().map(set -> new View(set, set.id().equals(inUse), List.of())).toList();
    }

    Optional<View> find(UUID id) {
        return sets.find(id).map(set -> new View(set, set.id().equals(inUse()), sets.labelCounts(id)));
    }

    /** The set whose model classifies messages now, with its labels. */
    Optional<View> inUseSet() {
        return current.get().flatMap(loaded -> find(loaded.intentSetId()));
    }

    /** The newest set, if it is still queued or training. */
    Optional<View> training() {
        return sets.recent(1).stream().filter(set -> !set.isFinished())
            .map(set -> new View(set, false, List.of())).findFirst();
    }

    private UUID inUse() {
        return current.get().map(CurrentIntentModel.Loaded::intentSetId).orElse(null);
    }
}
