package dev.tandem.procedures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.tandem.escalation.HandoffPacket;
import dev.tandem.escalation.HandoffTasks;

/**
 * The procedures a conversation ran, for its handoff packet: the values the customer gave (so the agent
 * does not ask again), the checks passed and the actions done, each with how it went.
 */
@Component
class ProcedureHandoffTasks implements HandoffTasks {

    private final ProcedureRuns runs;
    private final ProcedureCatalog catalog;

    ProcedureHandoffTasks(ProcedureRuns runs, ProcedureCatalog catalog) {
        this.runs = runs;
        this.catalog = catalog;
    }

    @Override
    public List<HandoffPacket.Task> of(UUID conversationId) {
        return runs.byConversation(conversationId).stream().map(this::task).toList();
    }

    private HandoffPacket.Task task(ProcedureRun run) {
        Map<String, String> asked = new LinkedHashMap<>();
        run.customerValues().forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isBlank()) {
                asked.put(name, Templates.display(value));
            }
        });
        String title = catalog.named(run.procedure).map(ProcedureDefinition::title).orElse(run.procedure);
        String state = run.status.name().toLowerCase().replace('_', ' ') + run.history.stream()
            .filter(e -> e.kind().equals("failed")).reduce((a, b) -> b).map(e -> ": " + e.text()).orElse("");
        return new HandoffPacket.Task(title, state, asked,
                run.history.stream().filter(e -> e.kind().equals("verified")).map(ProcedureRun.Event::text).toList(),
                run.history.stream().filter(e -> e.kind().equals("done") || e.kind().equals("approval"))
                    .map(ProcedureRun.Event::text).toList());
    }
}
