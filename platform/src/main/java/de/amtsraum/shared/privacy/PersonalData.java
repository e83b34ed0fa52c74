package de.amtsraum.shared.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field holding personal data of the record's {@link DataSubject}. It is encrypted with the
 * subject's key for the tenant category that covers {@link #value()} before it leaves the process
 * (event store, snapshots, sagas, dead letters, read models) and reads back as
 * {@code de.amtsraum.privacy.Redaction#VALUE} once that key is shredded.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    DataKind value();
}
