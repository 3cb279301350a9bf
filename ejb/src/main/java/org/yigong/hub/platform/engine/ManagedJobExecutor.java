package org.yigong.hub.platform.engine;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Camunda's job executor on threads the container manages: the acquisition thread comes from a
 * {@link ManagedThreadFactory} and jobs run on a bounded {@link ManagedExecutorService}, so they
 * carry the container's naming and transaction context and are stopped with the deployment.
 * When the pool is full the engine's rejected-jobs handler hands the jobs back to acquisition.
 */
class ManagedJobExecutor extends JobExecutor {

    private final ManagedThreadFactory threadFactory;
    private final ManagedExecutorService jobThreads;

    ManagedJobExecutor(ManagedThreadFactory threadFactory, ManagedExecutorService jobThreads) {
        this.threadFactory = threadFactory;
        this.jobThreads = jobThreads;
    }

    @Override
    protected void startExecutingJobs() {
        startJobAcquisitionThread();
    }

    @Override
    protected void stopExecutingJobs() {
        stopJobAcquisitionThread();
    }

    @Override
    protected void startJobAcquisitionThread() {
        if (jobAcquisitionThread == null) {
            jobAcquisitionThread = threadFactory.newThread(acquireJobsRunnable);
            jobAcquisitionThread.setName(getName());
            jobAcquisitionThread.start();
        }
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        try {
            jobThreads.execute(getExecuteJobsRunnable(jobIds, processEngine));
        } catch (RejectedExecutionException e) {
            logRejectedExecution(processEngine, jobIds.size());
            rejectedJobsHandler.jobsRejected(jobIds, processEngine, this);
        }
    }
}
