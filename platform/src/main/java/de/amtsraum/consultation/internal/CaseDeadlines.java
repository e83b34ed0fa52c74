package de.amtsraum.consultation.internal;

import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.RetentionRule;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When a case's conversation data falls due under the tenant's rules, for display in the read model:
 * the earliest rule of the CONVERSATION category with the trigger, counted from the trigger's time in
 * the tenant's zone (the same arithmetic as the retention engine, which alone executes them).
 */
@Component
class CaseDeadlines {

    private final TenantDirectory tenants;

    CaseDeadlines(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    Optional<Instant> due(String tenantId, RetentionTrigger trigger, Instant at) {
        TenantManifest manifest = tenants.manifest(tenantId).orElse(null);
        if (manifest == null || at == null) {
            return Optional.empty();
        }
        return manifest.categoryFor(DataKind.CONVERSATION).stream()
                .flatMap(category -> category.retention().stream())
                .filter(rule -> rule.trigger() == trigger)
                .map(RetentionRule::after)
                .map(after -> after.addTo(at.atZone(manifest.timeZone())).toInstant())
                .min(Instant::compareTo);
    }
}
