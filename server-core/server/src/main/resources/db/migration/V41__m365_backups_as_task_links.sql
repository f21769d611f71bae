-- Microsoft 365 backups are linked to their workflow in task_links (purpose M365_BACKUP, subject the
-- tenant) like every other task, so the one workflow monitor applies their outcome (and a retried
-- task keeps its link). Backups still waiting for their outcome move over; the repository access
-- their restore point keeps (the passphrase file) is not carried: such a point can be listed but not
-- read through the server.
INSERT INTO task_links (task_id, purpose, subject_id, policy_id, destination, applied)
SELECT task_id, 'M365_BACKUP', tenant, policy_id, destination, applied FROM m365_backups WHERE applied = FALSE;
DROP TABLE m365_backups;
