//! HTML reports: content is always escaped, documents are self-contained, and the pieces
//! a reader relies on (the not-a-diagnosis line, dates, blanks, the certificate rule) are there.

use kizuki_core::document::FILL_IN;
use kizuki_core::export::KitState;
use kizuki_core::kind::checklist::{Checklist, ChecklistAction, ChecklistAnswers};
use kizuki_core::kind::course::Course;
use kizuki_core::kind::plan::{Case, Plan};
use kizuki_core::{report, Error, Lang};

use crate::golden::TODAY;
use crate::golden::{cases, kinds_with_cases, test_pack, text_places, with_text_at};

/// The shipped return-to-work pack (`content/return-to-work.json`).
fn shipped_plan() -> kizuki_core::ValidPack {
    kizuki_core::load_pack(include_bytes!("../../content/return-to-work.json")).unwrap()
}

/// A case with nothing filled in yet.
fn blank_case() -> Case {
    Case {
        label: "X".into(),
        opened: "2026-01-01".into(),
        ..Case::default()
    }
}

fn small_answers_with(free_text: &str) -> ChecklistAnswers {
    let pack = test_pack("checklist");
    let Some(checklist) = pack.content::<Checklist>() else {
        unreachable!()
    };
    let mut answers = ChecklistAnswers::default();
    for action in [
        ChecklistAction::SetProfile {
            question: "size".into(),
            choice: "10to49".into(),
        },
        ChecklistAction::Answer {
            item: "policy-statement".into(),
            choice: Some("no".into()),
        },
        ChecklistAction::Answer {
            item: "policy-plan".into(),
            choice: Some("no".into()),
        },
        ChecklistAction::ToggleWhyNot {
            item: "policy-plan".into(),
            reason: "other".into(),
        },
        ChecklistAction::SetWhyNotOther {
            item: "policy-plan".into(),
            text: free_text.into(),
        },
        ChecklistAction::SetAction {
            item: "policy-plan".into(),
            owner: free_text.into(),
            due: "2027-04-01".into(),
            done: false,
        },
    ] {
        checklist.apply(&mut answers, &action).unwrap();
    }
    answers
}

#[test]
fn a_script_typed_in_a_free_text_answer_is_escaped_in_the_report() {
    let pack = test_pack("checklist");
    let answers = small_answers_with("<script>alert(\"x\")</script><img src=x onerror=alert(1)>");
    for lang in [Lang::Ja, Lang::En] {
        let html = report::checklist_html(&pack, &answers, lang, TODAY).unwrap();
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
            "the text must still be shown, escaped: {html}"
        );
    }
}

