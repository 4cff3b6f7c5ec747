//! Where the person is in the checklist, kept in the record so that a reload shows that
//! screen again: the screens ([`ChecklistScreen`]), how the record keeps one
//! ([`ChecklistAnswers::area`]: an area's id, or a reserved mark for the profile and the
//! results), and where a reload picks up ([`Checklist::resume`]).

use serde::{Deserialize, Serialize};

use super::{AuditMode, Checklist, ChecklistAnswers};
use crate::error::{Error, Result};

/// A screen of the checklist: what the view shows, and what a reload shows again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistScreen {
    /// The workplace profile, with the two ways to start.
    Profile,
    /// One area of the full audit, by its index in the pack.
    Area(usize),
    /// The full audit's results, action plan and draft plan (also before every area is
    /// answered: the contents list leads there from any area).
    Results,
    /// The quick scan's key items on one screen.
    Quick,
    /// The quick scan's result (also before every key item is answered).
    QuickResults,
}

/// The mark [`ChecklistAnswers::area`] holds on the profile. Not a well-formed id
/// ([`crate::validate::well_formed_id`]), so no area can be named so; a build that knows no
/// mark forgets it on import, as it forgets an area the pack does not have.
pub(super) const PROFILE_MARK: &str = "#profile";

/// The mark [`ChecklistAnswers::area`] holds on the results of the pass the person is on
/// ([`ChecklistAnswers::mode`]): the full audit's, or the quick scan's.
pub(super) const RESULTS_MARK: &str = "#results";

/// What the record keeps for a screen, in [`ChecklistAnswers::area`] and
/// [`ChecklistAnswers::mode`]: `None` for the mode when the screen leaves it as it is (the
/// profile), `None` for the area when the record keeps none (the quick scan's items: a
/// reload shows them until every key item is answered, then the quick result). An area
/// the pack does not have is refused.
pub(super) fn kept_for(
    checklist: &Checklist,
    screen: ChecklistScreen,
) -> Result<(Option<String>, Option<AuditMode>)> {
    Ok(match screen {
        ChecklistScreen::Profile => (Some(PROFILE_MARK.to_string()), None),
        ChecklistScreen::Area(index) => {
            let area = checklist
                .areas
                .get(index)
                .ok_or_else(|| Error::UnknownId(format!("area {index}")))?;
            (Some(area.id.clone()), Some(AuditMode::Full))
        }
        ChecklistScreen::Results => (Some(RESULTS_MARK.to_string()), Some(AuditMode::Full)),
        ChecklistScreen::Quick => (None, Some(AuditMode::Quick)),
        ChecklistScreen::QuickResults => (Some(RESULTS_MARK.to_string()), Some(AuditMode::Quick)),
    })
}

/// Whether a kept area is one of the marks, not an area's id.
pub(super) fn is_mark(area: &str) -> bool {
    area == PROFILE_MARK || area == RESULTS_MARK
}

impl Checklist {
    /// The screen a reload shows: the profile until it is complete; else the screen the
    /// person was on, as the record keeps it ([`ChecklistAnswers::area`], set by
    /// [`ChecklistAction::SetScreen`](super::ChecklistAction::SetScreen)): the profile, the
    /// results of the pass they are on (the quick scan's or the full audit's, even with
    /// items left open), an area while it is still asked for this workplace. A record that
    /// keeps no place (the quick scan's items, or a record saved before the place was
    /// kept): in the quick scan, its items until every one is answered, then its result; in
    /// the full audit, the profile while no item is answered (the person has not started
    /// either way yet), else where [`Checklist::resume_area`] says, else the results.
    pub fn resume(&self, answers: &ChecklistAnswers, today: &str) -> ChecklistScreen {
        if !self.profile_complete(answers) {
            return ChecklistScreen::Profile;
        }
        let kept = answers.area.as_deref();
        if kept == Some(PROFILE_MARK) {
            return ChecklistScreen::Profile;
        }
        if let Some(quick) = self.quick_scan_screen(answers, today) {
            return quick;
        }
        if kept == Some(RESULTS_MARK) {
            return ChecklistScreen::Results;
        }
        let nothing_answered = answers.items.values().all(|a| a.choice.is_none());
        if kept.is_none() && nothing_answered {
            return ChecklistScreen::Profile;
        }
        self.resume_area(answers)
            .map_or(ChecklistScreen::Results, ChecklistScreen::Area)
    }

