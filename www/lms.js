// Kizuki in an LMS: the launch page of a SCORM 1.2 or cmi5 package made by
// `kizuki package` loads this module. It finds the LMS, reads what it kept, mounts the
// course widget with an adapter, and otherwise only calls the LMS: what to report, when,
// and how the record is encoded is decided by the course (kizuki_core::lms and ::cmi5).
//
//   <div id="kizuki-course" data-standard="scorm12" data-lang="ja"
//        data-pack="linecare" data-course-iri="urn:kizuki:course:linecare"></div>
//   <script type="module" src="lms.js"></script>
//
// SCORM 1.2: the `API` object is looked for on this window's parents, then on the
// opener's (as the pipwerks wrapper does); LMSInitialize, then the course sets values and
// commits after each step and finishes when the page is left. cmi5: the launch URL's
// endpoint, fetch, actor, registration and activityId; the auth token is fetched once, the
// LMS.LaunchData state read, statements posted with the token, the record kept in the
// State API. With no LMS the adapter says why, and the widget says so and saves in this
// browser only.

import { mount } from './kizuki.js';

/** Where the course keeps its record in the cmi5 State API. */
const CMI5_STATE_ID = 'https://w3id.org/xapi/cmi5/kizuki/record';
/** How many windows up the parent chain to look for `API` (pipwerks: 500). */
const SCORM_SEARCH_LIMIT = 500;

/** The SCORM 1.2 API on `start` or one of its parents, or null. */
function searchUp(start) {
  let win = start;
  for (let tries = 0; win && tries < SCORM_SEARCH_LIMIT; tries += 1) {
    try {
      if (win.API && typeof win.API.LMSInitialize === 'function') return win.API;
    } catch {
      // a window of another origin: cannot be the LMS's API for this page
    }
    let parent = null;
    try {
      parent = win.parent;
    } catch {
      parent = null;
    }
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

/** The SCORM 1.2 API: this window's parents, then the opener's (and the top's opener). */
export function findScormApi(win = window) {
  const openers = [];
  try {
    if (win.opener) openers.push(win.opener);
    if (win.top && win.top.opener && win.top.opener !== win.opener) openers.push(win.top.opener);
  } catch {
    // an opener of another origin
  }
  return searchUp(win) ?? openers.map(searchUp).find(Boolean) ?? null;
}

const isTrue = (value) => value === true || value === 'true';

/** An adapter that reports nothing: the widget says why (`problem`) and saves locally. */
function noLms(problem) {
  return { standard: 'none', problem };
}

/** The SCORM 1.2 adapter, or `noLms` when the API refuses to start. */
function scorm12(api) {
  if (!isTrue(api.LMSInitialize(''))) return noLms('init_failed');
  const get = (key) => {
    try {
      return String(api.LMSGetValue(key) ?? '');
    } catch {
      return '';
    }
  };
  let finished = false;
  /** Sets each pair; returns the keys the LMS refused. */
  const set = (pairs) => pairs.filter(([key, value]) => !isTrue(api.LMSSetValue(key, value))).map(([key]) => key);
  const count = Number.parseInt(get('cmi.interactions._count'), 10);
  return {
    standard: 'scorm12',
    problem: '',
    learnerId: get('cmi.core.student_id'),
    learnerName: get('cmi.core.student_name'),
    suspendData: get('cmi.suspend_data'),
    interactionsCount: Number.isFinite(count) && count >= 0 ? count : 0,
    /** Sets the values and commits; returns the refused keys (`LMSCommit` when it failed). */
    setValues(pairs) {
      if (finished) return ['LMSFinish'];
      const refused = set(pairs);
      if (!isTrue(api.LMSCommit(''))) refused.push('LMSCommit');
      return refused;
    },
    /** Sets the last values, commits and finishes the session (once). */
    finish(pairs) {
      if (finished) return [];
      const refused = set(pairs);
      if (!isTrue(api.LMSCommit(''))) refused.push('LMSCommit');
      finished = true;
      if (!isTrue(api.LMSFinish(''))) refused.push('LMSFinish');
      return refused;
    },
  };
}

/** The cmi5 adapter from the launch URL's parameters, or `noLms` when a part is missing. */
async function cmi5(params) {
  const endpoint = params.get('endpoint');
  const fetchUrl = params.get('fetch');
  const actor = params.get('actor');
  const registration = params.get('registration');
  const activityId = params.get('activityId');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return noLms('no_launch');
  let token;
  try {
    const response = await fetch(fetchUrl, { method: 'POST' });
    token = (await response.json())['auth-token'];
  } catch {
    token = null;
  }
  if (!token) return noLms('no_token');
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3' };
  const stateUrl = (stateId) =>
    `${base}activities/state?${new URLSearchParams({ activityId, agent: actor, registration, stateId })}`;
  const read = async (stateId) => {
    try {
      const response = await fetch(stateUrl(stateId), { headers });
      return response.ok ? await response.text() : '';
    } catch {
      return '';
    }
  };
  const launchData = await read('LMS.LaunchData');
  if (!launchData) return noLms('no_launch_data');
  let learnerId = '';
  try {
    const agent = JSON.parse(actor);
    learnerId = String(agent.account?.name ?? agent.mbox ?? '');
  } catch {
    return noLms('no_launch');
  }
  const send = (url, method, body) =>
    fetch(url, { method, headers: { ...headers, 'Content-Type': 'application/json' }, body, keepalive: true })
      .then((response) => response.ok)
      .catch(() => false);
  return {
    standard: 'cmi5',
    problem: '',
    learnerId,
    learnerName: '',
    suspendData: await read(CMI5_STATE_ID),
    launch: { actor, registration, activityId, launchData },
    /** Posts a JSON array of statements; resolves to whether the LMS stored them. */
    sendStatements: (json) => send(`${base}statements`, 'POST', json),
    /** Stores the course's record (a JSON document); resolves to whether it was stored. */
    saveState: (json) => send(stateUrl(CMI5_STATE_ID), 'PUT', json),
  };
}

/** Finds the LMS the page was launched by: cmi5 (launch parameters) or SCORM 1.2. */
export async function connect(standard, win = window) {
  try {
    if (standard === 'cmi5') return await cmi5(new URL(win.location.href).searchParams);
    const api = findScormApi(win);
    return api ? scorm12(api) : noLms('no_api');
  } catch {
    return noLms('init_failed');
  }
}

/** Mounts the course into `#kizuki-course` with the LMS adapter (run on load). */
async function start() {
  const element = document.getElementById('kizuki-course');
  if (!element) return;
  const data = element.dataset;
  const lms = await connect(data.standard);
  lms.courseIri = data.courseIri ?? '';
  const options = { kit: 'course', lms };
  for (const [option, key] of [
    ['lang', 'lang'],
    // The pack's id: its files are content/<id>.<lang>.json beside kizuki.js, one per
    // language, fetched as the site's own packs are (the other language only on a switch).
    ['pack', 'pack'],
    ['centerName', 'centerName'],
    ['centerPhone', 'centerPhone'],
    ['centerUrl', 'centerUrl'],
  ]) {
    if (data[key]) options[option] = data[key];
  }
  mount(element, options);
}

start();