/// Every HTML output of the golden cases, with a name for messages.
fn every_golden_html() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let pack = test_pack("checklist");
    for (case, export) in cases("checklist", &pack) {
        if let Some(answers) = export.state.get::<Checklist>() {
            out.push((
                case,
                report::checklist_html(&pack, answers, Lang::Ja, TODAY).unwrap(),
            ));
        }
    }
    let pack = test_pack("plan");
    let Some(plan) = pack.content::<Plan>() else {
        unreachable!()
    };
    for (case, export) in cases("plan", &pack) {
        if let Some(cases) = export.state.get::<Plan>() {
            for (id, one) in &cases.cases {
                for document in &plan.documents {
                    let html = report::document_html(&pack, one, &document.id, Lang::Ja).unwrap();
                    out.push((format!("{case}/{id}/{}", document.id), html));
                }
                let overview = report::case_overview_html(&pack, one, Lang::En).unwrap();
                out.push((format!("{case}/{id}/overview"), overview));
            }
        }
    }
    let pack = test_pack("course");
    for (case, export) in cases("course", &pack) {
        if let Some(progress) = export.state.get::<Course>() {
            out.push((
                case,
                report::course_html(&pack, progress, Lang::Ja).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn reports_are_self_contained_documents_without_scripts_or_outside_resources() {
    for (name, html) in every_golden_html() {
        let lower = html.to_lowercase();
        assert!(lower.starts_with("<!doctype html>\n<html lang="), "{name}");
        assert!(lower.ends_with("</html>\n"), "{name}");
        for banned in [
            "<script", "<link", "<iframe", "<img", "src=", "@import", "url(", "onerror", "onload",
        ] {
            assert!(!lower.contains(banned), "{name} contains {banned}");
        }
        assert_eq!(lower.matches("<style>").count(), 1, "{name}");
        assert!(lower.contains("@page { size: a4"), "{name}");
    }
}

#[test]
fn the_checklist_report_says_it_is_not_a_diagnosis_and_shows_scores_as_text() {
    let pack = test_pack("checklist");
    let answers = small_answers_with("人手不足");
    let ja = report::checklist_html(&pack, &answers, Lang::Ja, TODAY).unwrap();
    assert!(ja.contains("診断や評価ではなく"));
    assert!(ja.contains("アクションプラン"));
    assert!(ja.contains("2027年4月1日"), "due dates read in Japanese");
    let en = report::checklist_html(&pack, &answers, Lang::En, TODAY).unwrap();
    assert!(en.contains("not a diagnosis"));
    assert!(en.contains("Action plan"));
    assert!(en.contains("1 April 2027"));
    // The chart writes each area's score as text, so it reads without colour.
    let chart = &en[en.find("<svg").unwrap()..en.find("</svg>").unwrap()];
    assert!(chart.contains(">0%</text>"), "{chart}");
    assert!(chart.contains("Not scored"), "{chart}");
}

#[test]
fn helpers_that_do_not_apply_to_the_profile_are_not_named() {
    let pack = test_pack("checklist");
    let Some(checklist) = pack.content::<Checklist>() else {
        unreachable!()
    };
    let mut answers = ChecklistAnswers::default();
    for action in [
        ChecklistAction::SetProfile {
            question: "size".into(),
            choice: "50plus".into(),
        },
        ChecklistAction::Answer {
            item: "committee-deliberates".into(),
            choice: Some("no".into()),
        },
    ] {
        checklist.apply(&mut answers, &action).unwrap();
    }
    let html = report::checklist_html(&pack, &answers, Lang::Ja, TODAY).unwrap();
    assert!(html.contains("産業保健総合支援センター"));
    assert!(!html.contains("地域産業保健センター"), "only for under 50");
    assert!(
        html.contains("衛生委員会で審議する"),
        "the 50+ wording, as a goal"
    );
    assert!(
        !html.contains("労働者の意見を聴く"),
        "not the under-50 goal"
    );
    assert!(
        html.contains("<td>法定義務</td>"),
        "a legal duty at 50+, in the screen's words"
    );
}

#[test]
fn plan_documents_write_dates_in_japanese_and_leave_blanks_to_fill_in() {
    let pack = test_pack("plan");
    let mut case = blank_case();
    case.fields
        .insert("return_date".into(), "2026-04-01".into());
    case.fields.insert("trial_commuting".into(), "no".into());
    let document = report::render_document(&pack, &case, "return-plan", Lang::Ja).unwrap();
    let value = |field: &str| {
        document.blocks.iter().find_map(|b| match b {
            kizuki_core::document::Block::Fields { rows } => rows
                .iter()
                .find(|row| row.id == field)
                .map(|row| row.value.clone()),
            _ => None,
        })
    };
    assert_eq!(value("return_date"), Some(Some("2026年4月1日".into())));
    assert_eq!(value("trial_commuting"), Some(Some("実施しない".into())));
    assert_eq!(value("worker_name"), Some(None));
    let html = report::document_html(&pack, &case, "return-plan", Lang::Ja).unwrap();
    assert!(html.contains("2026年4月8日"), "the follow-up dates");
    assert!(html.contains(&format!("<dd class=\"blank\">{FILL_IN}</dd>")));
    assert!(!html.contains("未記入"));
    assert!(html.contains("要配慮個人情報"));
    assert_eq!(
        report::render_document(&pack, &case, "no-such-document", Lang::Ja),
        Err(Error::UnknownId("no-such-document".into()))
    );
}

#[test]
fn the_letter_is_addressed_with_the_honorific_after_the_name_and_has_an_answer_box() {
    use kizuki_core::document::{self, Align, Block};
    let pack = shipped_plan();
    let mut case = blank_case();
    for (field, value) in [
        ("doctor_institution", "さくら心療クリニック"),
        ("doctor_name", "高橋 一郎"),
        ("letter_date", "2026-11-25"),
        ("company_name", "株式会社ミズナラ工業"),
    ] {
        case.fields.insert(field.into(), value.into());
    }
    let letter = report::render_document(&pack, &case, "info-request-letter", Lang::Ja).unwrap();
    let lines: Vec<(&Vec<String>, Align)> = letter
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Lines { lines, align } => Some((lines, *align)),
            _ => None,
        })
        .collect();
    assert_eq!(lines[0], (&vec!["2026年11月25日".to_string()], Align::End));
    assert_eq!(
        lines[1].0,
        &vec![
            "さくら心療クリニック".to_string(),
            "高橋 一郎 先生 御机下".to_string()
        ]
    );
    assert!(letter
        .blocks
        .iter()
        .any(|b| matches!(b, Block::AnswerBox { lines, .. } if *lines >= 10)));
    let levels: Vec<u8> = letter
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(levels.first(), Some(&1));
    assert_eq!(document::check_heading_levels(levels), Ok(()));
    // The name left empty: a blank to write in, the honorific still after it.
    case.fields.remove("doctor_name");
    let text = document::to_text(
        &report::render_document(&pack, &case, "info-request-letter", Lang::Ja).unwrap(),
    );
    assert!(text.contains("＿＿＿＿＿＿＿＿ 先生 御机下\n"), "{text}");
    assert!(!text.contains("御机下 "), "御机下 ends the line");
}

/// Issue 16: the letter and the plan follow the 手引き (心の健康問題により休業した労働者の
/// 職場復帰支援の手引き): the letter field by field as its 様式例1 (title, the sender's address,
/// company, requester and telephone, the worker, the four standard matters before any further
/// question, 「以上」 closing the 記, the answer room, the consent), the plan with what 3(3)ウ
/// says each part covers and when restrictions are next reviewed.
#[test]
fn the_letter_and_the_plan_follow_the_return_to_work_guide() {
    use kizuki_core::document::{self, Block};
    let pack = shipped_plan();
    let mut case = blank_case();
    for (field, value) in [
        ("company_address", "〒100-0000 東京都千代田区1-1"),
        ("company_name", "株式会社ミズナラ工業"),
        ("requester_name", "産業医 鈴木"),
        ("requester_contact", "03-0000-0000"),
        ("letter_questions", "(5) 通院の頻度の見込み"),
        ("plan_review_date", "2027-01-15"),
    ] {
        case.fields.insert(field.into(), value.into());
    }
    let letter = report::render_document(&pack, &case, "info-request-letter", Lang::Ja).unwrap();
    let text = document::to_text(&letter);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("the letter holds {needle}: {text}"))
    };
    assert!(letter.blocks.iter().any(|b| matches!(b, Block::Heading { level: 1, text } if text == "職場復帰支援に関する情報提供依頼書")));
    // The sender's block, in the form's order.
    assert!(text.contains("〒100-0000 東京都千代田区1-1\n株式会社ミズナラ工業\n産業医 鈴木　印\n連絡先：03-0000-0000\n"), "{text}");
    assert!(at("任意の書式の文書により") < at("2　情報提供依頼事項"));
    // The four standard matters, in order, before the further questions.
    let matters = [
        "(1) 発症から初診までの経過",
        "(2) 治療経過",
        "(3) 現在の状態",
        "(4) 就業上の配慮に関するご意見",
        "(5) 通院の頻度の見込み",
    ];
    let positions: Vec<usize> = matters.iter().map(|m| at(m)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert!(at("2　情報提供依頼事項") < positions[0]);
    // 「以上」 closes the 記 at the end of its line, before the parts the doctor and the
    // worker fill in.
    assert!(positions[4] < at("\n以上\n"));
    assert!(at("\n以上\n") < at("ご回答欄"));
    assert!(at("ご回答欄") < at("本人同意欄"));
    assert!(letter.blocks.iter().any(|b| matches!(
        b,
        Block::Paragraph { text, align: document::Align::End } if text == "以上"
    )));
    // The handling note is a polite request, fit for a letter to a doctor.
    assert!(
        matches!(&letter.blocks[0], Block::Notice { text } if text.starts_with("取扱注意（") && text.ends_with("お取り扱いください。）")),
        "{:?}",
        letter.blocks[0]
    );
    let english = document::to_text(
        &report::render_document(&pack, &case, "info-request-letter", Lang::En).unwrap(),
    );
    assert!(
        english.contains("Request for information on return-to-work support"),
        "{english}"
    );
    assert!(
        english.contains("(1) The course from onset to the first visit"),
        "{english}"
    );

    let plan_document = report::render_document(&pack, &case, "return-plan", Lang::Ja).unwrap();
    let plan = document::to_text(&plan_document);
    // What each part covers is a note for whoever drafts: in the document, on screen, after
    // its heading.
    let drafted: String = plan_document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } | Block::Guidance { text } => Some(format!("{text}\n")),
            _ => None,
        })
        .collect();
    for (heading, covers) in [
        (
            "3　管理監督者による就業上の配慮",
            "業務でのサポートの内容や方法",
        ),
        ("4　人事労務管理上の対応", "配置転換や異動の必要性"),
        (
            "5　産業医等による医学的見地からみた意見",
            "安全配慮義務に関する助言",
        ),
        ("6　フォローアップ", "就業制限等を見直す時期"),
    ] {
        let heading_at = drafted
            .find(heading)
            .unwrap_or_else(|| panic!("{heading}: {drafted}"));
        let covers_at = drafted
            .find(covers)
            .unwrap_or_else(|| panic!("{covers}: {drafted}"));
        assert!(heading_at < covers_at, "{covers} under {heading}");
    }
    assert!(
        plan.contains("2027年1月15日"),
        "the next review of restrictions: {plan}"
    );
}

