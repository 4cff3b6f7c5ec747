//! Kizuki's browser app: the Yew component that shows one kit, and the embed API in [`embed`].
//!
//! A widget is mounted by [`embed::mount`] into a Shadow DOM root on an element the host
//! page gives. It fetches the kit's content pack from the same origin, parses it with
//! `kizuki_core`, and renders it. The UI never decides anything: what to show comes from
//! the pack and, later, from core calls.

/// The allocator of the modules built for size: talc, smaller than Rust's default (dlmalloc)
/// by about 2 KB gzip per widget (BENCHMARKS.md). The planner's module wraps it to zero what
/// it frees (`kind/plan.rs`); the aggregation's, built for speed, keeps dlmalloc, which is
/// as fast there and smaller.
#[cfg(all(
    target_arch = "wasm32",
    not(feature = "plan"),
    not(feature = "aggregate")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod about;
pub mod document_view;
pub mod embed;
pub mod file_button;
pub mod help;
pub mod import_confirm;
pub mod kind;
pub mod lms;
mod load;
mod locale;
pub mod markup;
pub mod platform;
pub mod print;
pub mod shell;
pub mod tools;

use std::rc::Rc;

use kizuki_core::Lang;

use crate::help::DirectoryState;
use crate::kind::KitView;
use crate::load::{PackRef, PackSource};
use yew::prelude::*;

pub use load::{parse_pack, LoadError};
pub use locale::{ui_text, UiText};

/// Which kit a widget shows. The option `kit` names it; each has one default pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KitChoice {
    /// A content kind's kit (its name in [`kind::KINDS`]): the checklist, the planner, …
    Kind(&'static str),
    /// The support center's aggregation of many exports of one checklist or course pack.
    Aggregate,
    /// The list of this browser's saved records; needs no pack.
    MyData,
    /// The embed guide's checker of a center's directory file; needs no pack.
    DirectoryCheck,
    /// The embed guide's LMS package button: reads the course pack and the site's files
    /// when pressed, none at start.
    LmsPackage,
}

impl KitChoice {
    /// Parses the `kit` option: a kind this build carries (`checklist`, `plan`, `course`),
    /// its default pack's id (`mh-checklist`, `return-to-work`, `linecare`), or a tool.
    pub fn parse(name: &str) -> Option<KitChoice> {
        let name = name.trim().to_ascii_lowercase();
        match name.as_str() {
            "aggregate" if cfg!(feature = "aggregate") => Some(KitChoice::Aggregate),
            "mydata" if cfg!(feature = "mydata") => Some(KitChoice::MyData),
            "dircheck" if cfg!(feature = "tools") => Some(KitChoice::DirectoryCheck),
            "lmspackage" if cfg!(feature = "tools") => Some(KitChoice::LmsPackage),
            _ => kind::KINDS
                .iter()
                .find(|kind| kind.name == name || kind.default_pack == name)
                .map(|kind| KitChoice::Kind(kind.name)),
        }
    }

    /// The id of the pack this kit loads when no `packUrl` is given.
    pub fn default_pack_id(self) -> &'static str {
        match self {
            KitChoice::Kind(name) => kind::web_kind(name).map_or(name, |kind| kind.default_pack),
            KitChoice::Aggregate | KitChoice::MyData | KitChoice::DirectoryCheck => "mh-checklist",
            KitChoice::LmsPackage => "linecare",
        }
    }

    /// The wasm module that carries this kit (`scripts/build.sh` builds one per kind, one for
    /// the aggregation page, one for the "my data" page and one for the embed guide's tools,
    /// as `pkg/kizuki_<name>.js`; `kizuki.js` loads only the one needed).
    pub fn module_name(self) -> &'static str {
        match self {
            KitChoice::Kind(name) => name,
            KitChoice::Aggregate => "aggregate",
            KitChoice::MyData => "mydata",
            KitChoice::DirectoryCheck | KitChoice::LmsPackage => "tools",
        }
    }

    /// The pack kind this kit needs, as in the pack's `kit.type`, or the tool's name.
    pub fn kind_name(self) -> &'static str {
        match self {
            KitChoice::Kind(name) => name,
            KitChoice::Aggregate => "aggregate",
            KitChoice::MyData => "mydata",
            KitChoice::DirectoryCheck => "dircheck",
            KitChoice::LmsPackage => "lmspackage",
        }
    }
}

/// The support center's contact details, shown where results point to someone to consult.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CenterContact {
    /// The center's name.
    pub name: String,
    /// A telephone number, as the center writes it.
    pub phone: Option<String>,
    /// The center's web address; only `http(s)` addresses are kept.
    pub url: Option<String>,
    /// Opening hours, as the center writes them.
    pub hours: Option<String>,
}

