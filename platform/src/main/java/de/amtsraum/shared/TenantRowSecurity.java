package de.amtsraum.shared;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The tenant of the current database transaction, for PostgreSQL row-level security (ADR 0012).
 * Sets {@code app.tenant_id} with {@code set_config(…, true)}, the function form of
 * {@code SET LOCAL}: it ends with the transaction, so a pooled connection never carries it to the
 * next borrower. Must run inside a transaction (Spring-managed or {@code DSLContext.transaction});
 * outside one the setting would end with the statement and the next query would see no row.
 * Policies so far: {@code request_log}.
 */
public final class TenantRowSecurity {

    public static final String SETTING = "app.tenant_id";

    private TenantRowSecurity() {
    }

    public static void bind(DSLContext db, String tenantId) {
        if (!TenantId.isValid(tenantId)) {
            throw new IllegalArgumentException("not a tenant id");
        }
        db.select(DSL.function("set_config", String.class, DSL.inline(SETTING), DSL.val(tenantId), DSL.inline(true)))
                .fetch();
    }
}