/// What a part of the plan should cover (「記載する事項：…」) and the schedule's 「「職場復帰日」を
/// 入力すると…」 are for whoever drafts: they were printed, and written into the .docx and
/// .txt. Now they are notes on screen only, and the paper has the meetings' days with a blank
/// for each date instead.
#[test]
fn the_plan_on_paper_and_in_files_carries_no_note_meant_for_the_screen() {
    use kizuki_core::document::{self, Block};
    let pack = shipped_plan();
    let case = blank_case();
    let plan = report::render_document(&pack, &case, "return-plan", Lang::Ja).unwrap();
    let notes: Vec<&str> = plan
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Guidance { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        notes.iter().any(|n| n.starts_with("記載する事項：")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("を入力すると日程が表示されます")),
        "{notes:?}"
    );
    let docx = document::to_docx(&plan);
    let xml = crate::docx::document_xml(&docx);
    for paper in [document::to_text(&plan), document::to_html(&plan), xml] {
        assert!(!paper.contains("記載する事項"), "{paper}");
        assert!(!paper.contains("日程が表示されます"), "{paper}");
        assert!(
            paper.contains("7日後"),
            "the meetings' days are on paper: {paper}"
        );
    }
    // The same days as the schedule, each with a date's blank (「　　年　　月　　日」).
    let blank = document::fill_in_date(Lang::Ja);
    assert!(plan.blocks.iter().any(|b| matches!(
        b,
        Block::Table { rows, .. } if rows.len() == 6 && rows.iter().all(|r| r[1] == blank)
    )));
}

