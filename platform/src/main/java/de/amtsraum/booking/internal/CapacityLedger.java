package de.amtsraum.booking.internal;

import static de.amtsraum.readmodel.jooq.Tables.BOOKING_CAPACITY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The capacity ledger ({@code booking_capacity}). A claim increments each unit's counter only while
 * it is below capacity, one conditional upsert per unit in ascending time order: PostgreSQL's row
 * lock serialises concurrent claims on a unit whichever instance sends them, and the fixed order
 * rules out deadlocks. Must run inside the transaction that records the appointment's events, so a
 * failed booking leaves no trace.
 */
@Component
class CapacityLedger {

    private final DSLContext db;

    CapacityLedger(DSLContext db) {
        this.db = db;
    }

    /** @return whether every unit had room; when not, nothing stays claimed */
    boolean claim(String tenantId, String resource, List<Instant> units, int capacity) {
        for (int i = 0; i < units.size(); i++) {
            boolean room = db.insertInto(BOOKING_CAPACITY)
                    .set(BOOKING_CAPACITY.TENANT_ID, tenantId)
                    .set(BOOKING_CAPACITY.RESOURCE, resource)
                    .set(BOOKING_CAPACITY.UNIT_START, utc(units.get(i)))
                    .set(BOOKING_CAPACITY.USED, 1)
                    .onConflict(BOOKING_CAPACITY.TENANT_ID, BOOKING_CAPACITY.RESOURCE, BOOKING_CAPACITY.UNIT_START)
                    .doUpdate()
                    .set(BOOKING_CAPACITY.USED, BOOKING_CAPACITY.USED.plus(1))
                    .where(BOOKING_CAPACITY.USED.lt(capacity))
                    .returning(BOOKING_CAPACITY.USED)
                    .fetchOptional().isPresent();
            if (!room) {
                release(tenantId, resource, units.subList(0, i));
                return false;
            }
        }
        return true;
    }

    void release(String tenantId, String resource, List<Instant> units) {
        if (units.isEmpty()) {
            return;
        }
        db.update(BOOKING_CAPACITY)
                .set(BOOKING_CAPACITY.USED, BOOKING_CAPACITY.USED.minus(1))
                .where(BOOKING_CAPACITY.TENANT_ID.eq(tenantId), BOOKING_CAPACITY.RESOURCE.eq(resource),
                        BOOKING_CAPACITY.UNIT_START.in(units.stream().map(CapacityLedger::utc).toList()),
                        BOOKING_CAPACITY.USED.gt(0))
                .execute();
    }

    /** Units in use per resource between two instants. */
    Map<String, Map<Instant, Integer>> usage(String tenantId, List<String> resources, Instant from, Instant to) {
        Map<String, Map<Instant, Integer>> usage = new HashMap<>();
        db.select(BOOKING_CAPACITY.RESOURCE, BOOKING_CAPACITY.UNIT_START, BOOKING_CAPACITY.USED)
                .from(BOOKING_CAPACITY)
                .where(BOOKING_CAPACITY.TENANT_ID.eq(tenantId), BOOKING_CAPACITY.RESOURCE.in(resources),
                        BOOKING_CAPACITY.UNIT_START.ge(utc(from)), BOOKING_CAPACITY.UNIT_START.lt(utc(to)),
                        BOOKING_CAPACITY.USED.gt(0))
                .forEach(row -> usage.computeIfAbsent(row.value1(), r -> new HashMap<>())
                        .put(row.value2().toInstant(), row.value3()));
        return usage;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
