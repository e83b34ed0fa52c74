package de.amtsraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.amtsraum.shared.TenantScoped;
import de.amtsraum.shared.privacy.DataSubject;
import de.amtsraum.shared.privacy.NotPersonal;
import de.amtsraum.shared.privacy.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * Every text field of every event says whether it is personal: {@link PersonalData} (with its kind),
 * {@link DataSubject}, or {@link NotPersonal}. Only {@code tenantId} is understood. A new event with
 * an undeclared text field fails here before it can store personal data in plaintext.
 */
class PersonalDataDeclarationTest {

    @Test
    void everyTextFieldOfEveryEventIsDeclared() throws Exception {
        List<Class<?>> events = events();
        List<String> undeclared = new ArrayList<>();
        for (Class<?> event : events) {
            for (RecordComponent component : event.getRecordComponents()) {
                boolean text = component.getType() == String.class || JsonNode.class.isAssignableFrom(component.getType());
                boolean declared = component.isAnnotationPresent(PersonalData.class)
                        || component.isAnnotationPresent(DataSubject.class)
                        || component.isAnnotationPresent(NotPersonal.class)
                        || component.getName().equals("tenantId");
                if (text && !declared) {
                    undeclared.add(event.getSimpleName() + "." + component.getName());
                }
            }
        }

        assertThat(events).as("events found").hasSizeGreaterThanOrEqualTo(6);
        assertThat(undeclared).as("text fields neither personal nor declared not personal").isEmpty();
    }

    @Test
    void eventsWithPersonalDataNameTheirSubject() throws Exception {
        for (Class<?> event : events()) {
            boolean personal = false;
            boolean subject = false;
            for (RecordComponent component : event.getRecordComponents()) {
                personal |= component.isAnnotationPresent(PersonalData.class);
                subject |= component.isAnnotationPresent(DataSubject.class);
            }
            assertThat(!personal || subject).as(event.getName() + " has personal data but no @DataSubject").isTrue();
        }
    }

    /** Events: versioned, tenant-scoped records of the application. */
    static List<Class<?>> events() throws ClassNotFoundException {
        List<Class<?>> events = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.amtsraum")) {
            if (type.isRecord() && type.isAnnotatedWith(Revision.class) && type.isAssignableTo(TenantScoped.class)) {
                events.add(Class.forName(type.getName()));
            }
        }
        return events;
    }
}
