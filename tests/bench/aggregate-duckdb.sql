-- The aggregation page's figures from `kizuki aggregate PACK FILES… --rows rows.parquet`
-- (one row per counted file and item). Counts here are raw: the page and the CLI's JSON
-- also hide groups under the minimum and small cells, which these queries do not.
CREATE OR REPLACE VIEW rows AS SELECT * FROM read_parquet('rows.parquet');

-- Files counted, and the mean overall score of the complete ones (one decimal, half up).
WITH files AS (SELECT DISTINCT file_no, complete, percent FROM rows)
SELECT count(*) AS files,
       count(*) FILTER (WHERE complete) AS complete_files,
       (sum(percent) FILTER (WHERE complete) * 1000 + count(percent) FILTER (WHERE complete) * 50)
         // (count(percent) FILTER (WHERE complete) * 100) / 10.0 AS mean_percent
FROM files;

-- Size mix: files per size band.
SELECT band, count(*) AS files
FROM (SELECT DISTINCT file_no, band FROM rows)
GROUP BY band ORDER BY band;

-- Answers per item: files it applies to, and files per answer (NULL: unanswered).
SELECT item, choice, count(*) AS files,
       sum(count(*)) OVER (PARTITION BY item) AS applies
FROM rows WHERE applies
GROUP BY item, choice ORDER BY item, choice;

-- "Why not", all files: answers giving each reason, and workplaces giving it at least once.
SELECT reason, count(*) AS answers, count(DISTINCT file_no) AS files
FROM (SELECT file_no, unnest(string_split(reasons, ';')) AS reason
      FROM rows WHERE applies AND reasons <> '')
GROUP BY reason ORDER BY reason;