/// A plan whose case does not use 試し出勤 printed its row 「試し出勤等（利用する場合）」 with
/// nothing in it: the row is left out then, and kept (to fill in) while nobody has said.
#[test]
fn the_trial_return_row_is_left_out_of_a_plan_that_does_not_use_it() {
    use kizuki_core::document::Block;
    let pack = shipped_plan();
    let rows_of = |trial: Option<&str>| {
        let mut case = blank_case();
        if let Some(trial) = trial {
            case.fields.insert("trial_commuting".into(), trial.into());
        }
        let plan = report::render_document(&pack, &case, "return-plan", Lang::Ja).unwrap();
        plan.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Fields { rows } => Some(rows.iter().map(|r| r.id.clone())),
                _ => None,
            })
            .flatten()
            .collect::<Vec<String>>()
    };
    assert!(!rows_of(Some("no")).contains(&"trial_plan".to_string()));
    assert!(rows_of(Some("yes")).contains(&"trial_plan".to_string()));
    assert!(rows_of(None).contains(&"trial_plan".to_string()));
    assert!(rows_of(Some("no")).contains(&"plan_stages".to_string()));
}

#[test]
fn a_document_field_shown_only_for_an_unknown_choice_is_refused() {
    let mut pack: serde_json::Value =
        serde_json::from_slice(include_bytes!("../../content/return-to-work.json")).unwrap();
    let blocks = pack["kit"]["documents"][0]["blocks"]
        .as_array_mut()
        .unwrap();
    blocks.push(serde_json::json!({"type": "field", "field": "trial_plan",
        "applies_if": {"is": {"question": "trial_commuting", "any_of": ["perhaps"]}}}));
    let at = blocks.len() - 1;
    let bytes = serde_json::to_vec(&pack).unwrap();
    let diagnostics = kizuki_core::load_pack(&bytes).unwrap_err();
    assert!(
        diagnostics.iter().any(|d| d
            .path
            .starts_with(&format!("/kit/documents/0/blocks/{at}/applies_if"))),
        "{diagnostics:?}"
    );
}

