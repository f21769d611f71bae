-- Microsoft 365 policies also choose users by group (id or display name) and by license (SKU id or
-- part number); both are JSON lists like the user ids and name patterns.
ALTER TABLE m365_policies ADD COLUMN group_rules TEXT NOT NULL DEFAULT '[]', ADD COLUMN license_rules TEXT NOT NULL DEFAULT '[]';
