package de.amtsraum.tenancy.internal;

import static de.amtsraum.readmodel.jooq.Tables.TENANT_DIRECTORY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.readmodel.jooq.tables.records.TenantDirectoryRecord;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantSummary;
import de.amtsraum.tenancy.manifest.ManifestReader;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

@Component
class JooqTenantDirectory implements TenantDirectory {

    private final DSLContext db;
    private final ObjectMapper json;

    JooqTenantDirectory(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public List<TenantSummary> list() {
        return db.select(summaryFields()).from(TENANT_DIRECTORY).orderBy(TENANT_DIRECTORY.TENANT_ID)
                .fetch(JooqTenantDirectory::toSummary);
    }

    @Override
    public Optional<TenantSummary> summary(String tenantId) {
        return db.select(summaryFields()).from(TENANT_DIRECTORY).where(TENANT_DIRECTORY.TENANT_ID.eq(tenantId))
                .fetchOptional(JooqTenantDirectory::toSummary);
    }

    /**
     * Typed manifests by tenant, kept while the stored hash is unchanged: one indexed lookup of the
     * hash per call instead of reading and converting the whole document; every instance sees a
     * change at once because the hash is read from the database each time.
     */
    private final Map<String, CachedManifest> typed = new ConcurrentHashMap<>();

    private record CachedManifest(String hash, TenantManifest manifest) {
    }

    @Override
    public Optional<TenantManifest> manifest(String tenantId) {
        Optional<String> hash = db.select(TENANT_DIRECTORY.MANIFEST_HASH).from(TENANT_DIRECTORY)
                .where(TENANT_DIRECTORY.TENANT_ID.eq(tenantId)).fetchOptional(TENANT_DIRECTORY.MANIFEST_HASH);
        if (hash.isEmpty()) {
            typed.remove(tenantId);
            return Optional.empty();
        }
        CachedManifest cached = typed.get(tenantId);
        if (cached != null && cached.hash().equals(hash.get())) {
            return Optional.of(cached.manifest());
        }
        Optional<TenantManifest> manifest = manifestDocument(tenantId).map(ManifestReader::typed);
        manifest.ifPresent(m -> typed.put(tenantId, new CachedManifest(hash.get(), m)));
        return manifest;
    }

    @Override
    public Optional<JsonNode> manifestDocument(String tenantId) {
        return db.select(TENANT_DIRECTORY.MANIFEST).from(TENANT_DIRECTORY)
                .where(TENANT_DIRECTORY.TENANT_ID.eq(tenantId))
                .fetchOptional(TENANT_DIRECTORY.MANIFEST)
                .map(stored -> {
                    try {
                        return json.readTree(stored.data());
                    } catch (JsonProcessingException corrupt) {
                        throw new IllegalStateException("stored manifest of a tenant is not JSON", corrupt);
                    }
                });
    }

    private static List<org.jooq.Field<?>> summaryFields() {
        return List.of(TENANT_DIRECTORY.TENANT_ID, TENANT_DIRECTORY.NAME, TENANT_DIRECTORY.STATUS,
                TENANT_DIRECTORY.MANIFEST_REVISION, TENANT_DIRECTORY.MANIFEST_HASH, TENANT_DIRECTORY.ONBOARDED_AT,
                TENANT_DIRECTORY.UPDATED_AT);
    }

    private static TenantSummary toSummary(Record row) {
        TenantDirectoryRecord r = row.into(TENANT_DIRECTORY);
        return new TenantSummary(r.getTenantId(), r.getName(), r.getStatus(), r.getManifestRevision(),
                r.getManifestHash(), r.getOnboardedAt(), r.getUpdatedAt());
    }
}
