-- A page reads one organization's and municipality's counts (a few thousand rows spread
-- over the table's pages): from the index alone.
CREATE INDEX impact_counts_read ON impact_counts (org, municipality) INCLUDE (kind, quarter, measure, n);
