-- The overdue scan reads only the steps due a slip or notice (owed_steps.next_slip_at), not every step past its deadline.
-- Open steps from before: the next scan looks at each once and sets its real next slip time.
ALTER TABLE owed_steps ADD COLUMN next_slip_at timestamptz;
UPDATE owed_steps SET next_slip_at = open_due_at WHERE open_due_at IS NOT NULL;
CREATE INDEX owed_steps_next_slip ON owed_steps (next_slip_at, id) WHERE next_slip_at IS NOT NULL;
