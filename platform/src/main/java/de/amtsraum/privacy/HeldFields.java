package de.amtsraum.privacy;

import de.amtsraum.shared.privacy.DataKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the fields of a {@link HeldRecord} from a read-model row (issue 8): sealed values are opened
 * with the subject's key; a value whose key is shredded (or that the projection already rewrote to
 * {@link Redaction#VALUE}) becomes {@code erased = true} with a null value.
 */
public final class HeldFields {

    private final PersonalDataCipher cipher;
    private final String tenantId;
    private final String subjectId;
    private final Function<DataKind, String> categoryOf;
    private final List<HeldRecord.Field> fields = new ArrayList<>();

    private HeldFields(PersonalDataCipher cipher, String tenantId, String subjectId,
                       Function<DataKind, String> categoryOf) {
        this.cipher = cipher;
        this.tenantId = tenantId;
        this.subjectId = subjectId;
        this.categoryOf = categoryOf;
    }

    /** @param categoryOf the tenant's category id covering a kind, null when none */
    public static HeldFields of(PersonalDataCipher cipher, String tenantId, String subjectId,
                                Function<DataKind, String> categoryOf) {
        return new HeldFields(cipher, tenantId, subjectId, categoryOf);
    }

    /** A read model's timestamp as the instant records carry (null stays null). */
    public static java.time.Instant instant(java.time.OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The tenant's category id covering a kind (null when none, or without a manifest). */
    public static Function<DataKind, String> categoriesOf(
            java.util.Optional<de.amtsraum.tenancy.manifest.TenantManifest> manifest) {
        return kind -> manifest.flatMap(m -> m.categoryFor(kind)).map(c -> c.id()).orElse(null);
    }

    /** A personal field stored sealed (or already redacted) in the read model. */
    public HeldFields sealed(String name, DataKind kind, String field, String stored) {
        String value = stored == null || Redaction.isRedacted(stored) ? stored : cipher.open(tenantId, subjectId, field, stored);
        boolean erased = Redaction.isRedacted(value);
        fields.add(new HeldRecord.Field(name, kind, categoryOf.apply(kind), erased ? null : value, erased));
        return this;
    }

    /** A personal field stored in plain form (e.g. anonymised log data). */
    public HeldFields personal(String name, DataKind kind, String value) {
        fields.add(new HeldRecord.Field(name, kind, categoryOf.apply(kind), value, false));
        return this;
    }

    /** A non-personal fact (service, times, status). */
    public HeldFields fact(String name, Object value) {
        fields.add(new HeldRecord.Field(name, null, null, value == null ? null : value.toString(), false));
        return this;
    }

    public List<HeldRecord.Field> list() {
        return List.copyOf(fields);
    }
}