    /// The screen a file read in opens on: its results, the quick scan's for a record of
    /// the quick scan (its items while some are open and the person was not on its result),
    /// else the full audit's; the message of the import above them. Wherever else the file
    /// was (the profile, an area), the person who reads a file in wants to see what it holds.
    pub fn imported_screen(&self, answers: &ChecklistAnswers, today: &str) -> ChecklistScreen {
        self.quick_scan_screen(answers, today)
            .unwrap_or(ChecklistScreen::Results)
    }

    /// In the quick scan (the record's mode, and the pack asks key items of this workplace):
    /// its result when the person was on it or every key item is answered, else its items.
    fn quick_scan_screen(
        &self,
        answers: &ChecklistAnswers,
        today: &str,
    ) -> Option<ChecklistScreen> {
        if answers.mode != AuditMode::Quick {
            return None;
        }
        let quick = self.quick_scan_result(answers, today);
        if quick.items.is_empty() {
            return None;
        }
        let on_result = answers.area.as_deref() == Some(RESULTS_MARK);
        Some(if on_result || quick.answered == quick.items.len() {
            ChecklistScreen::QuickResults
        } else {
            ChecklistScreen::Quick
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::ChecklistAction;
    use super::*;
    use crate::export::{import, Export, KitState};
    use crate::load::{load_pack, ValidPack};

    const TODAY: &str = "2026-12-07";

    fn pack() -> ValidPack {
        load_pack(include_bytes!("../../../../tests/data/checklist/pack.json"))
            .expect("the test pack is valid")
    }

    fn checklist(pack: &ValidPack) -> &Checklist {
        pack.content::<Checklist>()
            .expect("the test pack is a checklist")
    }

    /// A 50+ workplace with a committee, its profile complete, one item answered.
    fn started(checklist: &Checklist) -> ChecklistAnswers {
        let mut answers = ChecklistAnswers::default();
        for action in [
            ChecklistAction::SetProfile {
                question: "size".into(),
                choice: "50plus".into(),
            },
            ChecklistAction::SetProfile {
                question: "has-committee".into(),
                choice: "yes".into(),
            },
            ChecklistAction::Answer {
                item: "policy-plan".into(),
                choice: Some("yes".into()),
            },
        ] {
            checklist.apply(&mut answers, &action).expect("known ids");
        }
        assert!(checklist.profile_complete(&answers));
        answers
    }

    fn on(checklist: &Checklist, answers: &mut ChecklistAnswers, screen: ChecklistScreen) {
        checklist
            .apply(answers, &ChecklistAction::SetScreen { screen })
            .expect("a screen of this pack");
    }

    /// The results opened before every area was answered, then a reload: it showed the
    /// first area with an unanswered item, not the results.
    #[test]
    fn a_reload_on_results_opened_early_shows_the_results() {
        let pack = pack();
        let checklist = checklist(&pack);
        let mut answers = started(checklist);
        on(checklist, &mut answers, ChecklistScreen::Area(0));
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Area(0));
        assert_eq!(
            checklist.first_open_area(&answers),
            Some(0),
            "items left open"
        );
        on(checklist, &mut answers, ChecklistScreen::Results);
        assert_eq!(answers.area.as_deref(), Some(RESULTS_MARK));
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Results);
        // And back to an area from the results: that area again.
        on(checklist, &mut answers, ChecklistScreen::Area(1));
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Area(1));
    }

