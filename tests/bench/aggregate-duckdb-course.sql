-- The aggregation's course figures from `kizuki aggregate PACK RECORDS… --rows course-rows.parquet`
-- (one row per counted record and module). Counts here are raw: the page and the CLI's JSON
-- also hide groups under the minimum and small cells, which these queries do not. Rates are
-- rounded to one decimal half up on integers, as the report does.
CREATE OR REPLACE VIEW course AS SELECT * FROM read_parquet('course-rows.parquet');

-- Records, completion, and the follow-up's improvement share (KPI: 80 %).
WITH records AS (SELECT DISTINCT file_no, course_completed, improved FROM course)
SELECT count(*) AS records,
       count(*) FILTER (WHERE course_completed) AS completed,
       (count(*) FILTER (WHERE course_completed) * 1000 + count(*) // 2) // nullif(count(*), 0) / 10.0
         AS completion_rate_percent,
       count(improved) AS follow_up_answered,
       count(*) FILTER (WHERE improved) AS improved,
       (count(*) FILTER (WHERE improved) * 1000 + count(improved) // 2) // nullif(count(improved), 0) / 10.0
         AS improved_percent
FROM records;

-- Per module, over the learners who started it: completion, quiz pass rate (over those who
-- took the quiz), mean active minutes (over those who recorded any time), and the share of
-- positive 理解度 and 有用度 answers (有用度: the module's 有益度, KPI: 90 %).
SELECT module, count(*) AS started,
       count(*) FILTER (WHERE completed) AS completed,
       (count(*) FILTER (WHERE completed) * 1000 + count(*) // 2) // count(*) / 10.0
         AS completion_rate_percent,
       count(*) FILTER (WHERE attempts > 0) AS attempted,
       count(*) FILTER (WHERE passed) AS passed,
       (count(*) FILTER (WHERE passed) * 1000 + count(*) FILTER (WHERE attempts > 0) // 2)
         // nullif(count(*) FILTER (WHERE attempts > 0), 0) / 10.0 AS pass_rate_percent,
       -- Minutes to one decimal: round(seconds / 6) / 10, half away from zero, as the report.
       round(avg(active_seconds) FILTER (WHERE active_seconds > 0) / 6) / 10 AS mean_active_minutes,
       count(feedback_understanding) AS understanding_answered,
       count(*) FILTER (WHERE feedback_understanding_positive) AS understanding_positive,
       (count(*) FILTER (WHERE feedback_understanding_positive) * 1000 + count(feedback_understanding) // 2)
         // nullif(count(feedback_understanding), 0) / 10.0 AS understanding_percent,
       count(feedback_usefulness) AS useful_answered,
       count(*) FILTER (WHERE feedback_usefulness_positive) AS useful_positive,
       (count(*) FILTER (WHERE feedback_usefulness_positive) * 1000 + count(feedback_usefulness) // 2)
         // nullif(count(feedback_usefulness), 0) / 10.0 AS useful_percent
FROM course WHERE started GROUP BY module ORDER BY module;

-- The course as a whole, one answer per person and question: positive when more than half
-- of the modules they answered it for got a positive answer (a tie is not). Over the people
-- who answered it at least once; 有用度's share is the course's 有益度 (KPI: 90 %).
WITH people AS (
  SELECT file_no,
         count(feedback_understanding) AS u_answered,
         count(*) FILTER (WHERE feedback_understanding_positive) AS u_positive,
         count(feedback_usefulness) AS f_answered,
         count(*) FILTER (WHERE feedback_usefulness_positive) AS f_positive
  FROM course GROUP BY file_no)
SELECT 'understanding' AS question,
       count(*) FILTER (WHERE u_answered > 0) AS answered,
       count(*) FILTER (WHERE u_positive * 2 > u_answered) AS positive,
       (count(*) FILTER (WHERE u_positive * 2 > u_answered) * 1000 + count(*) FILTER (WHERE u_answered > 0) // 2)
         // nullif(count(*) FILTER (WHERE u_answered > 0), 0) / 10.0 AS positive_percent
FROM people
UNION ALL
SELECT 'usefulness',
       count(*) FILTER (WHERE f_answered > 0),
       count(*) FILTER (WHERE f_positive * 2 > f_answered),
       (count(*) FILTER (WHERE f_positive * 2 > f_answered) * 1000 + count(*) FILTER (WHERE f_answered > 0) // 2)
         // nullif(count(*) FILTER (WHERE f_answered > 0), 0) / 10.0
FROM people;
