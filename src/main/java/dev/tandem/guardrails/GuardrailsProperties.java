package dev.tandem.guardrails;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.tandem.identity.Role;

/**
 * @param enabled whether customer messages are screened at all
 * @param injection the prompt-injection guard
 * @param abuse the abuse (toxicity) guard
 * @param personalData where personal data is masked beyond logs and external models (always masked there)
 */
@ConfigurationProperties("tandem.guardrails")
record GuardrailsProperties(Boolean enabled, Guard injection, Guard abuse, PersonalDataPolicy personalData) {

    GuardrailsProperties {
        enabled = enabled == null || enabled;
        injection = (injection == null ? new Guard(null, null, null) : injection)
            .withDefaultActions(EnumSet.of(GuardrailAction.KEEP_FROM_MODEL, GuardrailAction.FLAG));
        abuse = (abuse == null ? new Guard(null, null, null) : abuse)
            .withDefaultActions(EnumSet.of(GuardrailAction.FLAG, GuardrailAction.SHIELD_AGENT));
        personalData = personalData == null ? new PersonalDataPolicy(null, null) : personalData;
    }

    /**
     * @param enabled whether this guard runs
     * @param threshold the learned model's probability from which it reports (empty: the one chosen when it was
     *     learned, see docs/benchmarks.md); decisive rules report whatever it is
     * @param actions what is done about a finding
     */
    record Guard(Boolean enabled, Double threshold, Set<GuardrailAction> actions) {

        Guard {
            enabled = enabled == null || enabled;
        }

        Guard withDefaultActions(Set<GuardrailAction> defaults) {
            return new Guard(enabled, threshold, actions == null || actions.isEmpty() ? defaults : actions);
        }

        double thresholdOrModels() {
            return threshold == null ? Double.NaN : threshold;
        }
    }

    /**
     * @param phoneRegions regions whose national phone formats are recognised (numbers with a +country code always are)
     * @param hiddenFrom per role, the types of personal data masked in the agent workspace; a person with several
     *     roles sees what the most trusted of them may see
     */
    record PersonalDataPolicy(List<String> phoneRegions, Map<Role, Set<PiiType>> hiddenFrom) {

        PersonalDataPolicy {
            phoneRegions = phoneRegions == null || phoneRegions.isEmpty() ? PersonalData.DEFAULT_PHONE_REGIONS
                    : List.copyOf(phoneRegions);
            hiddenFrom = hiddenFrom == null ? Map.of(
                    Role.AGENT, EnumSet.of(PiiType.CARD, PiiType.IBAN, PiiType.SSN, PiiType.NINO),
                    Role.CURATOR, EnumSet.of(PiiType.CARD, PiiType.IBAN, PiiType.SSN, PiiType.NINO),
                    Role.SUPERVISOR, EnumSet.of(PiiType.CARD),
                    Role.ADMIN, EnumSet.of(PiiType.CARD)) : Map.copyOf(hiddenFrom);
        }
    }
}
