package de.amtsraum.privacy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.tenancy.TenantDirectory;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the privacy kernel, and makes Axon use {@link PersonalDataSerializer} as its general
 * serializer (snapshots, sagas, tokens, dead-letter metadata) and as its event serializer (events,
 * dead-letter payloads). Axon's auto-configuration backs off from both.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeyEncryptionKeys keyEncryptionKeys(RuntimeProperties runtime,
                                        @org.springframework.beans.factory.annotation.Value("${amtsraum.privacy.kek-master-key:}") String masterKey) {
        return new LocalKeysetFiles(runtime.resolve("kek"), LocalKeysetFiles.masterKey(masterKey));
    }

    @Bean
    KeyBackups keyBackups(DSLContext db, TransactionTemplate transactions, KeyBackupProperties properties,
                          RuntimeProperties runtime, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        KeyBackups backups = new KeyBackups(db, transactions, properties, keyBackupDirectory(properties, runtime),
                clock);
        // Alert when it exceeds twice the interval: erasures are then not yet safe against a restore.
        io.micrometer.core.instrument.Gauge.builder("amtsraum.privacy.key.backup.age", backups,
                        KeyBackups::ageSeconds)
                .description("Seconds since the newest key backup was written (NaN: none yet)")
                .baseUnit("seconds")
                .register(meters);
        return backups;
    }

    /** Runs once, before the key store can be used (ADR 0029). */
    @Bean
    KeyBackupRestore keyBackupRestore(DSLContext db, TransactionTemplate transactions, KeyBackupProperties properties,
                                      RuntimeProperties runtime, Clock clock) {
        KeyBackupRestore restore = new KeyBackupRestore(db, transactions, properties,
                keyBackupDirectory(properties, runtime), clock);
        restore.atStart();
        return restore;
    }

    private static Path keyBackupDirectory(KeyBackupProperties properties, RuntimeProperties runtime) {
        return properties.directory() != null ? Path.of(properties.directory()) : runtime.resolve("key-backups");
    }

    @Bean
    SubjectKeyStore subjectKeyStore(DSLContext db, KeyEncryptionKeys keks, Clock clock, PrivacyProperties properties,
                                    KeyBackupRestore restoredFirst) {
        return new SubjectKeyStore(db, keks, clock, properties.keyCacheSize());
    }

    @Bean
    CategoryResolver categoryResolver(TenantDirectory tenants) {
        return new CategoryResolver(tenants);
    }

    @Bean
    RetentionSchedule retentionSchedule(DSLContext db, CategoryResolver categories, Clock clock) {
        RetentionSchedule schedule = new RetentionSchedule(db, categories, clock);
        categories.useSchedule(schedule);
        return schedule;
    }

    @Bean
    KeyEvictionChannel keyEvictionChannel(DataSource dataSource, DSLContext db, SubjectKeyStore keys) {
        KeyEvictionChannel channel = new KeyEvictionChannel(dataSource, db, keys);
        keys.onCreated(channel::announce);
        return channel;
    }

    @Bean
    SubjectKeyService subjectKeys(SubjectKeyStore store, RetentionSchedule schedule, @Lazy EventGateway events,
                                  KeyEvictionChannel evictions, Clock clock) {
        SubjectKeyService keys = new SubjectKeyService(store, schedule, events, evictions, clock);
        schedule.useKeys(keys);
        return keys;
    }

    @Bean
    TenantKeyErasure tenantErasure(SubjectKeyStore store, SubjectKeyService keys, KeyEvictionChannel evictions,
                                   KeyEncryptionKeys keks,
                                   org.springframework.transaction.PlatformTransactionManager transactions) {
        return new TenantKeyErasure(store, keys, evictions, keks,
                new org.springframework.transaction.support.TransactionTemplate(transactions));
    }

    @Bean
    TenantKeyRotator tenantKeyRotation(KeyEncryptionKeys keks, SubjectKeyStore store, Clock clock) {
        return new TenantKeyRotator(keks, store, clock);
    }

    @Bean
    TinkPersonalDataCipher personalDataCipher(SubjectKeyStore keys, CategoryResolver categories,
                                          RetentionSchedule schedule) {
        return new TinkPersonalDataCipher(keys, categories, schedule);
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                          ObjectProvider<TinkPersonalDataCipher> cipher) {
        return new PersonalDataSerializer(jackson(objectMapper, revisionResolver), objectMapper, cipher::getObject);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                               ObjectProvider<TinkPersonalDataCipher> cipher) {
        return new PersonalDataSerializer(jackson(objectMapper, revisionResolver), objectMapper, cipher::getObject);
    }

    private static Serializer jackson(ObjectMapper objectMapper, RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper)
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(PrivacyConfiguration.class.getClassLoader()))
                .build();
    }
}