/// Everything a widget needs to start, already checked by [`embed::mount`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetConfig {
    /// The kit to show.
    pub kit: KitChoice,
    /// The language to start in; the person can switch.
    pub lang: Lang,
    /// Prefix for this widget's storage keys, so two widgets never share saved answers.
    pub namespace: String,
    /// The support center to point to, if the host page named one.
    pub center: Option<CenterContact>,
    /// Where people report an error in the content, when the host page gives its own
    /// address (`report-errors-url`, `http(s)` only); else the build's
    /// [`about::REPORT_ERRORS_URL`].
    pub report_errors_url: Option<String>,
    /// Where the pack comes from: a shipped pack's file per language, or one bilingual file
    /// (absolute URLs on the page's own origin).
    pub pack_source: PackSource,
    /// The pack's response, when `kizuki.js` fetched it while the wasm loaded.
    pub prefetched_pack: Option<load::Prefetched>,
    /// Absolute URL of the center's resource directory, on the page's own origin, if given.
    pub directory_url: Option<String>,
    /// False when the page itself shows the brand and the privacy line (the option
    /// `chrome: "none"`, used by the standalone site), so they are not shown twice.
    pub chrome: bool,
    /// The LMS adapter of a SCORM 1.2 or cmi5 package's launch page (`www/lms.js`).
    pub lms: Option<lms::LmsAdapter>,
}

/// Properties of [`App`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// The widget's configuration.
    pub config: Rc<WidgetConfig>,
}

/// Where loading the pack stands.
#[derive(Debug, Clone, PartialEq)]
enum PackState {
    Loading,
    Ready(PackRef),
    Failed(LoadError),
}

/// Where a switch to another language stands (its file is fetched before it is shown).
#[derive(Debug, Clone, PartialEq)]
enum LangSwitchState {
    Idle,
    /// Fetching the file of this language; the widget stays in the current one meanwhile.
    Fetching(Lang),
    /// The file of this language could not be used: the widget says why, in the current
    /// language, and offers to try again. Nothing else changed.
    Failed(Lang, LoadError),
}

/// The widget's state; every change goes through an [`Action`].
#[derive(Debug, Clone, PartialEq)]
struct WidgetState {
    lang: Lang,
    pack: PackState,
    switch: LangSwitchState,
    /// Bumped by [`Action::Retry`]; the loading effect re-runs when it changes.
    attempt: u32,
    /// The list of places to get help.
    directory: DirectoryState,
}

enum Action {
    SetLang(Lang),
    Switching(Lang),
    SwitchFailed(Lang, LoadError),
    Loaded(PackRef),
    Failed(LoadError),
    Retry,
    Directory(DirectoryState),
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => {
                next.lang = lang;
                next.switch = LangSwitchState::Idle;
            }
            Action::Switching(lang) => next.switch = LangSwitchState::Fetching(lang),
            Action::SwitchFailed(lang, error) => next.switch = LangSwitchState::Failed(lang, error),
            Action::Loaded(pack) => next.pack = PackState::Ready(pack),
            Action::Failed(error) => next.pack = PackState::Failed(error),
            Action::Retry => {
                next.pack = PackState::Loading;
                next.switch = LangSwitchState::Idle;
                next.attempt = next.attempt.wrapping_add(1);
            }
            Action::Directory(directory) => next.directory = directory,
        }
        Rc::new(next)
    }
}

