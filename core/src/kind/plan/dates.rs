//! Dates of a case that contradict each other or today (a return date before the leave
//! began, a birth date in the future): warnings the planner shows beside the field, never
//! refusals. The pack says which dates are checked (`Field::not_before`, `Field::min_age`).

use time::Date;

use super::{Case, FieldKind, Plan};
use crate::date::parse_date;

/// A date of a case that a person would expect to be checked, and is wrong
/// ([`Plan::date_warnings`]). The value stays as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateWarning<'a> {
    /// The field whose date is wrong.
    pub field: &'a str,
    /// What is wrong with it.
    pub problem: DateProblem<'a>,
}

/// What is wrong with a date of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem<'a> {
    /// It is before another date of the case that it never comes before (a return date
    /// before the first day of leave).
    BeforeOther {
        /// The other field.
        other: &'a str,
        /// The other field's date, `YYYY-MM-DD`.
        date: &'a str,
    },
    /// A birth date after today.
    InTheFuture,
    /// A birth date that gives, today, an age under the field's `min_age`.
    YoungerThan {
        /// The youngest age the field allows, in whole years.
        min_age: u8,
    },
}

impl Plan {
    /// The dates of `case` that contradict another date of it, or today (`YYYY-MM-DD`), as
    /// the pack's date fields declare: each field's `not_before` (a date never before those
    /// fields' dates) and `min_age` (a birth date: not after today, and giving at least
    /// that age). In the pack's order of fields, then of `not_before`. Empty fields, and
    /// values that are not dates, are not compared.
    pub fn date_warnings<'a>(&'a self, case: &'a Case, today: &str) -> Vec<DateWarning<'a>> {
        let date_of = |id: &str| -> Option<(&'a str, Date)> {
            let value = case.fields.get(id)?;
            Some((value.as_str(), parse_date(value)?))
        };
        let today = parse_date(today);
        let mut warnings = Vec::new();
        for field in self.fields.iter().filter(|f| f.kind == FieldKind::Date) {
            let Some((_, date)) = date_of(&field.id) else {
                continue;
            };
            if let (Some(min_age), Some(today)) = (field.min_age, today) {
                let problem = if date > today {
                    Some(DateProblem::InTheFuture)
                } else if age_on(date, today) < u32::from(min_age) {
                    Some(DateProblem::YoungerThan { min_age })
                } else {
                    None
                };
                if let Some(problem) = problem {
                    warnings.push(DateWarning {
                        field: &field.id,
                        problem,
                    });
                }
            }
            for other in &field.not_before {
                let Some((other_value, other_date)) = date_of(other) else {
                    continue;
                };
                if date < other_date {
                    warnings.push(DateWarning {
                        field: &field.id,
                        problem: DateProblem::BeforeOther {
                            other,
                            date: other_value,
                        },
                    });
                }
            }
        }
        warnings
    }
}

/// Age in whole years on `day` of someone born on `birth` (not after `day`): a birthday on
/// 29 February is reached on 1 March in other years.
fn age_on(birth: Date, day: Date) -> u32 {
    let years = day.year() - birth.year();
    let before_birthday =
        (u8::from(day.month()), day.day()) < (u8::from(birth.month()), birth.day());
    u32::try_from(years - i32::from(before_birthday)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(value: &str) -> Date {
        parse_date(value).unwrap()
    }

    #[test]
    fn an_age_counts_whole_years_up_to_the_birthday() {
        assert_eq!(age_on(day("2011-04-02"), day("2026-04-01")), 14);
        assert_eq!(age_on(day("2011-04-01"), day("2026-04-01")), 15);
        assert_eq!(age_on(day("2008-02-29"), day("2023-02-28")), 14);
        assert_eq!(age_on(day("2008-02-29"), day("2023-03-01")), 15);
        assert_eq!(age_on(day("2026-04-01"), day("2026-04-01")), 0);
    }
}
