package org.yigong.hub.platform.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the hub's own tables (prefix {@code HUB_}) to the current version before anything uses
 * them. Migrations live in {@code db/migration/<vendor>} (h2, postgresql, oracle) because the three
 * databases disagree on types for large text, binary data and time zones. Camunda's tables are not
 * managed here: the engine creates or updates them itself (see ProcessEngineBootstrap).
 *
 * <p>Bean-managed transactions: Flyway commits each migration itself, and a failed migration must
 * stop the deployment rather than be rolled into a container transaction.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/HubDS")
    DataSource dataSource;

    private static final List<String> SUPPORTED = List.of("h2", "postgresql", "oracle");

    private volatile String version;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor())
                .table("HUB_SCHEMA_HISTORY")
                .baselineOnMigrate(false)
                .load()
                .migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "hub schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, database " + result.database + ")");
    }

    /** The migration folder for HubDS's database; anything else is refused with a clear message. */
    private String vendor() {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach HubDS to migrate the hub schema", e);
        }
        String name = product.toLowerCase(Locale.ROOT);
        for (String vendor : SUPPORTED) {
            if (name.contains(vendor)) {
                return vendor;
            }
        }
        throw new IllegalStateException("HubDS is a " + product + " database; the hub supports " + SUPPORTED);
    }

    /** The schema version the database was migrated to at start. */
    public String version() {
        return version;
    }
}
