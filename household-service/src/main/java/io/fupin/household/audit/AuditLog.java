package io.fupin.household.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Written in the transaction of what it records, so a change and its audit entry commit together and an
 * unmasked read is never answered without its entry.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(Caller caller, String action, String subjectType, Object subjectId, String detail) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, actor_roles, action, subject_type, subject_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), caller.userId(), caller.rolesAsHeader(), action, subjectType,
                        subjectId == null ? null : subjectId.toString(), detail)
                .update();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Page<AuditEntry> search(String subjectId, String actor, String action, PageRequest page) {
        StringBuilder sql = new StringBuilder(" FROM audit_entry WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (subjectId != null) {
            sql.append(" AND subject_id = ?");
            params.add(subjectId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            params.add(actor);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            params.add(action);
        }
        long total = jdbc.sql("SELECT COUNT(*)" + sql).params(params).query(Long.class).single();
        List<Object> window = new ArrayList<>(params);
        window.add(page.size());
        window.add(page.offset());
        List<AuditEntry> entries = jdbc.sql("SELECT id, occurred_at, actor, actor_roles, action, subject_type, "
                + "subject_id, detail" + sql + " ORDER BY id DESC LIMIT ? OFFSET ?").params(window)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
        return Page.of(entries, page, total);
    }

    public record AuditEntry(long id, Instant occurredAt, String actor, String actorRoles, String action,
            String subjectType, String subjectId, String detail) {
    }
}
