package de.amtsraum.booking.internal;

import static de.amtsraum.readmodel.jooq.Tables.BOOKING_CAPACITY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The capacity ledger ({@code booking_capacity}). A claim increments each unit's counter only while
 * it is below capacity, in one conditional upsert over all units in ascending time order:
 * PostgreSQL's row lock serialises concurrent claims on a unit whichever instance sends them, and
 * the fixed order rules out deadlocks. Must run inside the transaction that records the appointment's events, so a
 * failed booking leaves no trace.
 */
@Component
class CapacityLedger {

    private final DSLContext db;

    CapacityLedger(DSLContext db) {
        this.db = db;
    }

    /**
     * One statement for all units: the rows returned are the units that had room. When fewer come
     * back, the ones incremented are decremented again, so nothing stays claimed.
     *
     * @return whether every unit had room
     */
    boolean claim(String tenantId, String resource, List<Instant> units, int capacity) {
        OffsetDateTime[] starts = units.stream().sorted().map(CapacityLedger::utc).toArray(OffsetDateTime[]::new);
        List<OffsetDateTime> claimed = db.resultQuery("""
                        insert into booking_capacity (tenant_id, resource, unit_start, used)
                        select {0}, {1}, unit, 1 from unnest({2}::timestamptz[]) as unit order by unit
                        on conflict (tenant_id, resource, unit_start)
                        do update set used = booking_capacity.used + 1 where booking_capacity.used < {3}
                        returning unit_start""",
                        DSL.val(tenantId), DSL.val(resource), DSL.val(starts), DSL.val(capacity))
                .fetch(0, OffsetDateTime.class);
        if (claimed.size() == units.size()) {
            return true;
        }
        release(tenantId, resource, claimed.stream().map(OffsetDateTime::toInstant).toList());
        return false;
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

    /** Units in use per resource between two instants (epoch seconds as keys, read without timestamp parsing). */
    Map<String, Map<Long, Integer>> usage(String tenantId, List<String> resources, Instant from, Instant to) {
        Map<String, Map<Long, Integer>> usage = new HashMap<>();
        db.resultQuery("""
                        select resource, extract(epoch from unit_start)::bigint, used from booking_capacity
                        where tenant_id = {0} and resource = any({1}) and unit_start >= {2} and unit_start < {3}
                          and used > 0""",
                        DSL.val(tenantId), DSL.val(resources.toArray(String[]::new)), DSL.val(utc(from)), DSL.val(utc(to)))
                .fetch()
                .forEach(row -> usage.computeIfAbsent(row.get(0, String.class), r -> new HashMap<>())
                        .put(row.get(1, Long.class), row.get(2, Integer.class)));
        return usage;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
