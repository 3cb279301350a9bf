package org.yigong.hub.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yigong.hub.audit.entity.AuditEvent;
import org.yigong.hub.delivery.entity.Delivery;
import org.yigong.hub.inbound.entity.InboundMessage;
import org.yigong.hub.result.entity.IndexedResult;

/**
 * The H2 migrations, run as SchemaMigration runs them, give every entity the columns, nullability,
 * lengths, indexes and sequence its mapping expects; and the PostgreSQL and Oracle migrations
 * create the same tables with the same columns. Hibernate does not validate the schema
 * (SchemaMigration owns it), so without this a misspelt column shows only in an IT or in production.
 */
class MigrationsTest {

    private static final String URL = "jdbc:h2:mem:migrations-test;DB_CLOSE_DELAY=-1";
    private static Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        Flyway.configure(MigrationsTest.class.getClassLoader()).dataSource(URL, "sa", "")
                .locations("classpath:db/migration/h2").table("HUB_SCHEMA_HISTORY").load().migrate();
        connection = DriverManager.getConnection(URL, "sa", "");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private record DbColumn(boolean nullable, Long length) {
    }

    @ParameterizedTest
    @ValueSource(classes = {IndexedResult.class, InboundMessage.class, Delivery.class, AuditEvent.class})
    void everyMappedColumnExistsAsMapped(Class<?> entity) throws SQLException {
        String table = entity.getAnnotation(Table.class).name();
        Map<String, DbColumn> columns = columns(table);
        assertThat(columns).as(table).isNotEmpty();

        for (Field field : entity.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column == null) {
                continue;
            }
            DbColumn db = columns.get(column.name());
            assertThat(db).as(table + "." + column.name()).isNotNull();
            if (!column.nullable() || field.getType().isPrimitive()) {
                assertThat(db.nullable()).as(table + "." + column.name() + " NOT NULL").isFalse();
            }
            if (field.getType() == String.class && column.length() != 255) {
                assertThat(db.length()).as(table + "." + column.name() + " length").isEqualTo(column.length());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {IndexedResult.class, InboundMessage.class, Delivery.class, AuditEvent.class})
    void everyMappedIndexAndSequenceExists(Class<?> entity) throws SQLException {
        String table = entity.getAnnotation(Table.class).name();
        List<String> indexes = names("select INDEX_NAME from INFORMATION_SCHEMA.INDEXES where TABLE_NAME = '" + table + "'");
        for (Index index : entity.getAnnotation(Table.class).indexes()) {
            assertThat(indexes).as(table).contains(index.name());
        }
        List<String> sequences = names("select SEQUENCE_NAME from INFORMATION_SCHEMA.SEQUENCES");
        for (Field field : entity.getDeclaredFields()) {
            SequenceGenerator sequence = field.getAnnotation(SequenceGenerator.class);
            if (sequence != null) {
                assertThat(sequences).contains(sequence.sequenceName());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1__audit_event.sql", "V2__inbound_message.sql", "V3__delivery.sql", "V4__result_index.sql"})
    void postgresqlAndOracleCreateTheSameColumnsAndIndexes(String migration) {
        Map<String, List<String>> h2 = declaredNames(read("h2", migration));

        assertThat(declaredNames(read("postgresql", migration))).as("postgresql/" + migration).isEqualTo(h2);
        assertThat(declaredNames(read("oracle", migration))).as("oracle/" + migration).isEqualTo(h2);
    }

    private static Map<String, DbColumn> columns(String table) throws SQLException {
        Map<String, DbColumn> columns = new HashMap<>();
        try (ResultSet rs = connection.createStatement().executeQuery(
                "select COLUMN_NAME, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH from INFORMATION_SCHEMA.COLUMNS where TABLE_NAME = '"
                        + table + "'")) {
            while (rs.next()) {
                long length = rs.getLong(3);
                columns.put(rs.getString(1), new DbColumn("YES".equals(rs.getString(2)), rs.wasNull() ? null : length));
            }
        }
        return columns;
    }

    private static List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Table → its column names in order, and "indexes" → the index and sequence names, as the script declares them. */
    private static Map<String, List<String>> declaredNames(String script) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Matcher table = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL).matcher(script);
        while (table.find()) {
            List<String> columns = new ArrayList<>();
            for (String line : table.group(2).split("\n")) {
                Matcher column = Pattern.compile("^\\s+(\\w+)\\s+\\w").matcher(line);
                if (column.find() && !"CONSTRAINT".equals(column.group(1))) {
                    columns.add(column.group(1));
                }
            }
            names.put(table.group(1), columns);
        }
        List<String> others = new ArrayList<>();
        Matcher other = Pattern.compile("CREATE (?:UNIQUE )?(?:INDEX|SEQUENCE) (\\w+)").matcher(script);
        while (other.find()) {
            others.add(other.group(1));
        }
        names.put("indexes", others);
        return names;
    }

    private static String read(String vendor, String migration) {
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/db/migration/" + vendor + "/" + migration)) {
            assertThat(in).as(vendor + "/" + migration).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
