package de.amtsraum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.NotPersonal;
import org.axonframework.serialization.Revision;

/**
 * A tenant admin changed the working draft of the tenant's configuration.
 *
 * @param section     the console section (services, processors, retention …)
 * @param description what changed, in German, e.g. "Auftragsverarbeiter „X“ hinzugefügt"
 * @param document    the whole draft after the change (a manifest document)
 */
@Revision("1")
public record TenantDraftChanged(String tenantId,
                                 @NotPersonal("a console section name") String section,
                                 @NotPersonal("a summary of a configuration change, facts about the authority") String description,
                                 @NotPersonal("the tenant admin's account name (staff, never a citizen)") String changedBy,
                                 @NotPersonal("facts about the authority") JsonNode document)
        implements TenantScoped {
}
