package de.amtsraum.contact.web;

import de.amtsraum.contact.ContactForm;
import de.amtsraum.contact.ContactRequestView;
import de.amtsraum.contact.ContactRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contact requests: citizens submit and withdraw (public), staff list, read and conclude. */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenant}", produces = MediaType.APPLICATION_JSON_VALUE)
class ContactRequestController {

    private final ContactRequests requests;

    ContactRequestController(ContactRequests requests) {
        this.requests = requests;
    }

    record Submitted(String id, String status) {
    }

    record Withdrawal(String token) {
    }

    record Concluded(String id, boolean concludedNow) {
    }

    @PostMapping(path = "/contact-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit a contact request (citizen, no account needed)",
            description = "Required: lastName, firstName, email, message, consent=true. Optional: street, houseNumber, "
                    + "postalCode, town. 422 with errors[{field, message}] (German) when invalid; nothing is stored.")
    Submitted submit(@PathVariable String tenant, @RequestBody ContactForm form, HttpServletRequest request) {
        String id = requests.submit(tenant, form,
                new ContactRequests.Submission(request.getRemoteAddr(), request.getHeader("User-Agent")));
        return new Submitted(id, "OPEN");
    }

    @PostMapping(path = "/contact-request-withdrawals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw a contact request with the token from the confirmation mail; erases it at once")
    void withdraw(@PathVariable String tenant, @RequestBody Withdrawal withdrawal) {
        requests.withdraw(tenant, withdrawal.token());
    }

    @GetMapping("/contact-requests")
    @Operation(summary = "Contact requests of the tenant, newest first (staff)", security = @SecurityRequirement(name = "bearer"))
    List<ContactRequestView> list(@PathVariable String tenant) {
        return requests.list(tenant);
    }

    @GetMapping("/contact-requests/{id}")
    @Operation(summary = "One contact request (staff)", security = @SecurityRequirement(name = "bearer"))
    ContactRequestView get(@PathVariable String tenant, @PathVariable String id) {
        return requests.get(tenant, id);
    }

    @PostMapping("/contact-requests/{id}/conclude")
    @Operation(summary = "Conclude the conversation; starts the tenant's retention rule (staff)",
            security = @SecurityRequirement(name = "bearer"))
    Concluded conclude(@PathVariable String tenant, @PathVariable String id) {
        return new Concluded(id, requests.conclude(tenant, id));
    }
}