/// The plan had no date: it carries the day it was drawn up at its top right, above its
/// title, or a blank to write it in.
#[test]
fn the_plan_says_when_it_was_drawn_up() {
    use kizuki_core::document::{self, Align, Block};
    let pack = shipped_plan();
    let mut case = blank_case();
    case.fields.insert("plan_date".into(), "2026-11-25".into());
    let plan = report::render_document(&pack, &case, "return-plan", Lang::Ja).unwrap();
    let title_at = plan
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 1, .. }))
        .unwrap();
    assert!(plan.blocks[..title_at].iter().any(|b| matches!(
        b,
        Block::Lines { lines, align: Align::End } if lines == &["作成日　2026年11月25日".to_string()]
    )), "{:?}", plan.blocks);
    case.fields.remove("plan_date");
    let text =
        document::to_text(&report::render_document(&pack, &case, "return-plan", Lang::Ja).unwrap());
    // An empty date is the form's own blank, to write the year, month and day in.
    assert!(text.contains("作成日　　　　　年　　月　　日"), "{text}");
}

/// Empty fields were written three ways: 「（未記入）」 in print and in the .txt, an empty cell in
/// the .docx, 「＿＿＿」 in the letter's lines. One rule now (`document::FILL_IN`, asked through
/// `FieldRow::shown`): a line to write in by hand, in every writer and every block, and
/// 「（未記入）」 on no document.
#[test]
fn an_empty_field_is_a_line_to_write_in_on_every_document_and_in_every_file() {
    use kizuki_core::document::{self, Block};
    let pack = shipped_plan();
    let case = blank_case();
    for doc_id in ["return-plan", "info-request-letter"] {
        let drafted = report::render_document(&pack, &case, doc_id, Lang::Ja).unwrap();
        let rows = drafted
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Fields { rows } => Some(rows.len()),
                _ => None,
            })
            .sum::<usize>();
        assert!(rows > 0, "{doc_id}");
        let text = document::to_text(&drafted);
        let html = document::to_html(&drafted);
        let xml = crate::docx::document_xml(&document::to_docx(&drafted));
        for (what, paper) in [("txt", &text), ("html", &html), ("docx", &xml)] {
            assert!(!paper.contains("未記入"), "{doc_id} {what}");
            // Every empty row (and the letter's empty lines) shows the fill-in line, or a
            // date's blank (「　　年　　月　　日」) for a date.
            let blanks = paper.matches(FILL_IN).count()
                + paper.matches(document::fill_in_date(Lang::Ja)).count();
            assert!(
                blanks >= rows,
                "{doc_id} {what}: {blanks} blanks for {rows} empty rows"
            );
            assert!(
                paper.contains(document::fill_in_date(Lang::Ja)),
                "{doc_id} {what}: an empty date is the date's blank"
            );
        }
    }
}

