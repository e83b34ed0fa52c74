package de.amtsraum.rights.internal;

import de.amtsraum.rights.ObjectionRecorded;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Every recorded objection opens an inbox request of type OBJECTION with the one-month deadline. No
 * personal data is copied: the request references the objection id and the first of the person's
 * subjects (for a legal hold); its id is derived from the objection, so a replay opens nothing twice.
 */
@Component
@ProcessingGroup(RightsRequestProjection.GROUP)
class RightsObjections {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RightsObjections.class);

    private final RightsRequestService service;
    private final de.amtsraum.tenancy.TenantDirectory tenants;

    RightsObjections(RightsRequestService service, de.amtsraum.tenancy.TenantDirectory tenants) {
        this.service = service;
        this.tenants = tenants;
    }

    @EventHandler
    void on(ObjectionRecorded e) {
        var zone = tenants.manifest(e.tenantId()).map(m -> m.timeZone()).orElse(java.time.ZoneOffset.UTC);
        String concerned = e.personSubjectIds() == null || e.personSubjectIds().isEmpty() ? null
                : e.personSubjectIds().getFirst();
        try {
            service.openForObjection(e.tenantId(), e.objectionId(), concerned, e.channel(),
                    LocalDate.ofInstant(e.recordedAt(), zone));
        } catch (RuntimeException failed) {
            // The objection itself stands (it stops processing); the inbox entry is missing or already there.
            log.error("Objection {} opened no inbox request: {}", e.objectionId(), failed.getClass().getSimpleName());
        }
    }
}
