package de.amtsraum.handover.internal;

import de.amtsraum.notification.PublicUrl;

/** Where a tenant's specialist system redeems references: under the platform's public URL. */
final class RedeemUrl {

    static final String PATH = "/api/v1/tenants/{tenant}/handovers/redemptions";

    private final PublicUrl publicUrl;

    RedeemUrl(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    String of(String tenantId) {
        return publicUrl.of(PATH.replace("{tenant}", tenantId));
    }
}
