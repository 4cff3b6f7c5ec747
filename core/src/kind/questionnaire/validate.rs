//! Validation of the questionnaire kind: ids, verbatim texts present, every reference
//! (scales, items, sections, measures, sums, rules, routes, respondent answers) resolved,
//! and every conversion table covering each raw value its measure can take exactly once.

use std::collections::BTreeMap;

use crate::diagnostic::Code;
use crate::kind::questionnaire::{Questionnaire, SumOf};
use crate::validate::{IdSet, Validator};

pub(crate) fn validate(v: &mut Validator<'_>, q: &Questionnaire) {
    let base = "/kit";
    v.text(&q.instrument.name, &format!("{base}/instrument/name"));
    v.text(
        &q.instrument.attribution,
        &format!("{base}/instrument/attribution"),
    );
    v.sources(&q.instrument.sources, &format!("{base}/instrument/sources"));
    v.texts(&q.instrument.notes, &format!("{base}/instrument/notes"));

    let mut respondent: BTreeMap<&str, IdSet<'_>> = BTreeMap::new();
    for (index, question) in q.respondent.iter().enumerate() {
        let path = format!("{base}/respondent/{index}");
        v.pack_id(&question.id, &format!("{path}/id"));
        v.text(&question.label, &format!("{path}/label"));
        v.text(&question.why, &format!("{path}/why"));
        let options = v.options(&question.options, &format!("{path}/options"), |o| {
            (&o.id, &o.label)
        });
        respondent.insert(&question.id, options);
    }

    v.non_empty(
        &q.answer_scales,
        &format!("{base}/answer_scales"),
        "answer scale",
    );
    for (index, scale) in q.answer_scales.iter().enumerate() {
        let path = format!("{base}/answer_scales/{index}");
        v.pack_id(&scale.id, &format!("{path}/id"));
        v.options(&scale.options, &format!("{path}/options"), |o| {
            (&o.id, &o.label)
        });
    }

    v.non_empty(&q.sections, &format!("{base}/sections"), "section");
    let scale_ids: IdSet<'_> = q.answer_scales.iter().map(|s| s.id.as_str()).collect();
    for (index, section) in q.sections.iter().enumerate() {
        let path = format!("{base}/sections/{index}");
        v.pack_id(&section.id, &format!("{path}/id"));
        v.text(&section.label, &format!("{path}/label"));
        v.text(&section.instruction, &format!("{path}/instruction"));
        if !scale_ids.contains(section.scale.as_str()) {
            v.push(
                Code::UnknownRef,
                format!("{path}/scale"),
                format!("no answer scale with id `{}`", section.scale),
            );
        }
        v.non_empty(&section.items, &format!("{path}/items"), "item");
        for (i, item) in section.items.iter().enumerate() {
            let item_path = format!("{path}/items/{i}");
            v.pack_id(&item.id, &format!("{item_path}/id"));
            v.text(&item.text, &format!("{item_path}/text"));
            if item.number.trim().is_empty() {
                v.push(
                    Code::EmptyText,
                    format!("{item_path}/number"),
                    "say the item's printed number",
                );
            }
        }
    }
    let item_ids: IdSet<'_> = q.items().map(|(_, i)| i.id.as_str()).collect();
    let section_ids: IdSet<'_> = q.sections.iter().map(|s| s.id.as_str()).collect();

    let mut converted = IdSet::new();
    for (index, measure) in q.measures.iter().enumerate() {
        let path = format!("{base}/measures/{index}");
        v.pack_id(&measure.id, &format!("{path}/id"));
        v.text(&measure.label, &format!("{path}/label"));
        if measure.add.is_empty() && measure.subtract.is_empty() {
            v.push(
                Code::EmptyList,
                &path,
                "a measure adds or subtracts at least one item",
            );
        }
        v.refs(&measure.add, &item_ids, &format!("{path}/add"), "item");
        v.refs(
            &measure.subtract,
            &item_ids,
            &format!("{path}/subtract"),
            "item",
        );
        let Some(conversion) = &measure.conversion else {
            continue;
        };
        converted.insert(measure.id.as_str());
        let conversion_path = format!("{path}/conversion");
        v.sources(&conversion.sources, &format!("{conversion_path}/sources"));
        let choices = match &conversion.by {
            Some(by) => match respondent.get(by.as_str()) {
                Some(choices) => Some(choices),
                None => {
                    v.push(
                        Code::UnknownRef,
                        format!("{conversion_path}/by"),
                        format!("no respondent question with id `{by}`"),
                    );
                    continue;
                }
            },
            None => None,
        };
        v.non_empty(
            &conversion.tables,
            &format!("{conversion_path}/tables"),
            "table",
        );
        let mut covered = IdSet::new();
        for (t, table) in conversion.tables.iter().enumerate() {
            let table_path = format!("{conversion_path}/tables/{t}");
            match (choices, &table.when) {
                (Some(choices), Some(when)) => {
                    if !choices.contains(when.as_str()) {
                        v.push(
                            Code::UnknownRef,
                            format!("{table_path}/when"),
                            format!("the respondent question has no option `{when}`"),
                        );
                    }
                    if !covered.insert(when.as_str()) {
                        v.push(
                            Code::DuplicateId,
                            format!("{table_path}/when"),
                            format!("two tables are for `{when}`"),
                        );
                    }
                }
                (Some(_), None) => v.push(
                    Code::InvalidStructure,
                    &table_path,
                    "with `by`, each table says `when`",
                ),
                (None, Some(_)) => v.push(
                    Code::InvalidStructure,
                    format!("{table_path}/when"),
                    "`when` needs the conversion's `by`",
                ),
                (None, None) if t > 0 => v.push(
                    Code::InvalidStructure,
                    &table_path,
                    "without `by` a conversion has one table",
                ),
                (None, None) => {}
            }
            let Some((low, high)) = q.measure_range(measure) else {
                continue;
            };
            for raw in low..=high {
                let holding = table
                    .bands
                    .iter()
                    .filter(|b| b.min <= raw && raw <= b.max)
                    .count();
                if holding != 1 {
                    v.push(
                        Code::OutOfRange,
                        format!("{table_path}/bands"),
                        format!(
                            "raw value {raw} (the measure runs {low}–{high}) falls in {holding} bands; it must fall in exactly one"
                        ),
                    );
                }
            }
            for (b, band) in table.bands.iter().enumerate() {
                if band.min > band.max || band.min < low || band.max > high {
                    v.push(
                        Code::OutOfRange,
                        format!("{table_path}/bands/{b}"),
                        format!(
                            "band {}–{} is not within the measure's {low}–{high}",
                            band.min, band.max
                        ),
                    );
                }
            }
        }
        if let Some(choices) = choices {
            for choice in choices.iter() {
                if !covered.contains(choice) {
                    v.push(
                        Code::EmptyList,
                        format!("{conversion_path}/tables"),
                        format!("no table for respondent answer `{choice}`"),
                    );
                }
            }
        }
    }

    let mut sum_ids = IdSet::new();
    for (index, sum) in q.sums.iter().enumerate() {
        let path = format!("{base}/sums/{index}");
        v.pack_id(&sum.id, &format!("{path}/id"));
        v.text(&sum.label, &format!("{path}/label"));
        v.non_empty(&sum.of, &format!("{path}/of"), "part");
        match sum.sum_of {
            SumOf::ItemPoints => {
                let known: IdSet<'_> = item_ids.iter().chain(section_ids.iter()).collect();
                v.refs(&sum.of, &known, &format!("{path}/of"), "item or section");
            }
            SumOf::ConvertedMeasures => {
                v.refs(
                    &sum.of,
                    &converted,
                    &format!("{path}/of"),
                    "measure with a conversion",
                );
            }
        }
        sum_ids.insert(sum.id.as_str());
    }

    let mut rule_ids = IdSet::new();
    for (index, rule) in q.rules.iter().enumerate() {
        let path = format!("{base}/rules/{index}");
        v.pack_id(&rule.id, &format!("{path}/id"));
        v.text(&rule.label, &format!("{path}/label"));
        v.sources(&rule.sources, &format!("{path}/sources"));
        v.non_empty(&rule.branches, &format!("{path}/branches"), "branch");
        v.local_ids(
            rule.branches
                .iter()
                .enumerate()
                .map(|(i, b)| (b.id.as_str(), format!("{path}/branches/{i}/id"))),
        );
        for (b, branch) in rule.branches.iter().enumerate() {
            let branch_path = format!("{path}/branches/{b}");
            v.text(&branch.label, &format!("{branch_path}/label"));
            v.non_empty(&branch.all, &format!("{branch_path}/all"), "threshold");
            for (t, threshold) in branch.all.iter().enumerate() {
                let threshold_path = format!("{branch_path}/all/{t}");
                v.non_empty(&threshold.sums, &format!("{threshold_path}/sums"), "sum");
                v.refs(
                    &threshold.sums,
                    &sum_ids,
                    &format!("{threshold_path}/sums"),
                    "sum",
                );
                if threshold.min.is_none() && threshold.max.is_none() {
                    v.push(
                        Code::InvalidStructure,
                        threshold_path,
                        "a threshold gives `min` or `max`",
                    );
                }
            }
        }
        rule_ids.insert(rule.id.as_str());
    }

    if let Some(analysis) = &q.group_analysis {
        let path = format!("{base}/group_analysis");
        let measure_ids: IdSet<'_> = q.measures.iter().map(|m| m.id.as_str()).collect();
        let choices = analysis.by.as_deref().map(|by| {
            let found = respondent.get(by);
            if found.is_none() {
                v.push(
                    Code::UnknownRef,
                    format!("{path}/by"),
                    format!("no respondent question with id `{by}`"),
                );
            }
            found.cloned().unwrap_or_default()
        });
        v.non_empty(&analysis.measures, &format!("{path}/measures"), "measure");
        v.refs(
            &analysis.measures,
            &measure_ids,
            &format!("{path}/measures"),
            "measure",
        );
        v.sources(&analysis.sources, &format!("{path}/sources"));
        for (m, model) in analysis.risk_models.iter().enumerate() {
            let model_path = format!("{path}/risk_models/{m}");
            match (&choices, &model.when) {
                (Some(choices), Some(when)) if !choices.contains(when.as_str()) => v.push(
                    Code::UnknownRef,
                    format!("{model_path}/when"),
                    format!("the respondent question has no option `{when}`"),
                ),
                (Some(_), None) | (None, Some(_)) => v.push(
                    Code::InvalidStructure,
                    format!("{model_path}/when"),
                    "a model says `when` exactly when the analysis has `by`",
                ),
                _ => {}
            }
            for (p, part) in model.parts.iter().enumerate() {
                let part_path = format!("{model_path}/parts/{p}");
                v.text(&part.label, &format!("{part_path}/label"));
                for (t, term) in part.terms.iter().enumerate() {
                    if !analysis.measures.contains(&term.measure) {
                        v.push(
                            Code::UnknownRef,
                            format!("{part_path}/terms/{t}/measure"),
                            format!("`{}` is not one of the analysis's measures", term.measure),
                        );
                    }
                }
            }
        }
    }

    let route_ids: IdSet<'_> = q.routes.iter().map(|r| r.id.as_str()).collect();
    v.non_empty(&q.outcomes, &format!("{base}/outcomes"), "outcome");
    let last = q.outcomes.len().saturating_sub(1);
    for (index, outcome) in q.outcomes.iter().enumerate() {
        let path = format!("{base}/outcomes/{index}");
        v.pack_id(&outcome.id, &format!("{path}/id"));
        v.refs(
            &outcome.when_any,
            &rule_ids,
            &format!("{path}/when_any"),
            "rule",
        );
        if index == last && !outcome.when_any.is_empty() {
            v.push(
                Code::InvalidStructure,
                format!("{path}/when_any"),
                "the last outcome is for when no rule holds: give it no `when_any`",
            );
        }
        if index != last && outcome.when_any.is_empty() {
            v.push(
                Code::UnreachableRule,
                format!("{path}/when_any"),
                "an outcome without `when_any` always applies: the ones after it never do",
            );
        }
        v.text(&outcome.title, &format!("{path}/title"));
        v.texts(&outcome.advice, &format!("{path}/advice"));
        v.refs(
            &outcome.routes,
            &route_ids,
            &format!("{path}/routes"),
            "route",
        );
        v.sources(&outcome.sources, &format!("{path}/sources"));
    }
    for (index, route) in q.routes.iter().enumerate() {
        let path = format!("{base}/routes/{index}");
        v.pack_id(&route.id, &format!("{path}/id"));
        v.text(&route.label, &format!("{path}/label"));
        v.text(&route.description, &format!("{path}/description"));
        v.sources(&route.sources, &format!("{path}/sources"));
    }
}