/// One widget: a header with the language switch, the kit, and the center's contacts.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = use_reducer(|| WidgetState {
        lang: config.lang,
        pack: PackState::Loading,
        switch: LangSwitchState::Idle,
        attempt: 0,
        directory: if config.directory_url.is_some() {
            DirectoryState::Loading
        } else {
            DirectoryState::BuiltIn
        },
    });

    {
        let dispatcher = state.dispatcher();
        use_effect_with(config.directory_url.clone(), move |url| {
            let cancelled = Rc::new(std::cell::Cell::new(false));
            if let Some(url) = url.clone() {
                let cancelled = cancelled.clone();
                yew::platform::spawn_local(async move {
                    let directory = match help::fetch_directory(&url).await {
                        Ok(directory) => DirectoryState::Center(Rc::new(directory)),
                        Err(error) => DirectoryState::Failed(error),
                    };
                    if !cancelled.get() {
                        dispatcher.dispatch(Action::Directory(directory));
                    }
                });
            }
            move || cancelled.set(true)
        });
    }

    {
        let dispatcher = state.dispatcher();
        let source = config.pack_source.clone();
        let kit = config.kit;
        let prefetched = config.prefetched_pack.clone();
        // The file of the language shown when loading starts (a retry after a switch on the
        // error screen loads the language switched to).
        let lang = state.lang;
        use_effect_with(
            (source, kit, state.attempt),
            move |(source, kit, attempt)| {
                let cancelled = Rc::new(std::cell::Cell::new(false));
                let cancelled_in_task = cancelled.clone();
                let pack_url = source.url(lang);
                let kit = *kit;
                // A response can be read once: a retry fetches again (through `kizuki.js`'s
                // fetchSmall for a shipped pack, as a first load without a prefetch does).
                let prefetched = prefetched
                    .filter(|_| *attempt == 0)
                    .or_else(|| source.start_fetch(lang));
                yew::platform::spawn_local(async move {
                    let result = match kit {
                        KitChoice::MyData | KitChoice::DirectoryCheck | KitChoice::LmsPackage => {
                            return
                        }
                        #[cfg(feature = "aggregate")]
                        KitChoice::Aggregate => tools::fetch_any_pack(&pack_url, prefetched).await,
                        _ => load::fetch_pack(&pack_url, &[kit.kind_name()], prefetched).await,
                    };
                    if cancelled_in_task.get() {
                        return;
                    }
                    match result {
                        Ok(pack) => dispatcher.dispatch(Action::Loaded(PackRef::new(pack))),
                        Err(error) => {
                            load::log_for_developers(
                                "the content pack could not be used",
                                &error.detail(),
                            );
                            dispatcher.dispatch(Action::Failed(error))
                        }
                    }
                });
                move || cancelled.set(true)
            },
        );
    }

    // A language chosen while the pack was loading: once it is there, its file is fetched.
    {
        let ready = match &state.pack {
            PackState::Ready(pack) => Some(pack.clone()),
            _ => None,
        };
        let lang = state.lang;
        let source = config.pack_source.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(ready, move |ready| {
            if let Some(pack) = ready.as_ref().filter(|pack| !pack.has(lang)) {
                switch_language(lang, pack, &source, dispatcher);
            }
        });
    }

    let lang = state.lang;
    let text = ui_text(lang);
    let switch_notice = match &state.switch {
        LangSwitchState::Idle => html! {},
        LangSwitchState::Fetching(_) => html! {
            <p class="kizuki-status" role="status" data-testid="lang-switching">
                { &text.lang_switching }
            </p>
        },
        LangSwitchState::Failed(wanted, error) => {
            let retry = match &state.pack {
                PackState::Ready(pack) => {
                    let (wanted, pack) = (*wanted, pack.clone());
                    let source = config.pack_source.clone();
                    let dispatcher = state.dispatcher();
                    Callback::from(move |_: MouseEvent| {
                        switch_language(wanted, &pack, &source, dispatcher.clone())
                    })
                }
                _ => Callback::noop(),
            };
            html! {
                <div class="kizuki-notice kizuki-notice--error" role="alert" data-testid="lang-switch-failed">
                    <p>{ locale::fill(text.lang_switch_failed, &[("reason", &error.message(text))]) }</p>
                    <button type="button" class="kizuki-button" onclick={retry}>{ &text.retry }</button>
                </div>
            }
        }
    };
    let body = match &state.pack {
        #[cfg(feature = "mydata")]
        _ if config.kit == KitChoice::MyData => html! {
            <tools::MyDataView lang={lang} namespace={config.namespace.clone()} />
        },
        #[cfg(feature = "tools")]
        _ if config.kit == KitChoice::DirectoryCheck => html! {
            <tools::DirectoryCheckView lang={lang} namespace={config.namespace.clone()} />
        },
        #[cfg(feature = "tools")]
        _ if config.kit == KitChoice::LmsPackage => html! {
            // The site's folder: the default pack is `<folder>/content/linecare.json`.
            <tools::LmsPackageView lang={lang} namespace={config.namespace.clone()}
                                   site_base={web_sys::Url::new_with_base("../", &config.pack_source.url(lang))
                                       .map(|url| url.href())
                                       .unwrap_or_default()} />
        },
        #[cfg(feature = "aggregate")]
        PackState::Ready(pack) if config.kit == KitChoice::Aggregate => html! {
            <tools::AggregateView pack={pack.clone()} lang={lang}
                                  namespace={config.namespace.clone()} center={config.center.clone()} />
        },
        PackState::Loading => html! {
            <p class="kizuki-status" role="status">{ &text.loading }</p>
        },
        PackState::Ready(pack) => html! {
            <>
                <p class="kizuki-as-of">
                    { text.content_as_of.replace(
                        "{date}",
                        &kizuki_core::report::display_date(&pack.pack().content_as_of, lang),
                    ) }
                </p>
                <KitView pack={pack.clone()} lang={lang} namespace={config.namespace.clone()}
                         center={config.center.clone()} directory={state.directory.clone()}
                         lms={config.lms.clone()} />
            </>
        },
        PackState::Failed(error) => {
            let retry = {
                let dispatcher = state.dispatcher();
                Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Retry))
            };
            html! {
                <section class="kizuki-error" role="alert">
                    <h2 class="kizuki-error-title">{ &text.load_failed_title }</h2>
                    <p>{ error.message(text) }</p>
                    <button type="button" class="kizuki-button" onclick={retry}>
                        { &text.retry }
                    </button>
                </section>
            }
        }
    };

    // Each widget is a region named after its content, so two widgets on a page give two
    // named landmarks (and their header, footer and center card are not page-wide ones).
    let title = match &state.pack {
        PackState::Ready(pack) if config.kit != KitChoice::MyData => {
            pack.pack().title.get(lang).to_string()
        }
        _ => text.brand.to_string(),
    };
    let about = match &state.pack {
        PackState::Ready(pack) if config.kit != KitChoice::MyData => html! {
            <about::AboutPanel pack={pack.clone()} lang={lang}
                               center={config.center.as_ref().map(|c| c.name.clone()).filter(|n| !n.is_empty())}
                               report_url={config.report_errors_url.clone()} />
        },
        _ => html! {},
    };
    html! {
        <section class={classes!("kizuki", format!("kizuki-kit-{}", config.kit.kind_name()))}
             lang={lang.code()} aria-label={locale::fill(text.widget_label, &[("title", &title)])}>
            <header class="kizuki-header">
                if config.chrome {
                    <p class="kizuki-brand">{ &text.brand }</p>
                }
                <LangSwitch current={lang} on_change={
                    let dispatcher = state.dispatcher();
                    let pack = match &state.pack {
                        PackState::Ready(pack) => Some(pack.clone()),
                        _ => None,
                    };
                    let fetching = matches!(state.switch, LangSwitchState::Fetching(_));
                    let source = config.pack_source.clone();
                    Callback::from(move |wanted: Lang| match &pack {
                        Some(_) if fetching => {}
                        Some(pack) => switch_language(wanted, pack, &source, dispatcher.clone()),
                        // Nothing shown yet: the pack loads (or reloads) in this language.
                        None => {
                            platform::remember_lang(wanted.code());
                            dispatcher.dispatch(Action::SetLang(wanted))
                        }
                    })
                } />
            </header>
            { switch_notice }
            { body }
            if let Some(center) = &config.center {
                <CenterCard center={center.clone()} lang={lang} title={title.clone()} />
            }
            <footer class="kizuki-footer">
                if config.chrome {
                    <p class="kizuki-privacy">{ &text.privacy_note }</p>
                }
                { about }
            </footer>
        </section>
    }
}