/// The doctor and the HR officer found three faults in the letter: the worker was asked for
/// the date twice (a 同意日 row and the signature's 日付), and so was the doctor (「ご回答日・
/// 医療機関名・医師名」 and 日付); the 産業医 who issues it had no room for a seal or signature;
/// 「記」 was a left-aligned heading in the .docx (only the screen centred it). Each date is
/// asked once, beside its signature; the issuer's name is followed by 「印」; 「記」 is a
/// centred paragraph in every writer.
#[test]
fn the_letter_asks_each_date_once_leaves_room_for_the_seal_and_centres_ki() {
    use kizuki_core::document::{self, Align, Block};
    let pack = shipped_plan();
    let mut case = blank_case();
    case.fields
        .insert("requester_name".into(), "産業医 鈴木".into());
    let letter = report::render_document(&pack, &case, "info-request-letter", Lang::Ja).unwrap();
    // Each signature part asks for one date: its signature line's own.
    let consent_at = letter
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text.starts_with("本人同意欄")))
        .unwrap();
    let consent = &letter.blocks[consent_at..];
    assert!(consent.iter().any(|b| matches!(b, Block::Signature { .. })));
    assert!(
        !consent.iter().any(
            |b| matches!(b, Block::Fields { rows } if rows.iter().any(|r| r.label.contains('日')))
        ),
        "no date row besides the signature's: {consent:?}"
    );
    for block in &letter.blocks {
        if let Block::Signature { label } = block {
            assert!(
                !label.contains("日"),
                "the signature line has its own date: {label}"
            );
        }
    }
    // The issuer signs or seals after the name, in the sender's block.
    assert!(letter.blocks.iter().any(|b| matches!(
        b,
        Block::Lines { lines, align: Align::End } if lines.contains(&"産業医 鈴木　印".to_string())
    )));
    case.fields.remove("requester_name");
    let blank = document::to_text(
        &report::render_document(&pack, &case, "info-request-letter", Lang::Ja).unwrap(),
    );
    assert!(blank.contains(&format!("\n{FILL_IN}　印\n")), "{blank}");
    // 「記」 is centred: a centred paragraph, never a heading.
    assert!(letter
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph { text, align: Align::Center } if text == "記")));
    assert!(!letter
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { text, .. } if text == "記")));
    let xml = crate::docx::document_xml(&document::to_docx(&letter));
    assert!(
        xml.contains("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">記</w:t></w:r></w:p>"),
        "{xml}"
    );
    assert!(document::to_html(&letter).contains("<p class=\"center\">記</p>"));
}

