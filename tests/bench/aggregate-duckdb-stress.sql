-- The stress self-check's group analysis (判定図) from `kizuki aggregate PACK FILES…
-- --rows stress-rows.parquet` (one row per person). Raw: hide groups under 10 yourself, as
-- the report does (and, like the report, the smallest groups beside them when the rest of
-- a split would otherwise single out fewer than 10 people).
CREATE OR REPLACE VIEW stress AS SELECT * FROM read_parquet('stress-rows.parquet');

-- Answers counted (complete) and left incomplete (counted apart, never averaged).
SELECT count(*) FILTER (WHERE complete) AS counted,
       count(*) FILTER (WHERE NOT complete) AS incomplete
FROM stress;

-- The 判定図 means by sex (group NULL: everyone of that sex) and by sex and group, to one
-- decimal. DuckDB's round() rounds half away from zero on the double mean, as the report does.
SELECT split, "group", count(*) AS people,
       round(avg(workload), 1) AS workload, round(avg(control), 1) AS control,
       round(avg(supervisor), 1) AS supervisor, round(avg(coworkers), 1) AS coworkers
FROM stress WHERE complete
GROUP BY GROUPING SETS ((split), (split, "group"))
HAVING grouping("group") = 1 OR "group" IS NOT NULL
ORDER BY split, "group" NULLS FIRST;
