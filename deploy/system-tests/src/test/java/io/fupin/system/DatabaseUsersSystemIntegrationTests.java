package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Each service reaches the database as its own user, with rights on the rows of its own schema only: settlement's
 * user can keep the ledger but cannot undo what protects it, nor look into another service's schema.
 */
class DatabaseUsersSystemIntegrationTests {

    private static final String SERVER = System.getProperty("db.server.url", "jdbc:mysql://127.0.0.1:3306");

    @Test
    void settlementsUserReadsAndWritesItsOwnRows() throws Exception {
        try (Connection connection = asSettlementRuntimeUser(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM journal_entry")) {
                assertThat(rs.next()).isTrue();
            }
            statement.executeUpdate("UPDATE settlement_order SET order_id = order_id WHERE 1 = 0");
        }
    }

    @Test
    void settlementsUserCannotDropTheLedgersTriggers() throws Exception {
        try (Connection connection = asSettlementRuntimeUser(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DROP TRIGGER journal_entry_no_update"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> statement.execute("DROP TRIGGER journal_line_no_delete"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
        assertThat(ledgerTriggers()).contains("journal_entry_no_update", "journal_line_no_delete");
    }

    @Test
    void settlementsUserCannotAlterOrDropTables() throws Exception {
        try (Connection connection = asSettlementRuntimeUser(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("ALTER TABLE journal_entry ADD COLUMN forged INT"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> statement.execute("DROP TABLE journal_line"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE shadow_ledger (id INT)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
    }

    @Test
    void settlementsUserCannotReachAnotherServicesSchema() throws Exception {
        try (Connection connection = asSettlementRuntimeUser(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM orders.orders"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM household.household"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> statement.execute("USE catalog"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
    }

    /** The runtime user's password is one of the secrets fupin generated into the stack's state. */
    private static Connection asSettlementRuntimeUser() throws SQLException, IOException {
        Path state = Path.of(Platform.cliOutput("path").strip());
        String password = Files.readString(state.resolve("secrets/db-settlement-runtime")).strip();
        return DriverManager.getConnection(SERVER + "/settlement", "fupin_settlement", password);
    }

    private static String ledgerTriggers() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "/information_schema",
                System.getProperty("db.user", "root"), System.getProperty("db.password", ""));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT GROUP_CONCAT(TRIGGER_NAME) FROM TRIGGERS WHERE TRIGGER_SCHEMA = 'settlement'")) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
