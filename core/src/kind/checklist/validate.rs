//! Validation of the checklist kind.

use crate::diagnostic::Code;
use crate::kind::checklist::{Checklist, Item, ItemDependency};
use crate::validate::{ChoiceQuestions, IdSet, Validator};

pub(crate) fn validate(v: &mut Validator<'_>, checklist: &Checklist) {
    let base = "/kit";
    let mut profile = ChoiceQuestions::new();
    v.non_empty(
        &checklist.profile,
        &format!("{base}/profile"),
        "profile question",
    );
    for (index, question) in checklist.profile.iter().enumerate() {
        let path = format!("{base}/profile/{index}");
        v.pack_id(&question.id, &format!("{path}/id"));
        v.text(&question.label, &format!("{path}/label"));
        if let Some(help) = &question.help {
            v.text(help, &format!("{path}/help"));
        }
        let options = v.options(&question.options, &format!("{path}/options"), |o| {
            (&o.id, &o.label)
        });
        profile.insert(question.id.as_str(), options);
    }

    v.non_empty(&checklist.scale, &format!("{base}/scale"), "answer");
    v.local_ids(
        checklist
            .scale
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), format!("{base}/scale/{i}/id"))),
    );
    for (index, option) in checklist.scale.iter().enumerate() {
        let path = format!("{base}/scale/{index}");
        v.text(&option.label, &format!("{path}/label"));
        if let Some(credit) = option.credit {
            v.percent(credit, &format!("{path}/credit"), Code::OutOfRange);
        }
    }
    for (index, option) in checklist.scale.iter().enumerate() {
        if option.unknown && option.credit != Some(0) {
            v.push(
                Code::OutOfRange,
                format!("{base}/scale/{index}/credit"),
                "a \"don't know\" answer counts as not in place: its credit must be 0",
            );
        }
    }
    for (index, _) in checklist
        .scale
        .iter()
        .enumerate()
        .filter(|(_, o)| o.unknown)
        .skip(1)
    {
        v.push(
            Code::DuplicateId,
            format!("{base}/scale/{index}/unknown"),
            "only one answer of the scale may be \"don't know\"",
        );
    }
    if !checklist.scale.iter().any(|o| o.credit.is_some()) {
        v.push(
            Code::EmptyList,
            format!("{base}/scale"),
            "at least one answer must carry credit",
        );
    }

    v.local_ids(
        checklist
            .why_not
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), format!("{base}/why_not/{i}/id"))),
    );
    for (index, reason) in checklist.why_not.iter().enumerate() {
        v.text(&reason.label, &format!("{base}/why_not/{index}/label"));
    }

    v.non_empty(&checklist.levels, &format!("{base}/levels"), "level");
    if checklist.levels.first().is_some_and(|l| l.min_percent != 0) {
        v.push(
            Code::OutOfRange,
            format!("{base}/levels/0/min_percent"),
            "the first level must start at 0",
        );
    }
    for (index, level) in checklist.levels.iter().enumerate() {
        let path = format!("{base}/levels/{index}");
        v.percent(
            level.min_percent,
            &format!("{path}/min_percent"),
            Code::OutOfRange,
        );
        if index > 0 && level.min_percent <= checklist.levels[index - 1].min_percent {
            v.push(
                Code::NotAscending,
                format!("{path}/min_percent"),
                "levels must rise",
            );
        }
        v.text(&level.label, &format!("{path}/label"));
        v.text(&level.description, &format!("{path}/description"));
    }

    let mut helper_ids = IdSet::new();
    for (index, helper) in checklist.helpers.iter().enumerate() {
        let path = format!("{base}/helpers/{index}");
        v.pack_id(&helper.id, &format!("{path}/id"));
        helper_ids.insert(helper.id.as_str());
        v.text(&helper.name, &format!("{path}/name"));
        v.text(&helper.description, &format!("{path}/description"));
        if let Some(condition) = &helper.applies_if {
            v.condition(condition, &format!("{path}/applies_if"), &profile);
        }
    }

    v.non_empty(&checklist.areas, &format!("{base}/areas"), "area");
    for (area_index, area) in checklist.areas.iter().enumerate() {
        let path = format!("{base}/areas/{area_index}");
        v.pack_id(&area.id, &format!("{path}/id"));
        v.text(&area.title, &format!("{path}/title"));
        if let Some(intro) = &area.intro {
            v.text(intro, &format!("{path}/intro"));
        }
        v.non_empty(&area.items, &format!("{path}/items"), "item");
        for (item_index, item) in area.items.iter().enumerate() {
            let path = format!("{path}/items/{item_index}");
            v.pack_id(&item.id, &format!("{path}/id"));
            v.text(&item.text, &format!("{path}/text"));
            for (i, variant) in item.variants.iter().enumerate() {
                v.condition(
                    &variant.when,
                    &format!("{path}/variants/{i}/when"),
                    &profile,
                );
                v.text(&variant.text, &format!("{path}/variants/{i}/text"));
                match &variant.goal {
                    Some(goal) => v.text(goal, &format!("{path}/variants/{i}/goal")),
                    None if item.goal.is_some() => v.push(
                        Code::MissingGoal,
                        format!("{path}/variants/{i}"),
                        "the item words its goal but this wording has none",
                    ),
                    None => {}
                }
            }
            if let Some(goal) = &item.goal {
                v.text(goal, &format!("{path}/goal"));
            }
            v.text(&item.why, &format!("{path}/why"));
            v.text(&item.evidence, &format!("{path}/evidence"));
            v.text(&item.recommendation, &format!("{path}/recommendation"));
            if let Some(hint) = &item.answer_hint {
                v.text(hint, &format!("{path}/answer_hint"));
            }
            if !(1..=5).contains(&item.weight) {
                v.push(
                    Code::OutOfRange,
                    format!("{path}/weight"),
                    format!("weight {} is outside 1–5", item.weight),
                );
            }
            let mut unconditional_seen = false;
            for (i, rule) in item.obligation.iter().enumerate() {
                let rule_path = format!("{path}/obligation/{i}");
                if unconditional_seen {
                    v.push(
                        Code::UnreachableRule,
                        rule_path.clone(),
                        "an earlier rule without `when` always applies first",
                    );
                }
                // A dated rule may be skipped before its day, so it does not shadow later ones.
                match &rule.when {
                    Some(condition) => {
                        v.condition(condition, &format!("{rule_path}/when"), &profile)
                    }
                    None if rule.in_force.is_none() && item.in_force.is_none() => {
                        unconditional_seen = true
                    }
                    None => {}
                }
                if let Some(in_force) = &rule.in_force {
                    v.in_force(in_force, &format!("{rule_path}/in_force"));
                }
                if !rule.sources.is_empty() {
                    v.sources(&rule.sources, &format!("{rule_path}/sources"));
                }
            }
            if let Some(in_force) = &item.in_force {
                v.in_force(in_force, &format!("{path}/in_force"));
            }
            if let Some(condition) = &item.applies_if {
                v.condition(condition, &format!("{path}/applies_if"), &profile);
            }
            v.refs(
                &item.helpers,
                &helper_ids,
                &format!("{path}/helpers"),
                "helper",
            );
            for (i, advice) in item.advice.iter().enumerate() {
                let advice_path = format!("{path}/advice/{i}");
                v.condition(&advice.when, &format!("{advice_path}/when"), &profile);
                for (field, text) in [
                    ("why", &advice.why),
                    ("evidence", &advice.evidence),
                    ("recommendation", &advice.recommendation),
                ] {
                    if let Some(text) = text {
                        v.text(text, &format!("{advice_path}/{field}"));
                    }
                }
                if let Some(helpers) = &advice.helpers {
                    v.refs(
                        helpers,
                        &helper_ids,
                        &format!("{advice_path}/helpers"),
                        "helper",
                    );
                }
                if !advice.sources.is_empty() {
                    v.sources(&advice.sources, &format!("{advice_path}/sources"));
                }
                if advice.why.is_none()
                    && advice.evidence.is_none()
                    && advice.recommendation.is_none()
                    && advice.helpers.is_none()
                {
                    v.push(
                        Code::EmptyList,
                        advice_path,
                        "advice for a profile must replace at least one of why, evidence, recommendation or helpers",
                    );
                }
            }
            v.updates(&item.updates, &format!("{path}/updates"));
            v.sources(&item.sources, &format!("{path}/sources"));
            if let Some(dependency) = &item.depends_on {
                dependency_refs(v, checklist, item, dependency, &path);
            }
        }
    }
    dependency_cycles(v, checklist);

    if let Some(quick) = &checklist.quick_scan {
        let path = format!("{base}/quick_scan");
        v.non_empty(&quick.items, &format!("{path}/items"), "item");
        for (index, id) in quick.items.iter().enumerate() {
            if checklist.item(id).is_none() {
                v.push(
                    Code::UnknownRef,
                    format!("{path}/items/{index}"),
                    format!("no item `{id}` in this checklist"),
                );
            }
            if quick.items[..index].contains(id) {
                v.push(
                    Code::DuplicateId,
                    format!("{path}/items/{index}"),
                    format!("`{id}` is listed twice"),
                );
            }
        }
        if !(3..=5).contains(&quick.actions) {
            v.push(
                Code::OutOfRange,
                format!("{path}/actions"),
                "a quick scan's plan lists 3 to 5 actions",
            );
        }
    }
    if checklist.seconds_per_item == 0 {
        v.push(
            Code::OutOfRange,
            format!("{base}/seconds_per_item"),
            "an item takes some time to answer",
        );
    }

    for (index, check) in checklist.consistency.iter().enumerate() {
        let path = format!("{base}/consistency/{index}");
        v.pack_id(&check.id, &format!("{path}/id"));
        v.condition(&check.when, &format!("{path}/when"), &profile);
        v.text(&check.finding, &format!("{path}/finding"));
        v.sources(&check.sources, &format!("{path}/sources"));
    }
}

