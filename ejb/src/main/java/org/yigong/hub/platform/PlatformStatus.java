package org.yigong.hub.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.yigong.hub.platform.schema.SchemaMigration;

/** What this hub node runs on: database and schema version, process engine and its deployed processes. */
@Stateless
public class PlatformStatus {

    /** The node's platform as operators and monitoring see it. */
    public record Status(String engine, long processDefinitions, String database, String schemaVersion) {
    }

    @Resource(lookup = "java:jboss/datasources/HubDS")
    DataSource dataSource;

    @Inject
    ProcessEngine engine;

    @EJB
    SchemaMigration schema;

    public Status current() {
        long definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
        return new Status(engine.getName(), definitions, databaseProduct(), schema.version());
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach HubDS", e);
        }
    }
}