/// The plan asked the worker for the day of confirming twice, as the letter did: a 確認日
/// row above the 本人署名 line and the line's own 日付. Each signature's date is asked once,
/// beside it; the case keeps plan_explained_date, which no longer prints.
#[test]
fn the_plan_asks_each_date_once_beside_its_signature() {
    use kizuki_core::document::Block;
    let pack = shipped_plan();
    let mut case = blank_case();
    case.fields
        .insert("plan_explained_date".into(), "2026-11-25".into());
    let plan = report::render_document(&pack, &case, "return-plan", Lang::Ja).unwrap();
    let confirmed_at = plan
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { text, .. } if text.contains("説明を受け、確認しました")))
        .unwrap();
    let signatures = &plan.blocks[confirmed_at..];
    assert!(signatures
        .iter()
        .any(|b| matches!(b, Block::Signature { label } if label == "本人署名")));
    assert!(
        !signatures.iter().any(|b| matches!(b, Block::Fields { .. })),
        "no date row besides the signatures' own: {signatures:?}"
    );
    let text = kizuki_core::document::to_text(&plan);
    assert!(!text.contains("確認日"), "{text}");
    assert!(!text.contains("2026年11月25日"), "{text}");
}

/// 見直し日 was a field of step 5 only, so a plan drafted at step 3 printed it blank, while
/// the 手引き (3(3)ウ(オ)) wants the plan to say when restrictions are next reviewed: every field
/// the plan prints is drafted at a step that prepares the plan, the review date at the
/// plan's own step (3) among them; it stays at step 5 too, where it is revised.
#[test]
fn every_field_the_plan_prints_is_drafted_where_the_plan_is() {
    use kizuki_core::kind::plan::DocBlock;
    let pack = shipped_plan();
    let plan = pack.content::<Plan>().unwrap();
    let template = plan
        .documents
        .iter()
        .find(|d| d.id == "return-plan")
        .unwrap();
    let drafting = plan
        .steps
        .iter()
        .find(|s| s.documents.first().map(String::as_str) == Some("return-plan"))
        .expect("the step that drafts the plan");
    assert_eq!(drafting.id, "step3");
    let earlier: Vec<&String> = plan
        .steps
        .iter()
        .take_while(|s| s.id != drafting.id)
        .chain([drafting])
        .flat_map(|s| &s.fields)
        .collect();
    for block in &template.blocks {
        if let DocBlock::Field { field, .. } = block {
            assert!(
                earlier.contains(&field),
                "{field} is printed on the plan but only asked after step 3"
            );
        }
    }
    assert!(plan.steps[4]
        .fields
        .contains(&"plan_review_date".to_string()));
}

#[test]
fn a_start_field_that_is_not_a_date_is_refused() {
    let mut pack: serde_json::Value =
        serde_json::from_slice(include_bytes!("../../content/return-to-work.json")).unwrap();
    pack["kit"]["start_field"] = serde_json::json!("worker_name");
    let diagnostics = kizuki_core::load_pack(&serde_json::to_vec(&pack).unwrap()).unwrap_err();
    assert!(
        diagnostics.iter().any(|d| d.path == "/kit/start_field"),
        "{diagnostics:?}"
    );
}

#[test]
fn a_heading_that_skips_a_level_is_refused() {
    let mut pack: serde_json::Value =
        serde_json::from_slice(include_bytes!("../../content/return-to-work.json")).unwrap();
    let blocks = pack["kit"]["documents"][0]["blocks"]
        .as_array_mut()
        .unwrap();
    blocks.insert(
        1,
        serde_json::json!({"type": "heading", "level": 3, "text": {"ja": "x", "en": "x"}}),
    );
    let bytes = serde_json::to_vec(&pack).unwrap();
    let diagnostics = kizuki_core::load_pack(&bytes).unwrap_err();
    assert!(
        diagnostics
            .iter()
            .any(|d| d.path == "/kit/documents/0/blocks/1/level"),
        "{diagnostics:?}"
    );
}

