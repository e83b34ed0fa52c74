package de.amtsraum.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.amtsraum.shared.TenantScoped;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * Every message type the application handles is tenant-scoped, and every event is a versioned
 * record. Found from the handlers, so a new event type is covered without being listed here.
 */
class EventContractTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.amtsraum");

    @Test
    void everyEventIsATenantScopedVersionedRecord() {
        Set<JavaClass> events = firstParameters(EventHandler.class, EventSourcingHandler.class);

        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.isAssignableTo(TenantScoped.class)).as(event.getName() + " is TenantScoped").isTrue();
            assertThat(event.isRecord()).as(event.getName() + " is a record").isTrue();
            assertThat(event.isAnnotatedWith(Revision.class)).as(event.getName() + " has @Revision").isTrue();
        });
    }

    @Test
    void everyCommandIsTenantScoped() {
        Set<JavaClass> commands = firstParameters(CommandHandler.class);

        assertThat(commands).isNotEmpty();
        assertThat(commands).allSatisfy(command ->
                assertThat(command.isAssignableTo(TenantScoped.class)).as(command.getName()).isTrue());
    }

    @SafeVarargs
    private static Set<JavaClass> firstParameters(Class<? extends java.lang.annotation.Annotation>... annotations) {
        Set<JavaClass> types = new java.util.HashSet<>();
        Set<String> names = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            for (JavaMethod method : type.getMethods()) {
                for (var annotation : annotations) {
                    if (method.isAnnotatedWith(annotation) && !method.getRawParameterTypes().isEmpty()) {
                        JavaClass parameter = method.getRawParameterTypes().get(0);
                        if (names.add(parameter.getName())) {
                            types.add(parameter);
                        }
                    }
                }
            }
        }
        return types;
    }
}
