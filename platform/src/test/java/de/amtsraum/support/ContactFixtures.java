package de.amtsraum.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A valid contact request body for Helbra, to vary per test. */
public final class ContactFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContactFixtures() {
    }

    public static ObjectNode form(String email) {
        ObjectNode form = JSON.createObjectNode();
        form.put("lastName", "Mustermann").put("firstName", "Erika").put("email", email)
                .put("message", "Ich habe eine Frage zur Straßenreinigung.")
                .put("street", "Hauptstraße").put("houseNumber", "5").put("postalCode", "06311").put("town", "Helbra")
                .put("consent", true);
        return form;
    }
}
