//! The fixed labels of reports, CSV headers and calendar entries, per language, in one
//! place. Content (item texts, titles, helper names) comes from the pack, never from here.

use crate::text::Lang;

/// Short fixed labels used by reports, CSV files, calendar files and aggregate tables.
/// Templates hold `{n}` (a number) or `{field}` (a field label) where a value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// Month names, January first (English dates).
    pub months: [&'static str; 12],
    /// Days of the week, Monday first, as a date with its weekday shows them.
    pub weekdays: [&'static str; 7],
    /// Shown for a value that is absent.
    pub none: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// "Content as of".
    pub content_as_of: &'static str,
    /// The line saying results are not a diagnosis.
    pub not_a_diagnosis: &'static str,

    /// Heading of the profile answers.
    pub profile: &'static str,
    /// A question not answered.
    pub not_answered: &'static str,
    /// Heading of the overall result.
    pub overall: &'static str,
    /// "Score".
    pub score: &'static str,
    /// "Level".
    pub level: &'static str,
    /// "Answered" (progress).
    pub answered: &'static str,
    /// Heading of the per-area table.
    pub by_area: &'static str,
    /// The profile rows' section in the CSV (事業場について).
    pub profile_section: &'static str,
    /// "Area".
    pub area: &'static str,
    /// Caption of the per-area chart.
    pub chart_title: &'static str,
    /// An area with nothing scored yet.
    pub not_scored: &'static str,
    /// Coverage below the threshold: `{threshold}` (percent) is filled in.
    pub coverage_below: &'static str,
    /// Heading of the list of "not applicable" answers the profile contradicts.
    pub contradicted_not_applicable: &'static str,
    /// Heading of the profile consistency findings (legal duties the profile says are unmet).
    pub consistency: &'static str,
    /// Files answered far enough for a score (aggregation).
    pub complete_files: &'static str,
    /// Files below the coverage threshold (aggregation).
    pub incomplete_files: &'static str,
    /// "Don't know" answers counted apart: `{n}` is filled in.
    pub unknown_count: &'static str,
    /// Heading of the action plan.
    pub action_plan: &'static str,
    /// "Rank".
    pub rank: &'static str,
    /// "Item".
    pub item: &'static str,
    /// "Goal": an action-plan item worded as a goal.
    pub goal: &'static str,
    /// "Workplace": the optional name the person gave.
    pub workplace: &'static str,
    /// "Item id".
    pub item_id: &'static str,
    /// "Applies" (to this profile).
    pub applies: &'static str,
    /// "Answer".
    pub answer: &'static str,
    /// "Credit" (percent).
    pub credit: &'static str,
    /// "Why not".
    pub why_not: &'static str,
    /// The free-text reason.
    pub why_not_other: &'static str,
    /// "Obligation".
    pub obligation: &'static str,
    /// A legal duty.
    pub legal_duty: &'static str,
    /// A duty to endeavour.
    pub effort_duty: &'static str,
    /// Recommended.
    pub recommended: &'static str,
    /// A dated rule not started yet: `{level}` from `{date}` (planned).
    pub planned_from: &'static str,
    /// A rule change (an update note) not in force yet: applies from `{date}` (planned).
    pub update_planned_from: &'static str,
    /// A rule change whose day a cabinet order sets, at the latest `{date}`.
    pub update_planned_by_cabinet_order: &'static str,
    /// A rule whose start a cabinet order will set: `{level}`, at the latest from `{date}`.
    pub planned_by_cabinet_order: &'static str,
    /// "What to do".
    pub recommendation: &'static str,
    /// "Owner".
    pub owner: &'static str,
    /// "Due".
    pub due: &'static str,
    /// "Done".
    pub done: &'static str,
    /// "Who can help".
    pub helpers: &'static str,
    /// Shown when no item needs action.
    pub no_actions: &'static str,

    /// Questionnaire CSV: the column saying what a row is.
    pub q_row: &'static str,
    /// Questionnaire CSV: the column of a row's name (a question, a scale, a total).
    pub q_name: &'static str,
    /// Questionnaire CSV: the column of points (an answer's points, a scale's raw score, a total).
    pub q_points: &'static str,
    /// Questionnaire CSV: the column of a scale's grade (評価点).
    pub q_grade: &'static str,
    /// Questionnaire CSV row: about the respondent.
    pub q_respondent: &'static str,
    /// Questionnaire CSV row: a question.
    pub q_item: &'static str,
    /// Questionnaire CSV row: a scale.
    pub q_measure: &'static str,
    /// Questionnaire CSV row: a total.
    pub q_sum: &'static str,
    /// Questionnaire CSV row: a rule (e.g. high stress by one method).
    pub q_rule: &'static str,
    /// Questionnaire CSV row: the result.
    pub q_outcome: &'static str,
    /// Questionnaire CSV column: the section and number of a question.
    pub q_number: &'static str,

    /// Marks a plan document as holding sensitive personal information.
    pub confidential: &'static str,
    /// "Date" (next to a signature).
    pub date: &'static str,
    /// "Signature".
    pub signature: &'static str,
    /// Offset of a follow-up date, `{n}` days after the anchor.
    pub days_after: &'static str,
    /// Shown while the anchor date of the follow-up schedule is empty; holds `{field}`.
    pub schedule_needs_anchor: &'static str,
    /// "Case".
    pub case: &'static str,
    /// "Opened".
    pub opened: &'static str,
    /// "Step".
    pub step: &'static str,
    /// "Task".
    pub task: &'static str,
    /// "Roles".
    pub roles: &'static str,
    /// "Case id".
    pub case_id: &'static str,
    /// "Task id".
    pub task_id: &'static str,
    /// "Module id".
    pub module_id: &'static str,
    /// "Attempt date".
    pub attempt_date: &'static str,
    /// "Done on".
    pub done_on: &'static str,
    /// Marks the step a case is at.
    pub current_step: &'static str,
    /// Shown for a closed case.
    pub case_closed: &'static str,
    /// Heading of a case's progress.
    pub case_progress: &'static str,
    /// Heading of a case's record of events (its decisions and moves).
    pub case_history: &'static str,
    /// The day an event happened.
    pub happened_on: &'static str,
    /// The day it was recorded.
    pub recorded_on: &'static str,
    /// "Decision".
    pub decision: &'static str,
    /// A step left without a decision.
    pub moved_on: &'static str,
    /// Summary of a follow-up calendar event.
    pub follow_up_meeting: &'static str,

    /// Title of the completion certificate.
    pub certificate: &'static str,
    /// The sentence of the certificate.
    pub certificate_statement: &'static str,
    /// Says the certificate is a self-record.
    pub certificate_self_record: &'static str,
    /// "Name".
    pub learner: &'static str,
    /// "Course".
    pub course: &'static str,
    /// "Completed on".
    pub completed_on: &'static str,
    /// "Module".
    pub module: &'static str,
    /// "Best score".
    pub best_score: &'static str,
    /// "Pass mark".
    pub pass_mark: &'static str,
    /// "Passed".
    pub passed: &'static str,
    /// "Lessons read".
    pub lessons: &'static str,
    /// "Scenarios finished".
    pub scenarios: &'static str,
    /// "Attempts".
    pub attempts: &'static str,
    /// "Completed".
    pub completed: &'static str,
    /// Heading of the course progress.
    pub course_progress: &'static str,
    /// "Question".
    pub question: &'static str,
    /// "Question id".
    pub question_id: &'static str,
    /// "Correct".
    pub correct: &'static str,
    /// "Record" (CSV: module or question row).
    pub record: &'static str,

    /// Aggregate: "Section".
    pub section: &'static str,
    /// Aggregate: "Group".
    pub group: &'static str,
    /// Aggregate: "Name" (the label of the thing a row counts).
    pub name: &'static str,
    /// Aggregate: "Measure".
    pub measure: &'static str,
    /// Aggregate: "Value".
    pub value: &'static str,
    /// Aggregate: a hidden figure, `{n}` being the minimum group size.
    pub hidden_below: &'static str,
    /// Aggregate: "Files".
    pub files: &'static str,
    /// Aggregate: the size band.
    pub size_band: &'static str,
    /// Aggregate: the band of files with no size answer.
    pub band_unanswered: &'static str,
    /// Aggregate: the band holding every file when there is no size question.
    pub band_all: &'static str,
    /// Aggregate: "Mean score (%)".
    pub mean_percent: &'static str,
    /// Aggregate: "Count".
    pub count: &'static str,
    /// Aggregate: "Started".
    pub started: &'static str,
    /// Aggregate: "Completion rate (%)".
    pub completion_rate: &'static str,
    /// Aggregate: "Pass rate (%)".
    pub pass_rate: &'static str,
    /// Aggregate: "Positive (%)".
    pub positive_percent: &'static str,
    /// The follow-up's concrete-improvement share (course aggregation).
    pub follow_up_improved_percent: &'static str,
    /// A feedback question over the whole course, one answer per person (course aggregation).
    pub course_positive_percent: &'static str,
    /// Mean active time on a module (course aggregation).
    pub mean_active_minutes: &'static str,
    /// Aggregate: "Feedback".
    pub feedback: &'static str,
    /// Aggregate: "Invalid file".
    pub invalid_file: &'static str,
    /// Aggregate (questionnaire): "Group analysis (仕事のストレス判定図)".
    pub group_analysis: &'static str,
    /// Aggregate (questionnaire): "People".
    pub people: &'static str,
    /// Aggregate (questionnaire): "Mean (raw)".
    pub mean_raw: &'static str,
    /// Aggregate (questionnaire): "Health risk (national mean = 100)".
    pub health_risk: &'static str,
    /// Aggregate (questionnaire): "Total health risk".
    pub total_health_risk: &'static str,
    /// Aggregate (questionnaire): "Complete answers (counted)".
    pub complete_answers: &'static str,
    /// Aggregate (questionnaire): "Incomplete answers (not counted)".
    pub incomplete_answers: &'static str,
}

/// The labels in `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

const JA: Labels = Labels {
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    weekdays: ["月", "火", "水", "木", "金", "土", "日"],
    none: "—",
    yes: "はい",
    no: "いいえ",
    content_as_of: "内容の基準日",
    not_a_diagnosis: "この結果は自己点検のための目安です。診断や評価ではなく、法令に適合していることの証明でもありません。",

    profile: "事業場の概要",
    not_answered: "未回答",
    overall: "全体の状況",
    score: "得点",
    level: "段階",
    answered: "回答済み",
    by_area: "領域ごとの状況",
    profile_section: "事業場について",
    area: "領域",
    chart_title: "領域ごとの得点（%）",
    not_scored: "採点対象なし",
    coverage_below: "回答が対象項目の{threshold}%に達していないため、得点と段階は表示しません。回答を進めると、現在の状況がわかります。",
    contradicted_not_applicable: "「該当しない」と回答しましたが、この事業場では法令上の義務です。確認してください",
    consistency: "法令上の義務の確認",
    complete_files: "ファイル数（回答が閾値以上、得点の集計対象）",
    incomplete_files: "ファイル数（回答が閾値未満、得点の集計対象外）",
    unknown_count: "うち「わからない」{n}項目（未実施として扱います）",
    action_plan: "アクションプラン（優先順）",
    rank: "順位",
    item: "項目",
    goal: "目標",
    workplace: "事業場名",
    item_id: "項目ID",
    applies: "対象",
    answer: "回答",
    q_row: "区分",
    q_name: "内容",
    q_points: "点（設問は選んだ答えの点、尺度は素点）",
    q_grade: "評価点（1〜5）",
    q_respondent: "回答者",
    q_item: "設問",
    q_measure: "尺度",
    q_sum: "合計",
    q_rule: "判定",
    q_outcome: "結果",
    q_number: "番号",
    credit: "得点率（%）",
    why_not: "まだ十分でない理由",
    why_not_other: "その他の理由",
    obligation: "位置づけ",
    legal_duty: "法定義務",
    effort_duty: "努力義務",
    recommended: "推奨",
    planned_from: "{date}から{level}（予定）",
    update_planned_from: "{date}から適用（予定）",
    update_planned_by_cabinet_order: "政令で定める日から適用（遅くとも{date}、予定）",
    planned_by_cabinet_order: "政令で定める日から{level}（遅くとも{date}、予定）",
    recommendation: "推奨される対応",
    owner: "担当",
    due: "目標日",
    done: "完了",
    helpers: "相談先",
    no_actions: "改善が必要な項目はありません。",

    confidential: "取扱注意（要配慮個人情報を含みます。必要な方のみで、利用目的の範囲内でお取り扱いください。）",
    date: "日付",
    signature: "署名",
    days_after: "{n}日後",
    schedule_needs_anchor: "「{field}」を入力すると日程が表示されます。",
    case: "ケース",
    opened: "記録の作成日",
    step: "ステップ",
    task: "作業",
    roles: "担当",
    case_id: "ケースID",
    task_id: "作業ID",
    module_id: "単元ID",
    attempt_date: "受験日",
    done_on: "完了日",
    current_step: "現在のステップ",
    case_closed: "このケースは終了しています。",
    case_progress: "ケースの進み具合",
    case_history: "経過の記録",
    happened_on: "出来事の日",
    recorded_on: "記録した日",
    decision: "判断",
    moved_on: "次のステップへ進んだ",
    follow_up_meeting: "フォローアップ面談",

    certificate: "修了証",
    certificate_statement: "上記の方は、次の研修のすべての単元を修了しました。",
    certificate_self_record: "自己申告による修了証です。受講者が自分の端末で研修を受けて作成したもので、受講を誰かが確認・証明したものではありません。",
    learner: "氏名",
    course: "研修",
    completed_on: "修了日",
    module: "単元",
    best_score: "最高得点",
    pass_mark: "合格点",
    passed: "合格",
    lessons: "レッスン",
    scenarios: "事例",
    attempts: "受験回数",
    completed: "修了",
    course_progress: "受講状況",
    question: "設問",
    question_id: "設問ID",
    correct: "正解",
    record: "区分",

    section: "集計区分",
    group: "グループ",
    name: "名称",
    measure: "指標",
    value: "値",
    hidden_below: "非表示（{n}件未満）",
    files: "ファイル数",
    size_band: "規模",
    band_unanswered: "規模未回答",
    band_all: "全体",
    mean_percent: "平均得点（%）",
    count: "件数",
    started: "受講開始",
    completion_rate: "修了率（%）",
    pass_rate: "合格率（%）",
    positive_percent: "肯定的な回答（%）",
    follow_up_improved_percent: "フォローアップで具体的な改善ありの割合（%、目標80%以上）",
    course_positive_percent: "コース全体で肯定的な人の割合（%、答えた単元の過半数で肯定的な回答をした人）",
    mean_active_minutes: "平均学習時間（分、操作中のみ）",
    feedback: "受講後アンケート",
    invalid_file: "読み込めないファイル",
    group_analysis: "集団分析（仕事のストレス判定図）",
    people: "人数",
    mean_raw: "平均（素点）",
    health_risk: "健康リスク（全国平均=100）",
    total_health_risk: "総合健康リスク",
    complete_answers: "回答がそろったファイル（集計対象）",
    incomplete_answers: "回答が途中のファイル（集計対象外）",
};

const EN: Labels = Labels {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    none: "—",
    yes: "yes",
    no: "no",
    content_as_of: "Content as of",
    not_a_diagnosis: "These results are a guide for self-review. They are not a diagnosis or an assessment, and not proof of legal compliance.",

    profile: "About the workplace",
    not_answered: "Not answered",
    overall: "Overall",
    score: "Score",
    level: "Level",
    answered: "Answered",
    by_area: "By area",
    profile_section: "About the workplace",
    area: "Area",
    chart_title: "Score by area (%)",
    not_scored: "Not scored",
    coverage_below: "Fewer than {threshold}% of the items that apply are answered, so no score or level is shown. Answer more to see where you stand.",
    contradicted_not_applicable: "Answered “not applicable”, but a legal duty at this workplace. Please check",
    consistency: "Legal duties to check",
    complete_files: "Files answered far enough (in the mean scores)",
    incomplete_files: "Files below the answer threshold (not in the mean scores)",
    unknown_count: "Of these, {n} answered “don't know” (treated as not in place)",
    action_plan: "Action plan (by priority)",
    rank: "Rank",
    item: "Item",
    goal: "Goal",
    workplace: "Workplace",
    item_id: "Item id",
    applies: "Applies",
    answer: "Answer",
    q_row: "Row",
    q_name: "What",
    q_points: "Points (a question: the answer's points; a scale: its raw score)",
    q_grade: "Grade (1–5)",
    q_respondent: "Respondent",
    q_item: "Question",
    q_measure: "Scale",
    q_sum: "Total",
    q_rule: "Rule",
    q_outcome: "Result",
    q_number: "Number",
    credit: "Credit (%)",
    why_not: "Why not (fully) in place",
    why_not_other: "Other reason",
    obligation: "Obligation",
    legal_duty: "Legal duty",
    effort_duty: "Duty to endeavour",
    recommended: "Recommended",
    planned_from: "{level} from {date} (planned)",
    update_planned_from: "applies from {date} (planned)",
    update_planned_by_cabinet_order: "applies from a date set by cabinet order, at the latest {date} (planned)",
    planned_by_cabinet_order: "{level} from a date set by cabinet order, at the latest {date} (planned)",
    recommendation: "What to do",
    owner: "Owner",
    due: "Target date",
    done: "Done",
    helpers: "Who can help",
    no_actions: "No item needs action.",

    confidential: "Confidential (contains sensitive personal information; please limit its handling to those who need it and to its stated purpose).",
    date: "Date",
    signature: "Signature",
    days_after: "{n} days after",
    schedule_needs_anchor: "The dates appear once \u{201c}{field}\u{201d} is filled in.",
    case: "Case",
    opened: "Record made",
    step: "Step",
    task: "Task",
    roles: "Roles",
    case_id: "Case id",
    task_id: "Task id",
    module_id: "Module id",
    attempt_date: "Attempt date",
    done_on: "Done on",
    current_step: "Current step",
    case_closed: "This case is closed.",
    case_progress: "Case progress",
    case_history: "Record of events",
    happened_on: "Happened on",
    recorded_on: "Recorded on",
    decision: "Decision",
    moved_on: "Moved on to the next step",
    follow_up_meeting: "Follow-up meeting",

    certificate: "Certificate of completion",
    certificate_statement: "has completed every module of the course below.",
    certificate_self_record: "Self-declared certificate. The learner took the training and made it on their own device; nobody has checked or certified that the training was taken.",
    learner: "Name",
    course: "Course",
    completed_on: "Completed on",
    module: "Module",
    best_score: "Best score",
    pass_mark: "Pass mark",
    passed: "Passed",
    lessons: "Lessons",
    scenarios: "Scenarios",
    attempts: "Attempts",
    completed: "Completed",
    course_progress: "Progress",
    question: "Question",
    question_id: "Question id",
    correct: "Correct",
    record: "Record",

    section: "Section",
    group: "Group",
    name: "Name",
    measure: "Measure",
    value: "Value",
    hidden_below: "hidden (n < {n})",
    files: "Files",
    size_band: "Size",
    band_unanswered: "Size not answered",
    band_all: "All",
    mean_percent: "Mean score (%)",
    count: "Count",
    started: "Started",
    completion_rate: "Completion rate (%)",
    pass_rate: "Pass rate (%)",
    positive_percent: "Positive answers (%)",
    follow_up_improved_percent: "Follow-up: made a concrete improvement (%, target 80% or more)",
    course_positive_percent: "Whole course: people positive (%, a positive answer in more than half of the modules they rated)",
    mean_active_minutes: "Mean active time (minutes)",
    feedback: "Feedback",
    invalid_file: "Unreadable file",
    group_analysis: "Group analysis (job stress chart)",
    people: "People",
    mean_raw: "Mean (raw)",
    health_risk: "Health risk (national mean = 100)",
    total_health_risk: "Total health risk",
    complete_answers: "Complete answers (counted)",
    incomplete_answers: "Incomplete answers (not counted)",
};
