package dev.tandem.answering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.guardrails.PersonalData;

/**
 * Questions the assistant could not answer, grouped by meaning, most asked first: what curators
 * should write next. Grouping is greedy on the questions' embeddings (kept when each was asked), so
 * listing costs no model call.
 */
@Service
public class KnowledgeGaps {

    /** Two questions this similar ask the same thing in other words (bge-small, question to question). */
    static final double SAME_QUESTION = 0.82;
    /** The newest unanswered questions considered; older ones beyond this wait for dismissals. */
    static final int MAX_QUESTIONS = 2_000;
    private static final int EXAMPLES = 5;

    private final AnswerRecords records;
    private final Clock clock;

    KnowledgeGaps(AnswerRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * One gap: a question customers keep asking.
     *
     * @param question the most recent wording, a good first title for an article
     * @param count how many times it was asked
     * @param examples other wordings, most recent first
     * @param languages the languages it was asked in
     * @param questionIds the recorded questions, to dismiss the gap with
     */
    public record Gap(String question, int count, List<String> examples, Set<String> languages, Instant lastAsked,
            List<UUID> questionIds) {
    }

    @Transactional(readOnly = true)
    public List<Gap> list(Duration window) {
        List<AnswerRecord> unanswered = records.unanswered(clock.instant().minus(window), MAX_QUESTIONS);
        List<Group> groups = new ArrayList<>();
        for (AnswerRecord record : unanswered) {
            Group home = null;
            if (record.questionVector() != null) {
                double best = SAME_QUESTION;
                for (Group group : groups) {
                    double similarity = group.similarity(record.questionVector());
                    if (similarity >= best) {
                        best = similarity;
                        home = group;
                    }
                }
            }
            if (home == null) {
                groups.add(new Group(record));
            } else {
                home.add(record);
            }
        }
        return groups.stream()
            .map(Group::gap)
            .sorted((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                    : b.lastAsked().compareTo(a.lastAsked()))
            .toList();
    }

    /**
     * How many questions the assistant could not answer in each of these conversations (absent: none), for the
     * dashboards' knowledge gaps; read when a conversation's outcome is judged, never per message.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> unansweredIn(Collection<UUID> conversationIds) {
        return records.unansweredIn(conversationIds);
    }

    /** Hides the questions of a gap (answered by a new article, or not worth one); returns how many. */
    @Transactional
    public int dismiss(Collection<UUID> questionIds) {
        return records.dismiss(questionIds, clock.instant());
    }

    private static final class Group {

        private final List<AnswerRecord> members = new ArrayList<>();
        private final float[] sum;

        Group(AnswerRecord first) {
            members.add(first);
            sum = first.questionVector() == null ? null : first.questionVector().clone();
        }

        void add(AnswerRecord record) {
            members.add(record);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += record.questionVector()[i];
            }
        }

        /** Cosine with the group's centroid. */
        double similarity(float[] vector) {
            if (sum == null) {
                return -1;
            }
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < sum.length; i++) {
                dot += sum[i] * vector[i];
                norm += sum[i] * sum[i];
            }
            return norm == 0 ? -1 : dot / Math.sqrt(norm);
        }

        Gap gap() {
            Set<String> wordings = new LinkedHashSet<>();
            Set<String> languages = new LinkedHashSet<>();
            for (AnswerRecord member : members) {
                // a report for curators: the customer's personal data has no place in it
                wordings.add(PersonalData.masked(member.question().strip()));
                languages.add(member.language());
            }
            List<String> examples = wordings.stream().skip(1).limit(EXAMPLES).toList();
            return new Gap(PersonalData.masked(members.get(0).question().strip()), members.size(), examples, languages,
                    members.get(0).createdAt(), members.stream().map(AnswerRecord::id).toList());
        }
    }
}
