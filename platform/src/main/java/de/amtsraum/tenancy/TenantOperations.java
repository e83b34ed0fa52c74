package de.amtsraum.tenancy;

/**
 * The operator's actions on a tenant's life cycle, each recorded as an event of the Tenant aggregate.
 * Each is idempotent: doing it again when the tenant is already there records nothing and returns
 * {@code false}. Offboarding here only records the decision; erasing the tenant's keys is the privacy
 * kernel's part (the operator module does both).
 *
 * @throws UnknownTenantException  when no tenant has this id
 * @throws TenantOffboardedException when suspending or resuming an offboarded tenant
 */
public interface TenantOperations {

    boolean suspend(String tenantId, String by);

    boolean resume(String tenantId, String by);

    boolean offboard(String tenantId, String by);
}
