package de.amtsraum.tenancy.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param directory     the folder with one sub-folder per tenant ({@code AMTSRAUM_TENANTS_DIR}, default {@code ./tenants})
 * @param failOnInvalid refuse to start when any manifest is invalid (default false: the valid tenants
 *                      are applied, each invalid one is reported and keeps its previous manifest)
 */
@ConfigurationProperties(prefix = "amtsraum.tenants")
record TenantProperties(String directory, boolean failOnInvalid) {

    /** Plain file-system path (Spring's Path conversion would treat it as a resource location). */
    Path folder() {
        return Path.of(directory == null || directory.isBlank() ? "tenants" : directory).toAbsolutePath().normalize();
    }
}