/// Shows the pack in `lang`: at once when a loaded file carries it (or the pack is one
/// bilingual file), else once its file is fetched, the widget staying in its language
/// meanwhile. The person's choice is remembered for this site (every widget, reloads) once it
/// is shown; a file that cannot be used leaves everything as it was, with a notice.
fn switch_language(
    lang: Lang,
    pack: &PackRef,
    source: &PackSource,
    dispatcher: UseReducerDispatcher<WidgetState>,
) {
    let show = move |pack: &PackRef, dispatcher: &UseReducerDispatcher<WidgetState>| {
        pack.show(lang);
        platform::remember_lang(lang.code());
        dispatcher.dispatch(Action::SetLang(lang));
    };
    if pack.has(lang) || matches!(source, PackSource::Bilingual(_)) {
        show(pack, &dispatcher);
        return;
    }
    dispatcher.dispatch(Action::Switching(lang));
    let (pack, source) = (pack.clone(), source.clone());
    yew::platform::spawn_local(async move {
        match load::fetch_other_language(&source, lang, &pack).await {
            Ok(file) => {
                pack.add(lang, file);
                show(&pack, &dispatcher);
            }
            Err(error) => {
                load::log_for_developers(
                    "the content in the other language could not be used",
                    &error.detail(),
                );
                dispatcher.dispatch(Action::SwitchFailed(lang, error));
            }
        }
    });
}

#[derive(Debug, Clone, PartialEq, Properties)]
struct LangSwitchProps {
    current: Lang,
    on_change: Callback<Lang>,
}