    #[test]
    fn a_reload_on_the_profile_shows_the_profile() {
        let pack = pack();
        let checklist = checklist(&pack);
        let mut answers = started(checklist);
        on(checklist, &mut answers, ChecklistScreen::Area(1));
        on(checklist, &mut answers, ChecklistScreen::Profile);
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Profile);
        assert_eq!(
            answers.mode,
            AuditMode::Full,
            "the profile leaves the pass as it is"
        );
        // The profile filled in and no way chosen yet: the profile, not the first area.
        let mut fresh = started(checklist);
        fresh.items = Default::default();
        assert_eq!(checklist.resume(&fresh, TODAY), ChecklistScreen::Profile);
        // An incomplete profile is shown whatever the record says.
        answers.area = Some(RESULTS_MARK.into());
        answers.profile.remove("has-committee");
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Profile);
    }

    /// The quick scan's result opened with key items left, then a reload: it showed the
    /// items again.
    #[test]
    fn a_reload_on_the_quick_result_opened_early_shows_the_quick_result() {
        let pack = pack();
        let checklist = checklist(&pack);
        let mut answers = started(checklist);
        on(checklist, &mut answers, ChecklistScreen::Quick);
        assert_eq!(answers.mode, AuditMode::Quick);
        assert_eq!(answers.area, None);
        let quick = checklist.quick_scan_result(&answers, TODAY);
        assert!(quick.answered < quick.items.len(), "key items left open");
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Quick);
        on(checklist, &mut answers, ChecklistScreen::QuickResults);
        assert_eq!(
            checklist.resume(&answers, TODAY),
            ChecklistScreen::QuickResults
        );
        // Back to the items: they again, until every one is answered, then the result.
        on(checklist, &mut answers, ChecklistScreen::Quick);
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Quick);
        for item in checklist.quick_scan_result(&answers, TODAY).items {
            let answer = ChecklistAction::Answer {
                item,
                choice: Some("yes".into()),
            };
            checklist.apply(&mut answers, &answer).expect("a key item");
        }
        assert_eq!(
            checklist.resume(&answers, TODAY),
            ChecklistScreen::QuickResults
        );
        // On to the full audit: its area, and the pass is the full audit's.
        on(checklist, &mut answers, ChecklistScreen::Area(1));
        assert_eq!(answers.mode, AuditMode::Full);
        assert_eq!(checklist.resume(&answers, TODAY), ChecklistScreen::Area(1));
    }

    /// A file read in opens on the results of its pass, wherever it was saved: one of the
    /// quick scan saved on the profile (its mark is no result) opens in the quick scan, not
    /// on the full audit's results.
    #[test]
    fn a_file_read_in_opens_on_the_results_of_its_pass() {
        let pack = pack();
        let checklist = checklist(&pack);
        let mut answers = started(checklist);
        // The screen the file was saved on; what it opens on; and the same once the person
        // went back to the profile before saving (the quick result no longer the place).
        for (screen, opens, from_profile) in [
            (
                ChecklistScreen::Area(1),
                ChecklistScreen::Results,
                ChecklistScreen::Results,
            ),
            (
                ChecklistScreen::Results,
                ChecklistScreen::Results,
                ChecklistScreen::Results,
            ),
            (
                ChecklistScreen::Quick,
                ChecklistScreen::Quick,
                ChecklistScreen::Quick,
            ),
            (
                ChecklistScreen::QuickResults,
                ChecklistScreen::QuickResults,
                ChecklistScreen::Quick,
            ),
        ] {
            on(checklist, &mut answers, screen);
            assert_eq!(
                checklist.imported_screen(&answers, TODAY),
                opens,
                "{screen:?}"
            );
            on(checklist, &mut answers, ChecklistScreen::Profile);
            assert_eq!(
                checklist.imported_screen(&answers, TODAY),
                from_profile,
                "{screen:?}, then the profile"
            );
        }
    }

    #[test]
    fn an_unknown_area_is_refused_and_changes_nothing() {
        let pack = pack();
        let checklist = checklist(&pack);
        let mut answers = started(checklist);
        let before = answers.clone();
        let action = ChecklistAction::SetScreen {
            screen: ChecklistScreen::Area(checklist.areas.len()),
        };
        assert!(checklist.apply(&mut answers, &action).is_err());
        assert_eq!(answers, before);
    }

    /// The marks need no new format: a file with one imports as format 4 did, the mark kept;
    /// a record from before them (format 3, no place) goes on at the first open area.
    #[test]
    fn the_marks_keep_the_format_and_older_records_still_load() {
        let pack = pack();
        let checklist = checklist(&pack);
        let mut answers = started(checklist);
        on(checklist, &mut answers, ChecklistScreen::Results);
        let export = Export::new(&pack, KitState::from(answers.clone()), "2026-12-07", 1);
        let json = export.to_json();
        assert!(json.contains(r##""area": "#results""##), "{json}");
        assert!(json.contains(r#""kizuki_export": 4"#), "{json}");
        let read = import(&pack, json.as_bytes()).expect("imports");
        let read = read.state.into_state::<Checklist>().expect("a checklist");
        assert_eq!(read, answers);
        assert_eq!(checklist.resume(&read, TODAY), ChecklistScreen::Results);

        let before_marks = ChecklistAnswers {
            area: None,
            ..answers
        };
        let older = Export::new(&pack, KitState::from(before_marks), "2026-12-07", 1)
            .to_json()
            .replace(r#""kizuki_export": 4"#, r#""kizuki_export": 3"#);
        assert!(older.contains(r#""kizuki_export": 3"#), "{older}");
        let read = import(&pack, older.as_bytes()).expect("a format-3 record imports");
        let read = read.state.into_state::<Checklist>().expect("a checklist");
        assert_eq!(read.area, None);
        assert_eq!(checklist.resume(&read, TODAY), ChecklistScreen::Area(0));
    }
}
