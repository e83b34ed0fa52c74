package de.amtsraum.shared.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The pseudonymous id of the person the record's {@link PersonalData} belongs to: a random id,
 * never a name, e-mail or anything derived from one. Keys are held per tenant, subject and category.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {
}