/// A button a language, each naming its language in that language (its own locale's
/// `language_name`).
#[function_component(LangSwitch)]
fn lang_switch(props: &LangSwitchProps) -> Html {
    let text = ui_text(props.current);
    let button = |lang: Lang| {
        let on_change = props.on_change.clone();
        html! {
            <button type="button" class="kizuki-lang-button" lang={lang.code()}
                    aria-pressed={(props.current == lang).to_string()}
                    onclick={Callback::from(move |_: MouseEvent| on_change.emit(lang))}>
                { ui_text(lang).language_name }
            </button>
        }
    };
    html! {
        <div class="kizuki-lang" role="group" aria-label={text.language.to_string()}>
            { for Lang::ALL.into_iter().map(button) }
        </div>
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
struct CenterCardProps {
    center: CenterContact,
    lang: Lang,
    /// The widget's title: the card's landmark name says whose card it is.
    title: String,
}

/// The support center's contacts, as the host page gave them.
#[function_component(CenterCard)]
fn center_card(props: &CenterCardProps) -> Html {
    let text = ui_text(props.lang);
    let center = &props.center;
    html! {
        <aside class="kizuki-center" aria-label={locale::fill(text.center_label, &[("title", &props.title)])}>
            <h3 class="kizuki-center-heading">{ &text.center_heading }</h3>
            <p class="kizuki-center-name">{ &center.name }</p>
            { contact_details(props.lang, center.phone.as_deref(), center.hours.as_deref(), center.url.as_deref()) }
        </aside>
    }
}

/// Phone (a `tel:` link), hours and web address, those given, as a definition list: the
/// center card, the checklist's help section and every directory entry show contacts so.
pub fn contact_details(
    lang: Lang,
    phone: Option<&str>,
    hours: Option<&str>,
    url: Option<&str>,
) -> Html {
    if phone.is_none() && hours.is_none() && url.is_none() {
        return Html::default();
    }
    let text = ui_text(lang);
    html! {
        <dl class="kizuki-contact-details">
            if let Some(phone) = phone {
                <dt>{ &text.center_phone }</dt>
                // Each number its own link (a charged line and a free one: `0570-… / 0120-…`).
                <dd>
                    { for kizuki_core::phone::phone_parts(phone).into_iter().enumerate().map(|(n, part)| html! {
                        <>
                            if n > 0 { { " / " } }
                            if let Some(href) = tel_href(part) {
                                <a href={href}>{ part }</a>
                            } else {
                                { part }
                            }
                        </>
                    }) }
                </dd>
            }
            if let Some(hours) = hours {
                <dt>{ &text.center_hours }</dt>
                <dd>{ hours }</dd>
            }
            if let Some(url) = url {
                <dt>{ &text.center_web }</dt>
                <dd><a class="kizuki-url" href={url.to_string()} rel="noopener noreferrer">{ url }</a></dd>
            }
        </dl>
    }
}

/// A `tel:` link target built from the number alone (`0120-279-338 (24h, 365 days)` →
/// `tel:0120279338`, see [`kizuki_core::phone::dial_number`]); `None` when the text does
/// not start with a number, so it is shown without a link.
pub fn tel_href(phone: &str) -> Option<String> {
    kizuki_core::phone::dial_number(phone).map(|number| format!("tel:{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kit_names_and_pack_ids_both_choose_a_kit() {
        assert_eq!(
            KitChoice::parse("checklist"),
            Some(KitChoice::Kind("checklist"))
        );
        assert_eq!(
            KitChoice::parse("linecare"),
            Some(KitChoice::Kind("course"))
        );
        assert_eq!(KitChoice::parse(" Plan "), Some(KitChoice::Kind("plan")));
        assert_eq!(KitChoice::parse("mydata"), Some(KitChoice::MyData));
        assert_eq!(KitChoice::parse("survey"), None);
        assert_eq!(KitChoice::Kind("plan").default_pack_id(), "return-to-work");
        assert_eq!(KitChoice::Aggregate.module_name(), "aggregate");
        assert_eq!(KitChoice::MyData.module_name(), "mydata");
        assert_eq!(KitChoice::LmsPackage.module_name(), "tools");
    }

    #[test]
    fn tel_links_are_built_from_the_number_alone() {
        let href = |phone: &str| tel_href(phone);
        assert_eq!(href("03-1234-5678").as_deref(), Some("tel:0312345678"));
        assert_eq!(href("+81 3 1234 5678").as_deref(), Some("tel:+81312345678"));
        assert_eq!(
            href("0120-279-338 (24h, 365 days)").as_deref(),
            Some("tel:0120279338")
        );
        assert_eq!(href("javascript:alert(1)"), None);
    }
}
