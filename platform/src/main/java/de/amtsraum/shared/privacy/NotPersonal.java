package de.amtsraum.shared.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that holds no personal data (an id, a status, a service name). Declared, never
 * assumed: {@code PersonalDataDeclarationTest} fails on any text field of an event that is neither
 * personal nor declared not personal.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NotPersonal {

    /** Why not, where it is not obvious. */
    String value() default "";
}
