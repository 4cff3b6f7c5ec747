//! Validation of the plan kind.

use crate::diagnostic::Code;
use crate::kind::plan::{DocBlock, FieldKind, Plan, PrivacyNote};
use crate::validate::{ChoiceQuestions, IdSet, Validator};

pub(crate) fn validate(v: &mut Validator<'_>, plan: &Plan) {
    let base = "/kit";
    let mut role_ids = IdSet::new();
    v.non_empty(&plan.roles, &format!("{base}/roles"), "role");
    for (index, role) in plan.roles.iter().enumerate() {
        let path = format!("{base}/roles/{index}");
        v.pack_id(&role.id, &format!("{path}/id"));
        role_ids.insert(role.id.as_str());
        v.text(&role.label, &format!("{path}/label"));
    }

    let mut field_ids = IdSet::new();
    let mut choice_fields = ChoiceQuestions::new();
    for (index, field) in plan.fields.iter().enumerate() {
        let path = format!("{base}/fields/{index}");
        v.pack_id(&field.id, &format!("{path}/id"));
        field_ids.insert(field.id.as_str());
        v.text(&field.label, &format!("{path}/label"));
        match &field.help {
            Some(help) => {
                v.text(help, &format!("{path}/help"));
                v.own_sources(field.sources.as_deref(), &path, "this field's help");
            }
            None => v.source_refs(
                field.sources.as_deref().unwrap_or_default(),
                &format!("{path}/sources"),
            ),
        }
        match field.kind {
            FieldKind::Choice => {
                v.non_empty(&field.options, &format!("{path}/options"), "option");
                choice_fields.insert(
                    field.id.as_str(),
                    field.options.iter().map(|o| o.id.as_str()).collect(),
                );
            }
            _ if !field.options.is_empty() => v.push(
                Code::WrongFieldKind,
                format!("{path}/options"),
                "only choice fields have options",
            ),
            _ => {}
        }
        v.local_ids(
            field
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.as_str(), format!("{path}/options/{i}/id"))),
        );
        for (i, option) in field.options.iter().enumerate() {
            v.text(&option.label, &format!("{path}/options/{i}/label"));
            v.source_refs(&option.sources, &format!("{path}/options/{i}/sources"));
        }
    }

    // The dates a date field is checked against: date fields, other than itself.
    for (index, field) in plan.fields.iter().enumerate() {
        let path = format!("{base}/fields/{index}");
        if field.kind != FieldKind::Date
            && (!field.not_before.is_empty() || field.min_age.is_some())
        {
            v.push(
                Code::WrongFieldKind,
                path.clone(),
                "only date fields have not_before or min_age",
            );
        }
        for (i, other) in field.not_before.iter().enumerate() {
            let at = format!("{path}/not_before/{i}");
            match plan.fields.iter().find(|f| &f.id == other) {
                None => v.push(Code::UnknownRef, at, format!("no field with id `{other}`")),
                Some(found) if found.kind != FieldKind::Date || found.id == field.id => v.push(
                    Code::WrongFieldKind,
                    at,
                    "a date is checked against another date field",
                ),
                Some(_) => {}
            }
        }
    }

    let mut document_ids = IdSet::new();
    for (index, document) in plan.documents.iter().enumerate() {
        let path = format!("{base}/documents/{index}");
        v.pack_id(&document.id, &format!("{path}/id"));
        document_ids.insert(document.id.as_str());
        v.text(&document.title, &format!("{path}/title"));
        v.non_empty(&document.blocks, &format!("{path}/blocks"), "block");
        let headings: Vec<(usize, u8)> = document
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, block)| match block {
                DocBlock::Heading { level, .. } => Some((i, *level)),
                _ => None,
            })
            .collect();
        if let Err(bad) = crate::document::check_heading_levels(headings.iter().map(|h| h.1)) {
            let (i, level) = headings[bad];
            v.push(
                Code::OutOfRange,
                format!("{path}/blocks/{i}/level"),
                format!(
                    "heading level {level}: levels go from 1 to {} and never skip one going down",
                    crate::document::MAX_HEADING_LEVEL
                ),
            );
        }
        let known_field = |v: &mut crate::validate::Validator<'_>, field: &str, at: String| {
            if !field_ids.contains(field) {
                v.push(Code::UnknownRef, at, format!("no field with id `{field}`"));
            }
        };
        for (i, block) in document.blocks.iter().enumerate() {
            let block_path = format!("{path}/blocks/{i}");
            match block {
                DocBlock::Heading { text, .. } => v.text(text, &format!("{block_path}/text")),
                DocBlock::Lines { lines, .. } => {
                    v.non_empty(lines, &format!("{block_path}/lines"), "line");
                    for (j, line) in lines.iter().enumerate() {
                        let line_path = format!("{block_path}/lines/{j}");
                        known_field(v, &line.field, format!("{line_path}/field"));
                        for (key, text) in [("before", &line.before), ("after", &line.after)] {
                            if let Some(text) = text {
                                v.text(text, &format!("{line_path}/{key}"));
                            }
                        }
                    }
                }
                DocBlock::AnswerBox { label, lines } => {
                    v.text(label, &format!("{block_path}/label"));
                    if !(1..=30).contains(lines) {
                        v.push(
                            Code::OutOfRange,
                            format!("{block_path}/lines"),
                            format!("an answer box holds 1 to 30 lines, not {lines}"),
                        );
                    }
                }
                DocBlock::Paragraph { text, sources, .. }
                | DocBlock::Guidance { text, sources } => {
                    v.text(text, &format!("{block_path}/text"));
                    v.source_refs(sources, &format!("{block_path}/sources"));
                }
                DocBlock::Signature { label } => v.text(label, &format!("{block_path}/label")),
                DocBlock::List { items, sources } => {
                    v.texts(items, &format!("{block_path}/items"));
                    v.source_refs(sources, &format!("{block_path}/sources"));
                }
                DocBlock::Field {
                    field,
                    label,
                    applies_if,
                } => {
                    if let Some(condition) = applies_if {
                        v.condition(
                            condition,
                            &format!("{block_path}/applies_if"),
                            &choice_fields,
                        );
                    }
                    if !field_ids.contains(field.as_str()) {
                        v.push(
                            Code::UnknownRef,
                            format!("{block_path}/field"),
                            format!("no field with id `{field}`"),
                        );
                    }
                    if let Some(label) = label {
                        v.text(label, &format!("{block_path}/label"));
                    }
                }
                DocBlock::FollowUpSchedule => {}
            }
        }
        v.sources(&document.sources, &format!("{path}/sources"));
    }

    let step_ids: IdSet<'_> = plan.steps.iter().map(|s| s.id.as_str()).collect();
    v.non_empty(&plan.steps, &format!("{base}/steps"), "step");
    for (index, step) in plan.steps.iter().enumerate() {
        let path = format!("{base}/steps/{index}");
        v.pack_id(&step.id, &format!("{path}/id"));
        v.text(&step.title, &format!("{path}/title"));
        v.text(&step.summary, &format!("{path}/summary"));
        for (i, note) in step.privacy.iter().enumerate() {
            let note_path = format!("{path}/privacy/{i}");
            match note {
                PrivacyNote::Plain(text) => v.text(text, &note_path),
                PrivacyNote::Sourced { text, sources } => {
                    v.text(text, &format!("{note_path}/text"));
                    v.sources(sources, &format!("{note_path}/sources"));
                }
            }
        }
        v.non_empty(&step.tasks, &format!("{path}/tasks"), "task");
        for (i, task) in step.tasks.iter().enumerate() {
            let task_path = format!("{path}/tasks/{i}");
            v.pack_id(&task.id, &format!("{task_path}/id"));
            v.text(&task.text, &format!("{task_path}/text"));
            v.non_empty(&task.roles, &format!("{task_path}/roles"), "role");
            v.refs(
                &task.roles,
                &role_ids,
                &format!("{task_path}/roles"),
                "role",
            );
            if let Some(help) = &task.help {
                v.text(help, &format!("{task_path}/help"));
            }
            if let Some(condition) = &task.applies_if {
                v.condition(
                    condition,
                    &format!("{task_path}/applies_if"),
                    &choice_fields,
                );
            }
            v.sources(&task.sources, &format!("{task_path}/sources"));
        }
        v.refs(&step.fields, &field_ids, &format!("{path}/fields"), "field");
        v.refs(
            &step.documents,
            &document_ids,
            &format!("{path}/documents"),
            "document",
        );
        if let Some(decision) = &step.decision {
            let decision_path = format!("{path}/decision");
            v.pack_id(&decision.id, &format!("{decision_path}/id"));
            v.text(&decision.label, &format!("{decision_path}/label"));
            v.non_empty(
                &decision.options,
                &format!("{decision_path}/options"),
                "option",
            );
            v.local_ids(
                decision
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (o.id.as_str(), format!("{decision_path}/options/{i}/id"))),
            );
            for (i, option) in decision.options.iter().enumerate() {
                v.text(&option.label, &format!("{decision_path}/options/{i}/label"));
                if let Some(next) = &option.next {
                    if !step_ids.contains(next.as_str()) {
                        v.push(
                            Code::UnknownRef,
                            format!("{decision_path}/options/{i}/next"),
                            format!("no step with id `{next}`"),
                        );
                    }
                }
            }
        }
        v.sources(&step.sources, &format!("{path}/sources"));
    }

    if let Some(start) = &plan.start_field {
        match plan.fields.iter().find(|f| &f.id == start) {
            None => v.push(
                Code::UnknownRef,
                format!("{base}/start_field"),
                format!("no field with id `{start}`"),
            ),
            Some(field) if field.kind != FieldKind::Date => v.push(
                Code::WrongFieldKind,
                format!("{base}/start_field"),
                "a case's start is read from a date field",
            ),
            Some(_) => {}
        }
    }

    let follow_up = &plan.follow_up;
    let path = format!("{base}/follow_up");
    v.text(&follow_up.title, &format!("{path}/title"));
    v.text(&follow_up.description, &format!("{path}/description"));
    match plan.fields.iter().find(|f| f.id == follow_up.anchor_field) {
        None => v.push(
            Code::UnknownRef,
            format!("{path}/anchor_field"),
            format!("no field with id `{}`", follow_up.anchor_field),
        ),
        Some(field) if field.kind != FieldKind::Date => v.push(
            Code::WrongFieldKind,
            format!("{path}/anchor_field"),
            "the follow-up schedule must count from a date field",
        ),
        Some(_) => {}
    }
    v.non_empty(
        &follow_up.offsets_days,
        &format!("{path}/offsets_days"),
        "offset",
    );
    if follow_up.offsets_days.windows(2).any(|w| w[0] >= w[1]) {
        v.push(
            Code::NotAscending,
            format!("{path}/offsets_days"),
            "offsets must rise",
        );
    }
}
