package dev.tandem.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the quality module, under {@code tandem.quality}.
 *
 * @param enabled score every conversation after it is resolved
 * @param llmJudge with a chat model configured ({@code tandem.ai.chat.base-url}), let it judge (its verdicts must
 *     quote the conversation, or the embedded judge's stand); false keeps the embedded judge even then
 * @param calibrationSample the share of scored conversations with an agent offered to supervisors for a blind
 *     review (a stable choice by conversation id, so every node offers the same ones)
 * @param trustworthyAgreement an item whose agreement with supervisors' reviews is below this is marked not
 *     trustworthy (0.75, the per-item bar the embedded judge is held to on labelled data)
 * @param minimumReviews reviews of an item needed before its agreement is shown as a judgement
 */
@ConfigurationProperties("tandem.quality")
public record QualityProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean llmJudge,
        @DefaultValue("0.1") double calibrationSample, @DefaultValue("0.75") double trustworthyAgreement,
        @DefaultValue("5") int minimumReviews) {
}
