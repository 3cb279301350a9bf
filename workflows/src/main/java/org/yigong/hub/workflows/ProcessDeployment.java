package org.yigong.hub.workflows;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Map;
import java.util.logging.Logger;
import org.yigong.hub.workflow.control.OrderWithdrawal;
import org.yigong.hub.workflows.diagnosis.WithdrawOrder;

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

    @EJB
    OrderWithdrawal withdrawal;

    private HubProcessApplication application;

    @PostConstruct
    void deploy() {
        application = new HubProcessApplication(Map.of("withdrawOrder", new WithdrawOrder(withdrawal)));
        application.deploy();
        LOG.info(() -> "process application '" + application.getName() + "' deployed");
    }

    @PreDestroy
    void undeploy() {
        application.undeploy();
    }
}
