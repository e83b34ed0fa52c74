package de.amtsraum.contact.internal;

import de.amtsraum.contact.ContactForm;
import de.amtsraum.contact.ContactRequestView;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.SubjectRecordChanges;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Correction and withdrawal of a contact request by its citizen (issue 8). Correctable: name and
 * address; not the e-mail address (the verified channel and the key that finds the person) nor the
 * message (what was said). Values are checked like the form (same rules, the tenant's fields).
 */
@Component
class ContactRecordChanges implements SubjectRecordChanges {

    static final String SOURCE = "contact";
    static final String TYPE = "contact-request";
    static final Set<String> CORRECTABLE = Set.of("lastName", "firstName", "street", "houseNumber", "postalCode",
            "town");

    private final TenantDirectory tenants;
    private final ContactRequestQueries queries;
    private final CommandGateway commands;
    private final Clock clock;

    ContactRecordChanges(TenantDirectory tenants, ContactRequestQueries queries, CommandGateway commands,
                         Clock clock) {
        this.tenants = tenants;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> correctableFields(String type) {
        return TYPE.equals(type) ? CORRECTABLE : Set.of();
    }

    @Override
    public void correct(String tenantId, String subjectId, String recordId, Map<String, String> values) {
        ContactRequestView current = owned(tenantId, subjectId, recordId);
        SubjectRecordChanges.requireCorrectable(values, CORRECTABLE);
        if (ContactRequest.Status.WITHDRAWN.name().equals(current.status())
                || Redaction.VALUE.equals(current.lastName()) || Redaction.VALUE.equals(current.email())) {
            throw new IllegalArgumentException("rights.controls.error.erased");
        }
        Map<String, String> merged = new HashMap<>();
        merged.put("lastName", current.lastName());
        merged.put("firstName", current.firstName());
        merged.put("street", current.street());
        merged.put("houseNumber", current.houseNumber());
        merged.put("postalCode", current.postalCode());
        merged.put("town", current.town());
        merged.putAll(values);
        ContactForm form = new ContactForm(merged.get("lastName"), merged.get("firstName"), current.email(),
                current.message(), merged.get("street"), merged.get("houseNumber"), merged.get("postalCode"),
                merged.get("town"), true).normalized();
        List<ContactForm.Problem> problems = form.problems(manifest(tenantId).contactForm());
        if (problems.stream().anyMatch(p -> values.containsKey(p.field()))) {
            throw new IllegalArgumentException("rights.controls.error.invalid");
        }
        commands.sendAndWait(new ContactCommands.Correct(tenantId, recordId,
                changed(form.lastName(), current.lastName()), changed(form.firstName(), current.firstName()),
                changed(form.street(), current.street()), changed(form.houseNumber(), current.houseNumber()),
                changed(form.postalCode(), current.postalCode()), changed(form.town(), current.town()),
                clock.instant()));
    }

    /** The existing withdrawal path: {@code ContactRequestWithdrawn}, every key shredded (cause WITHDRAWAL). */
    @Override
    public void withdrawConsent(String tenantId, String subjectId, String recordId) {
        owned(tenantId, subjectId, recordId);
        commands.sendAndWait(new ContactCommands.Withdraw(tenantId, recordId, clock.instant()));
    }

    private ContactRequestView owned(String tenantId, String subjectId, String recordId) {
        if (recordId == null || !queries.subjectOf(tenantId, recordId).filter(subjectId::equals).isPresent()) {
            throw new IllegalArgumentException("rights.controls.error.unknownRecord");
        }
        return queries.find(tenantId, recordId)
                .orElseThrow(() -> new IllegalArgumentException("rights.controls.error.unknownRecord"));
    }

    private TenantManifest manifest(String tenantId) {
        return tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
    }

    private static String changed(String value, String before) {
        return Objects.equals(value, before) ? null : value;
    }
}
