package dev.tandem.insight;

import java.util.List;

/** What a summary says, as stored: everything but its version and who made it. */
record SummaryContent(String reason, List<Summary.Detail> details, List<String> actions, Summary.Outcome outcome,
        List<String> followUps) {

    SummaryContent {
        reason = reason == null ? "" : reason;
        details = details == null ? List.of() : List.copyOf(details);
        actions = actions == null ? List.of() : List.copyOf(actions);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }
}
