-- SPDX-License-Identifier: MIT
-- Appeals are listed by due date (earliest first) and filtered by kind, category and channel.

ALTER TABLE kc_complaints
  ADD COLUMN kind text,
  ADD COLUMN category_id text,
  ADD COLUMN channel text,
  ADD COLUMN due_at timestamptz;

UPDATE kc_complaints
SET kind = doc->>'kind',
    category_id = doc#>>'{category,id}',
    channel = doc->>'channel',
    due_at = (doc->>'dueAt')::timestamptz;

DROP INDEX kc_complaints_registered;
CREATE INDEX kc_complaints_due ON kc_complaints (due_at, registered_at, id);
CREATE INDEX kc_complaints_registered ON kc_complaints (registered_at);
CREATE INDEX kc_complaints_category ON kc_complaints (category_id, due_at);
