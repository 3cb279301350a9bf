package org.yigong.hub.workflows;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;

/**
 * Deploys the hub's process application once the engine is up. Camunda deploys only models that
 * changed since the last start ({@code isDeployChangedOnly}), so restarts do not pile up versions,
 * and running instances keep their version. Models a designer deployed from Camunda Modeler
 * through {@code /engine-rest} live beside these and are not touched.
 */
@Singleton
@Startup
@DependsOn("hub-ejb.jar#ProcessEngineBootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class ProcessDeployment {

    private static final Logger LOG = Logger.getLogger(ProcessDeployment.class.getName());

    private final HubProcessApplication application = new HubProcessApplication();

    @PostConstruct
    void deploy() {
        application.deploy();
        LOG.info(() -> "process application '" + application.getName() + "' deployed");
    }

    @PreDestroy
    void undeploy() {
        application.undeploy();
    }
}
