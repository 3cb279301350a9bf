-- The workflow bridge's outbox: one row per message and process a route hands it to, written in
-- the routing transaction and worked in ID order after it, so a process start never holds up the
-- deliveries, and a report is handed over after the order it reports on.
CREATE SEQUENCE HUB_HANDOVER_SEQ START WITH 1 INCREMENT BY 50;

CREATE TABLE HUB_HANDOVER (
    ID          BIGINT NOT NULL,
    ROW_VERSION INTEGER NOT NULL,
    MESSAGE_ID  BIGINT NOT NULL,
    PROCESS_KEY VARCHAR(120) NOT NULL,
    ROUTE       VARCHAR(80),
    CENTRE      VARCHAR(80),
    PAYLOAD     VARCHAR(1000000000) NOT NULL,
    STATUS      VARCHAR(20) NOT NULL,
    CREATED_AT  TIMESTAMP WITH TIME ZONE NOT NULL,
    DONE_AT     TIMESTAMP WITH TIME ZONE,
    OUTCOME     VARCHAR(400),
    BUSINESS_KEY VARCHAR(200),
    PROCESS_INSTANCE VARCHAR(64),
    LAST_ERROR  VARCHAR(1000),
    CONSTRAINT HUB_HANDOVER_PK PRIMARY KEY (ID),
    CONSTRAINT HUB_HANDOVER_MESSAGE_FK FOREIGN KEY (MESSAGE_ID) REFERENCES HUB_MESSAGE (ID)
);
CREATE INDEX HUB_HANDOVER_QUEUE_IDX ON HUB_HANDOVER (STATUS, ID);
CREATE INDEX HUB_HANDOVER_MESSAGE_IDX ON HUB_HANDOVER (MESSAGE_ID);
-- the order's process is found here by its business key, not by the engine's own query, whose
-- plan on H2 walks every running instance
CREATE INDEX HUB_HANDOVER_ORDER_IDX ON HUB_HANDOVER (PROCESS_KEY, BUSINESS_KEY);