/// A dependency names another item of the pack and answers of the scale.
fn dependency_refs(
    v: &mut Validator<'_>,
    checklist: &Checklist,
    item: &Item,
    dependency: &ItemDependency,
    path: &str,
) {
    if dependency.item == item.id {
        v.push(
            Code::DependencyCycle,
            format!("{path}/depends_on/item"),
            "an item cannot depend on its own answer",
        );
    } else if checklist.item(&dependency.item).is_none() {
        v.push(
            Code::UnknownRef,
            format!("{path}/depends_on/item"),
            format!("no item `{}` in this checklist", dependency.item),
        );
    }
    v.non_empty(
        &dependency.any_of,
        &format!("{path}/depends_on/any_of"),
        "answer",
    );
    for (index, choice) in dependency.any_of.iter().enumerate() {
        if !checklist.scale.iter().any(|option| &option.id == choice) {
            v.push(
                Code::UnknownRef,
                format!("{path}/depends_on/any_of/{index}"),
                format!("no answer `{choice}` in the scale"),
            );
        }
    }
}

/// Following `depends_on` from any item must end, never come back to an item on the way.
fn dependency_cycles(v: &mut Validator<'_>, checklist: &Checklist) {
    for (area_index, area) in checklist.areas.iter().enumerate() {
        for (item_index, item) in area.items.iter().enumerate() {
            let mut seen = vec![item.id.as_str()];
            let mut next = item.depends_on.as_ref().map(|d| d.item.as_str());
            while let Some(id) = next.filter(|id| *id != item.id) {
                if seen.contains(&id) {
                    break; // a circle further on, reported from an item on it
                }
                seen.push(id);
                next = checklist
                    .item(id)
                    .and_then(|i| i.depends_on.as_ref())
                    .map(|d| d.item.as_str());
            }
            if next == Some(item.id.as_str()) && seen.len() > 1 {
                v.push(
                    Code::DependencyCycle,
                    format!("/kit/areas/{area_index}/items/{item_index}/depends_on/item"),
                    format!("depends_on goes round in a circle: {}", seen.join(" → ")),
                );
            }
        }
    }
}
