-- Endpoints ordered per patient (order = patient) keep each patient's deliveries in order while
-- one patient's stuck delivery does not hold up the others: the lane is the patient key, read
-- while the queue is walked in ID order (HUB_DELIVERY_QUEUE_IDX).
ALTER TABLE HUB_DELIVERY ADD (PATIENT_KEY VARCHAR2(120 CHAR) DEFAULT '-' NOT NULL);
