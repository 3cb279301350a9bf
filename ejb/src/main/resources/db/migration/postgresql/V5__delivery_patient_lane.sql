-- Endpoints ordered per patient (order = patient) keep each patient's deliveries in order while
-- one patient's stuck delivery does not hold up the others: the lane is the patient key.
ALTER TABLE HUB_DELIVERY ADD COLUMN PATIENT_KEY VARCHAR(120) DEFAULT '-' NOT NULL;
CREATE INDEX HUB_DELIVERY_LANE_IDX ON HUB_DELIVERY (ENDPOINT, STATUS, PATIENT_KEY, ID);
