package de.amtsraum.notice.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.notice.PrivacyNoticePublished;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantManifestChanged;
import de.amtsraum.tenancy.TenantOnboarded;
import de.amtsraum.tenancy.TenantSummary;
import de.amtsraum.tenancy.manifest.ManifestReader;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every manifest the tenancy applies — from the tenants folder, the operator API or
 * {@code PrivacyNotices.publish} — produces the next notice version when the notice generated from
 * it differs from the current one. Runs in the subscribing processor {@value #GROUP}, in the
 * transaction that appends the tenancy event: the version and its {@link PrivacyNoticePublished}
 * commit with the manifest or not at all, and the unique manifest revision per tenant makes a second
 * delivery of the same event a no-op (exactly once per change).
 */
@Component
@ProcessingGroup(NoticePublisher.GROUP)
class NoticePublisher {

    static final String GROUP = "privacy-notices";
    private static final Logger log = LoggerFactory.getLogger(NoticePublisher.class);

    private final NoticeRenderer renderer;
    private final NoticeVersions versions;
    private final EventGateway events;
    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NoticePublisher(NoticeRenderer renderer, NoticeVersions versions, @Lazy EventGateway events,
                    TenantDirectory tenants, TransactionTemplate transactions, Clock clock) {
        this.renderer = renderer;
        this.versions = versions;
        this.events = events;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventHandler
    void on(TenantOnboarded event) {
        publishIfChanged(event.tenantId(), event.manifest(), event.manifestHash(), 1, event.appliedBy());
    }

    @EventHandler
    void on(TenantManifestChanged event) {
        publishIfChanged(event.tenantId(), event.manifest(), event.manifestHash(), event.revision(), event.appliedBy());
    }

    /**
     * Tenants onboarded before notices were versioned have no version yet: publish their current
     * manifest's notice once, after start (the folder has been applied by then).
     */
    @EventListener(ApplicationReadyEvent.class)
    void publishMissing() {
        for (TenantSummary tenant : tenants.list()) {
            if (versions.current(tenant.id()).isPresent()) {
                continue;
            }
            tenants.manifestDocument(tenant.id()).ifPresent(document -> transactions.executeWithoutResult(status ->
                    publishIfChanged(tenant.id(), document, tenant.manifestHash(), tenant.manifestRevision(),
                            "migration")));
        }
    }

    private void publishIfChanged(String tenantId, JsonNode document, String manifestHash, int revision,
                                  String appliedBy) {
        NoticeRenderer.Rendered rendered = renderer.render(ManifestReader.typed(document));
        if (versions.currentHtml(tenantId).filter(rendered.german()::equals).isPresent()) {
            return; // the manifest changed, its notice did not
        }
        Instant now = clock.instant();
        Optional<Integer> number = versions.insertNext(tenantId, revision, now, appliedBy, manifestHash,
                rendered.german(), rendered.english());
        number.ifPresent(n -> {
            events.publish(new PrivacyNoticePublished(tenantId, n, now, appliedBy, manifestHash));
            log.info("Privacy notice of {} published as version {}", tenantId, n);
        });
    }
}
