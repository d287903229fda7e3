package dev.tandem.wellbeing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One agent's wellbeing as they (and their supervisors) see it: figures per rolling window and every intervention
 * with its reason. For support, not evaluation: nothing here is compared across agents.
 *
 * @param openNow conversations the agent has open now
 * @param onBreakUntil the end of a break they are taking, null when none
 * @param pendingBreak a break suggested and not yet answered, null when none
 * @param interventions the interventions within the longest window, newest first
 */
public record AgentWellbeing(UUID agentId, String displayName, Instant at, int openNow, List<Window> windows,
        Instant onBreakUntil, Intervention pendingBreak, List<Intervention> interventions) {

    public AgentWellbeing {
        windows = List.copyOf(windows);
        interventions = List.copyOf(interventions);
    }

    /**
     * The figures of one rolling window ending now.
     *
     * @param label the window in words ("8 hours")
     * @param minutes its length
     * @param contacts conversations handled in it (open at some moment of it)
     * @param difficultContacts of those that ended in it, the difficult ones
     * @param difficultByKind how many had each kind of difficulty (a contact may have several)
     * @param peakConcurrent the most conversations open at once
     * @param onlineMinutes time online in it
     * @param handleMinutesMedian the median time from being given a conversation to passing it on or resolving it,
     *     over the contacts that ended in it; null when none did
     * @param handleMinutesTotal the handling time of those contacts added up
     */
    public record Window(String label, long minutes, int contacts, int difficultContacts,
            Map<Difficulty, Integer> difficultByKind, int peakConcurrent, double onlineMinutes, Double handleMinutesMedian,
            double handleMinutesTotal) {

        public Window {
            difficultByKind = Map.copyOf(difficultByKind);
        }
    }
}
