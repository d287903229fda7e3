package dev.tandem.wellbeing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Something for people to see now: a break suggested to an agent, an alert to supervisors. The workspace tells the
 * recipients' open pages, which re-read their wellbeing banner.
 *
 * @param recipients the users who should see it
 */
public record WellbeingNotice(UUID interventionId, UUID agentId, Intervention.Kind kind, Set<UUID> recipients,
        Instant at) {

    public WellbeingNotice {
        recipients = Set.copyOf(recipients);
    }
}
