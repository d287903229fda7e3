package dev.tandem.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long conversations are kept
 */
@ConfigurationProperties("tandem.privacy")
record PrivacyProperties(@DefaultValue Retention retention) {

    /** What the retention job does to a conversation past its time. */
    enum Action {
        /** the conversation and everything about it is deleted; a customer left without conversations too */
        DELETE,
        /** texts and personal data are removed, counts, timings and outcomes stay for analytics */
        ANONYMISE
    }

    /**
     * @param days conversations whose last message is older than this many days are retired; 0 (the default) keeps
     *     them for ever
     * @param action {@code delete} or {@code anonymise}
     * @param cron when the job runs (once per cluster)
     * @param batchSize conversations retired per transaction
     */
    record Retention(@DefaultValue("0") int days, @DefaultValue("delete") Action action,
            @DefaultValue("0 17 3 * * *") String cron, @DefaultValue("200") int batchSize) {

        Retention {
            if (days < 0) {
                throw new IllegalArgumentException("tandem.privacy.retention.days must be 0 (off) or more");
            }
            batchSize = Math.max(1, batchSize);
        }

        boolean enabled() {
            return days > 0;
        }
    }
}
