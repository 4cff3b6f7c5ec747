// Renders the checklist with SurveyJS, the way its documentation shows for plain JS.
const survey = new Survey.Model(window.KIZUKI_BENCH_SURVEY_JSON);
survey.locale = 'ja';
survey.render(document.getElementById('surveyContainer'));
