package org.yigong.hub.platform.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.yigong.hub.platform.demo.DemoIdentities;

/**
 * Starts the hub's Camunda 7 process engine and makes it the platform's default engine.
 *
 * <p>This is the only place that knows how the engine is wired to WildFly: transactions are the
 * container's JTA transactions ({@code java:jboss/TransactionManager}), data lives in {@code HubDS}
 * beside the hub's own tables, jobs run on container-managed threads ({@link ManagedJobExecutor}).
 * Registering with Camunda's {@link RuntimeContainerDelegate} is what lets the Camunda webapps at
 * {@code /camunda}, the engine REST API at {@code /engine-rest} and the process application in
 * {@code workflows} find the engine by name.
 *
 * <p>Settings (system properties, all optional):
 * <ul>
 * <li>{@code hub.camunda.schema-update} (default {@code true}): create or upgrade Camunda's tables at
 *     start. Set {@code false} on Oracle, where the DBA runs Camunda's official scripts.</li>
 * <li>{@code hub.camunda.history} (default {@code full}): what the engine keeps for audit and metrics.</li>
 * <li>{@code hub.camunda.job-executor} (default {@code true}): whether this node executes jobs.</li>
 * <li>{@code hub.demo} (default {@code false}): create the demo user and groups.</li>
 * </ul>
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ProcessEngineBootstrap {

    /** The name under which the webapps, engine REST and process applications look the engine up. */
    public static final String ENGINE_NAME = "default";

    /** Camunda's group whose members may do everything in Cockpit, Tasklist and Admin. */
    public static final String ADMINISTRATOR_GROUP = "camunda-admin";

    private static final Logger LOG = Logger.getLogger(ProcessEngineBootstrap.class.getName());

    @Resource(lookup = "java:jboss/datasources/HubDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/TransactionManager")
    TransactionManager transactionManager;

    @Resource(lookup = "java:jboss/ee/concurrency/factory/hub")
    ManagedThreadFactory threadFactory;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/camunda-jobs")
    ManagedExecutorService jobThreads;

    private ProcessEngine engine;

    @PostConstruct
    void start() {
        engine = configuration().buildProcessEngine();
        RuntimeContainerDelegate.INSTANCE.get().registerProcessEngine(engine);
        new RoleAuthorizations(engine).grant();
        new TasklistFilters(engine).ensureDefaults();
        if (Boolean.getBoolean("hub.demo")) {
            new DemoIdentities(engine).ensure();
        }
        LOG.info(() -> "process engine '" + engine.getName() + "' started and registered");
    }

    private JakartaTransactionProcessEngineConfiguration configuration() {
        var administrators = new AdministratorAuthorizationPlugin();
        administrators.setAdministratorGroupName(ADMINISTRATOR_GROUP);

        var configuration = new JakartaTransactionProcessEngineConfiguration();
        configuration.setProcessEngineName(ENGINE_NAME);
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactionManager);
        configuration.setTransactionsExternallyManaged(true);
        configuration.setDatabaseSchemaUpdate(System.getProperty("hub.camunda.schema-update", "true"));
        configuration.setHistory(System.getProperty("hub.camunda.history", "full"));
        configuration.setJobExecutor(new ManagedJobExecutor(threadFactory, jobThreads));
        configuration.setJobExecutorActivate(Boolean.parseBoolean(System.getProperty("hub.camunda.job-executor", "true")));
        configuration.setAuthorizationEnabled(true);
        // Hospital user ids look like "dr.wang" and the hub's groups like "hub-admin";
        // Camunda's default id pattern allows neither.
        configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        configuration.setProcessEnginePlugins(List.of(administrators));
        // History cleanup runs at night, when the county's reading rooms are quiet.
        configuration.setHistoryCleanupBatchWindowStartTime("01:00");
        configuration.setHistoryCleanupBatchWindowEndTime("05:00");
        return configuration;
    }

    /** The engine, for beans of the hub that start processes or correlate messages. */
    @Produces
    public ProcessEngine processEngine() {
        return engine;
    }

    @PreDestroy
    void stop() {
        if (engine == null) {
            return;
        }
        RuntimeContainerDelegate.INSTANCE.get().unregisterProcessEngine(engine);
        // unregistering alone would leave the job acquisition thread running after undeploy
        engine.close();
        LOG.info("process engine stopped");
    }
}