#[test]
fn a_certificate_needs_a_completed_course_and_escapes_the_name() {
    let pack = test_pack("course");
    for (case, export) in cases("course", &pack) {
        let Some(progress) = export.state.get::<Course>() else {
            unreachable!()
        };
        let certificate = report::certificate_html(&pack, progress, Lang::Ja);
        match case.as_str() {
            "completed" => {
                let html = certificate.unwrap();
                assert!(html.contains("<p class=\"name\">山田 花子</p>"));
                assert!(html.contains("修了日: 2026年3月5日"));
            }
            "in-progress" => {
                assert!(matches!(certificate, Err(Error::NotAllowed(_))));
                let summary = report::course_summary_html(&pack, progress, Lang::En).unwrap();
                assert!(
                    summary.contains("Tanaka &lt;b&gt;Ken&lt;/b&gt;"),
                    "{summary}"
                );
                assert!(!summary.contains("<b>"));
            }
            other => panic!("no expectations for course case {other}"),
        }
    }
}

#[test]
fn a_report_for_the_wrong_kind_of_pack_is_refused() {
    let plan_pack = test_pack("plan");
    let result = report::checklist_html(&plan_pack, &ChecklistAnswers::default(), Lang::Ja, TODAY);
    assert!(matches!(result, Err(Error::DoesNotFit(_))));
}

const HOSTILE: &str = "<script>alert(1)</script>\"'&";

/// Every kind's golden states with hostile text in every place the state takes text
/// (learnt from the state's type, `golden::text_places`): every printable page the core
/// makes of it (`Kit::report_pages`) escapes it, and its CSV starts with the BOM.
#[test]
fn every_kinds_printable_pages_escape_hostile_text_in_every_place_of_its_state() {
    // Per kind: pages made from a state that holds text, and those that show it.
    let mut made: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for kind in kinds_with_cases() {
        let pack = test_pack(kind);
        let kit = &pack.pack().kit;
        for (case, export) in cases(kind, &pack) {
            let places = text_places(&pack, &export.state);
            let state = with_text_at(&export.state, &places, HOSTILE);
            for lang in [Lang::Ja, Lang::En] {
                let pages = kit
                    .report_pages(&pack, &state, lang, TODAY)
                    .unwrap_or_else(|e| panic!("{kind}/{case}: {e}"));
                for page in &pages {
                    assert!(!page.contains("<script"), "{kind}/{case}: {page}");
                    if !places.is_empty() {
                        let counts = made.entry(kind).or_default();
                        counts.0 += 1;
                        counts.1 += usize::from(page.contains("&lt;script&gt;"));
                    }
                }
                let csv = kit.csv(&state, lang, TODAY).unwrap();
                assert!(csv.starts_with('\u{feff}'), "{kind}/{case}");
            }
        }
    }
    // Each kind with a printable report shows some of the typed text it was given.
    assert!(made.len() >= 3, "pages from only {made:?}");
    for (kind, (pages, showing)) in &made {
        assert!(
            *showing > 0,
            "none of {pages} {kind} pages showed the hostile text"
        );
    }
}

/// Every committed pack, whatever its kind, makes its printable pages for an empty state.
#[test]
fn every_committed_pack_renders_its_printable_pages_for_an_empty_state() {
    let content = crate::repo_root().join("content");
    let mut packs = 0;
    for entry in std::fs::read_dir(&content).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let pack = kizuki_core::load_pack(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|d| panic!("{}: {d:#?}", path.display()));
        let kit = &pack.pack().kit;
        let state = KitState::empty_for(kit);
        for lang in [Lang::Ja, Lang::En] {
            for page in kit.report_pages(&pack, &state, lang, TODAY).unwrap() {
                assert!(page.starts_with("<!DOCTYPE html>"), "{}", path.display());
            }
        }
        packs += 1;
    }
    assert!(packs >= 6, "only {packs} packs in content/");
}
