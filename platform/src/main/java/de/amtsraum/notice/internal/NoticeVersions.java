package de.amtsraum.notice.internal;

import static de.amtsraum.readmodel.jooq.Tables.PRIVACY_NOTICE_VERSION;

import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.readmodel.jooq.tables.records.PrivacyNoticeVersionRecord;
import de.amtsraum.shared.TenantRowSecurity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The published notices ({@code privacy_notice_version}): rows are only ever inserted, never
 * updated or deleted, so a version stays exactly as citizens were shown it. Every access binds the
 * tenant for row-level security (ADR 0012) inside its transaction.
 */
@Component
public class NoticeVersions {

    private final DSLContext db;

    NoticeVersions(DSLContext db) {
        this.db = db;
    }

    /** A version with both renderings. */
    public record Stored(PublishedNotice notice, String english) {

        /** The HTML in the page's language. */
        public String html(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? english : notice.html();
        }
    }

    public Optional<Stored> current(String tenantId) {
        return read(tenantId, tx -> tx.selectFrom(PRIVACY_NOTICE_VERSION)
                .where(PRIVACY_NOTICE_VERSION.TENANT_ID.eq(tenantId))
                .orderBy(PRIVACY_NOTICE_VERSION.NUMBER.desc()).limit(1)
                .fetchOptional().map(NoticeVersions::stored));
    }

    public Optional<Stored> version(String tenantId, int number) {
        return read(tenantId, tx -> tx.selectFrom(PRIVACY_NOTICE_VERSION)
                .where(PRIVACY_NOTICE_VERSION.TENANT_ID.eq(tenantId), PRIVACY_NOTICE_VERSION.NUMBER.eq(number))
                .fetchOptional().map(NoticeVersions::stored));
    }

    List<PublishedNotice> all(String tenantId) {
        return read(tenantId, tx -> tx.selectFrom(PRIVACY_NOTICE_VERSION)
                .where(PRIVACY_NOTICE_VERSION.TENANT_ID.eq(tenantId))
                .orderBy(PRIVACY_NOTICE_VERSION.NUMBER.desc())
                .fetch(record -> stored(record).notice()));
    }

    /**
     * Inserts the next version in the caller's transaction, unless this manifest revision already
     * produced one. Returns the number, or empty when nothing was inserted.
     */
    Optional<Integer> insertNext(String tenantId, int manifestRevision, Instant at, String publishedBy,
                                 String manifestHash, String german, String english) {
        TenantRowSecurity.bind(db, tenantId);
        Integer last = db.select(DSL.max(PRIVACY_NOTICE_VERSION.NUMBER)).from(PRIVACY_NOTICE_VERSION)
                .where(PRIVACY_NOTICE_VERSION.TENANT_ID.eq(tenantId)).fetchOne(0, Integer.class);
        int next = last == null ? 1 : last + 1;
        int inserted = db.insertInto(PRIVACY_NOTICE_VERSION)
                .set(PRIVACY_NOTICE_VERSION.TENANT_ID, tenantId)
                .set(PRIVACY_NOTICE_VERSION.NUMBER, next)
                .set(PRIVACY_NOTICE_VERSION.PUBLISHED_AT, at.atOffset(ZoneOffset.UTC))
                .set(PRIVACY_NOTICE_VERSION.PUBLISHED_BY, publishedBy)
                .set(PRIVACY_NOTICE_VERSION.MANIFEST_HASH, manifestHash)
                .set(PRIVACY_NOTICE_VERSION.MANIFEST_REVISION, manifestRevision)
                .set(PRIVACY_NOTICE_VERSION.HTML_DE, german)
                .set(PRIVACY_NOTICE_VERSION.HTML_EN, english)
                .onConflictDoNothing()
                .execute();
        return inserted == 1 ? Optional.of(next) : Optional.empty();
    }

    /** The current German HTML in the caller's transaction (for comparing with a new rendering). */
    Optional<String> currentHtml(String tenantId) {
        TenantRowSecurity.bind(db, tenantId);
        return db.select(PRIVACY_NOTICE_VERSION.HTML_DE).from(PRIVACY_NOTICE_VERSION)
                .where(PRIVACY_NOTICE_VERSION.TENANT_ID.eq(tenantId))
                .orderBy(PRIVACY_NOTICE_VERSION.NUMBER.desc()).limit(1)
                .fetchOptional(PRIVACY_NOTICE_VERSION.HTML_DE);
    }

    private <T> T read(String tenantId, Function<DSLContext, T> query) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            TenantRowSecurity.bind(tx, tenantId);
            return query.apply(tx);
        });
    }

    private static Stored stored(PrivacyNoticeVersionRecord row) {
        return new Stored(new PublishedNotice(row.getTenantId(), row.getNumber(), row.getPublishedAt().toInstant(),
                row.getPublishedBy(), row.getManifestHash(), row.getHtmlDe()), row.getHtmlEn());
    }
}
