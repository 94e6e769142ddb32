package io.fupin.catalog.seller;

import io.fupin.catalog.seller.SellerApplication.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Seller applications, pending and decided. */
@Component
class SellerApplications {

    private static final String COLUMNS = """
            id, applicant, name, kind, credit_code, contact_name, contact_phone, town, village, documents, status,
            submitted_at, decided_by, decided_at, reason, seller_id""";

    private final JdbcClient jdbc;

    SellerApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws SellerApplicationPending when the applicant or the credit code has one waiting (unique keys) */
    void add(SellerApplication a) {
        try {
            jdbc.sql("INSERT INTO seller_application (" + COLUMNS + ", pending_applicant, pending_credit_code) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?)")
                    .params(a.id().toString(), a.applicant(), a.name(), a.kind().name(), a.creditCode(),
                            a.contact().name(), a.contact().phone(), a.town(), a.village(),
                            String.join("\n", a.documents()), a.status().name(), Timestamp.from(a.submittedAt()),
                            a.applicant(), a.creditCode())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new SellerApplicationPending();
        }
    }

    /** Locked until the transaction ends, so that two officials cannot both decide it. */
    Optional<SellerApplication> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller_application WHERE id = ? FOR UPDATE").param(id.toString())
                .query(SellerApplications::row).optional();
    }

    void decided(SellerApplication a) {
        jdbc.sql("UPDATE seller_application SET status = ?, decided_by = ?, decided_at = ?, reason = ?, seller_id = ?, "
                + "pending_applicant = NULL, pending_credit_code = NULL WHERE id = ?")
                .params(a.status().name(), a.decidedBy(), Timestamp.from(a.decidedAt()), a.reason(),
                        a.sellerId() == null ? null : a.sellerId().value().toString(), a.id().toString())
                .update();
    }

    List<SellerApplication> ofApplicant(String applicant) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller_application WHERE applicant = ? "
                + "ORDER BY submitted_at DESC, id").param(applicant).query(SellerApplications::row).list();
    }

    /**
     * The seller the applicant's first approved application registered: approvals are final, and an applicant
     * who was approved twice (a second application sent before signing in again) acts for the first one only.
     */
    Optional<SellerId> approvedSellerOf(String applicant) {
        return jdbc.sql("SELECT seller_id FROM seller_application WHERE applicant = ? AND status = 'APPROVED' "
                + "ORDER BY decided_at, id LIMIT 1").param(applicant).query(String.class).optional().map(id -> new SellerId(UUID.fromString(id)));
    }

    List<SellerApplication> withStatus(Status status, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller_application WHERE status = ? ORDER BY submitted_at, id "
                + "LIMIT ? OFFSET ?").params(status.name(), size, (long) page * size)
                .query(SellerApplications::row).list();
    }

    long countWithStatus(Status status) {
        return jdbc.sql("SELECT COUNT(*) FROM seller_application WHERE status = ?").param(status.name())
                .query(Long.class).single();
    }

    private static SellerApplication row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        String seller = rs.getString("seller_id");
        return new SellerApplication(UUID.fromString(rs.getString("id")), rs.getString("applicant"),
                rs.getString("name"), SellerKind.valueOf(rs.getString("kind")), rs.getString("credit_code"),
                new SellerView.Contact(rs.getString("contact_name"), rs.getString("contact_phone")),
                rs.getString("town"), rs.getString("village"), Arrays.asList(rs.getString("documents").split("\n")),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("reason"),
                seller == null ? null : new SellerId(UUID.fromString(seller)));
    }
}
