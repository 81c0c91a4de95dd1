// The dashboard's words, Dutch by default and English for who chooses it (all of it:
// the menu, the forms, the states). One register: "u" throughout, as for the municipal
// staff and administrators who use it. Task titles, role and workflow names come from
// okod in both languages where it has them.
export const state = { lang: localStorage.getItem('okod.lang') || 'nl', me: null, code: null };

export function setLanguage(lang) {
  state.lang = lang;
  localStorage.setItem('okod.lang', lang);
}

const TEXT = {
  nl: {
    brand: 'OKO-regie', skip_to_content: 'Naar de inhoud', menu: 'Hoofdmenu', logout: 'Uitloggen', language: 'English',
    municipality: 'Gemeente', login_title: 'Inloggen', login: 'Inloggen', token: 'API-token',
    login_help: 'Plak het API-token dat u van de beheerder kreeg (okoctl tokens create).',
    remember: 'Onthouden op dit apparaat', footer: 'okod – regie op de OKO-cyclus.',
    bad_token: 'U bent niet (meer) ingelogd, of dit token wordt niet (meer) herkend.', offline: 'okod is niet bereikbaar.',
    no_municipality: 'Er is geen gemeente aan uw toegang gekoppeld.',
    nav_overview: 'Overzicht', nav_tasks: 'Taken', nav_process: 'Procesmonitor', nav_plan: 'Uitvoeringsplan',
    nav_people: 'Mensen en rollen', nav_report: 'Jaarverslag', nav_agenda: 'Agenda',
    role_admin: 'beheerder', role_regisseur: 'regisseur', role_stakeholder: 'betrokkene', role_council: 'raad',
    // overview
    next_election: 'Volgende gemeenteraadsverkiezingen', trajectory: 'Implementatietraject', capacity: 'Capaciteit',
    this_week: 'Deze week', all_this_week: 'Alle taken van deze week', position: 'Positie in de cyclus',
    reports: 'Rapportagedeadlines', roles: 'Rollen en vacatures', state_since: 'gestart', until: 't/m',
    capacity_text: '{total} fte (norm {norm}), regisseur {reg} fte', capacity_below: ' – onder de norm',
    capacity_unknown: 'geen fte vastgelegd', counts: '{rood} te laat · {oranje} binnenkort · {groen} op schema',
    none_positions: 'Geen lopende trajecten.',
    none_reports: 'Geen rapportagedeadline gepland.', vacant: 'vacature', holder: 'Wie', fte: 'fte', since: 'Vanaf',
    // task lists
    tasks_title: 'Taken', task_views: 'Welke taken', tab_today: 'Vandaag', tab_week: 'Deze week', tab_overdue: 'Te laat',
    tab_open: 'Alle open', tab_done: 'Afgerond', search: 'Zoeken', all_roles: 'Alle rollen', filter: 'Toon',
    none_today: 'Vandaag staat er niets open en niets is te laat.', none_week: 'Deze week staat er niets open.',
    none_overdue: 'Niets te laat.', none_open: 'Geen open taken.', none_done: 'Nog niets afgerond.',
    none_found: 'Geen taken gevonden met deze zoekterm of rol.', more: 'Meer tonen',
    deadline: 'Deadline', task: 'Taak', role: 'Rol', status: 'Status', light: 'Stoplicht', actions: 'Acties',
    light_rood: 'rood', light_oranje: 'oranje', light_groen: 'groen', light_none: 'geen',
    status_open: 'open', status_overdue: 'te laat', status_done: 'afgerond', status_skipped: 'overgeslagen',
    read_only: 'alleen lezen', complete: 'Afronden', completed: 'Taak afgerond: {title}',
    // one task
    back_to_tasks: '← Terug naar de taken', step: 'Stap', note_label: 'Toelichting', what_now: 'Wat wilt u doen?',
    reschedule: 'Verplaatsen', skip: 'Overslaan', undo: 'Afronden ongedaan maken', save: 'Opslaan', cancel: 'Annuleren',
    note: 'Toelichting (optioneel)', new_due: 'Nieuwe deadline', new_time: 'Tijd', reason: 'Reden',
    reason_help: 'Verplicht; de reden staat daarna in de geschiedenis van de taak.',
    skip_help: 'Bijvoorbeeld: al gedaan voordat okod in gebruik was.', reason_optional: 'Reden (optioneel)',
    undo_help: 'De taak wordt weer open, zolang de stap waar zij bij hoort nog loopt.',
    rescheduled: 'Deadline verplaatst: {title}', skipped: 'Taak overgeslagen: {title}', undone: 'Weer open: {title}',
    read_only_task: 'U kunt deze taak alleen bekijken.', closed_task: 'Deze taak is afgesloten.',
    stale: 'Dit kon niet:', history: 'Geschiedenis', history_empty: 'Nog niets gebeurd met deze taak.',
    history_unavailable: 'De geschiedenis is nu niet beschikbaar.', by: 'door',
    ev_task_created: 'Aangemaakt', ev_task_done: 'Afgerond', ev_task_skipped: 'Overgeslagen', ev_task_overdue: 'Te laat geworden',
    ev_task_rescheduled: 'Deadline verplaatst', ev_task_reopened: 'Weer open gezet', ev_task_undone: 'Afronden ongedaan gemaakt',
    ev_reminder: 'Herinnering verstuurd', ev_escalation: 'Escalatie verstuurd', ev_vacancy: 'Vacaturemelding verstuurd',
    municipality_label: 'Gemeente',
    // process monitor
    process_title: 'Procesmonitor', workflow: 'Werkproces',
    process_summary: '{on_time} op tijd, {late} te laat afgerond, {open} open, {overdue} te laat, {skipped} overgeslagen.',
    process_empty: 'Nog geen stappen in dit werkproces.', verdict: 'Oordeel', verdict_on_time: 'op tijd',
    verdict_late: 'te laat afgerond', verdict_open: 'open', verdict_overdue: 'te laat', verdict_skipped: 'overgeslagen',
    days_late: '({n} dag(en) te laat)',
    // execution plan
    plan_title: 'Uitvoeringsplan', plan_help: 'Per aanbeveling van de Scanner de acties, zoals in het invulschema van de handreiking.',
    plan_counts: '{total} acties: {groen} groen, {oranje} oranje, {rood} rood.', plan_add: 'Actie toevoegen',
    plan_empty: 'Nog geen acties in het uitvoeringsplan.', plan_no_actions: 'Nog geen acties bij deze aanbeveling.',
    plan_add_title: 'Nieuwe actie', plan_change_title: 'Actie wijzigen', plan_added: 'Actie toegevoegd: {title}',
    plan_changed: 'Actie gewijzigd: {title}', change: 'Wijzigen', intervention: 'Interventie', priority: 'Prioriteit',
    period: 'Periode', responsible: 'Verantwoordelijk', priority_hoog: 'hoog', priority_middel: 'middel', priority_laag: 'laag',
    f_recommendation: 'Aanbeveling', f_intervention: '1. Voorgestelde interventie', f_relevance: '2. Relevantie',
    f_feasibility: '3. Haalbaarheid', f_money_euros: '4. Middelen: geld (euro)', f_fte: '4. Middelen: fte',
    f_other_resources: '4. Middelen: overig', f_expected_effectiveness: '5. Verwachte effectiviteit',
    f_recognised: '5. Erkende interventie (bijvoorbeeld in de databank Effectieve jeugdinterventies)',
    f_obstacles: '6. Belemmeringen', f_period: '7. Periode', f_responsible: '8. Verantwoordelijke',
    f_considerations: 'Afwegingen bij de prioriteit', f_priority: 'Prioriteit', f_status: 'Stoplicht',
    f_status_remark: 'Toelichting bij het stoplicht',
    // people
    people_title: 'Mensen en rollen', vacancies: 'Vacatures', members: 'Mensen in deze gemeente', name: 'Naam',
    email: 'E-mailadres', person_language: 'Taal van de e-mails', lang_nl: 'Nederlands', lang_en: 'Engels',
    person_add: 'Persoon toevoegen', person_added: 'Toegevoegd: {name}', handover_start: 'Iemand vertrekt: overdracht',
    handover_title: 'Warme overdracht', handover_help: 'Leg vast wie vertrekt en wie volgt. Laat de opvolger bij voorkeur vóór de laatste werkdag beginnen: okod plant dan de overdracht in die overlap.',
    handover_step1: 'Stap 1: wie vertrekt', handover_who: 'Wie en welke rol', handover_last_day: 'Laatste werkdag',
    handover_step2: 'Stap 2: wie volgt', successor: 'Opvolger', successor_new: 'Iemand nieuw',
    successor_missing: 'Vul de naam van de opvolger in.', handover_from: 'Begint op', handover_from_help: 'De eerste dag in de rol.',
    handover_save: 'Overdracht vastleggen', handover_done: 'Overdracht vastgelegd voor de rol {role}.',
    // report
    report_title: 'Jaarverslag aan college en raad', report_help: 'Het jaarverslag van de OKO-cyclus: lezen in de browser, of downloaden om te versturen.',
    year: 'Jaar', language_of_report: 'Taal', report_view: 'Bekijken', report_pdf: 'Downloaden als pdf',
    report_html: 'Downloaden als html', report_csv: 'Downloaden als csv (spreadsheet)', report_busy: 'Het verslag wordt gemaakt…',
    report_saved: 'Opgeslagen: {file}',
    // calendar
    agenda_title: 'Uw agenda', agenda_help: 'Abonneer u op uw taken in Outlook, Google of Apple Agenda. De link bevat een eigen geheim: wie de link heeft, kan uw taken zien, maar niets wijzigen.',
    agenda_none: 'U heeft nog geen agenda-link.', agenda_since: 'U heeft een agenda-link sinds {when}.',
    agenda_make: 'Agenda-link maken', agenda_new: 'Nieuwe agenda-link maken', agenda_url: 'Uw agenda-link',
    agenda_once: 'Deze link wordt maar één keer getoond. Kopieer hem nu naar uw agenda.',
    feed_confirm: 'Een nieuwe agenda-link maken? Uw eerdere link werkt daarna niet meer.', copy: 'Kopiëren', copied: 'Gekopieerd.',
  },
  en: {
    brand: 'OKO programme', skip_to_content: 'Skip to content', menu: 'Main menu', logout: 'Log out', language: 'Nederlands',
    municipality: 'Municipality', login_title: 'Log in', login: 'Log in', token: 'API token',
    login_help: 'Paste the API token your administrator gave you (okoctl tokens create).',
    remember: 'Remember on this device', footer: 'okod – keeping the OKO cycle on time.',
    bad_token: 'You are not (or no longer) logged in, or this token is not (or no longer) recognised.', offline: 'okod cannot be reached.',
    no_municipality: 'No municipality is linked to your access.',
    nav_overview: 'Overview', nav_tasks: 'Tasks', nav_process: 'Process monitor', nav_plan: 'Execution plan',
    nav_people: 'People and roles', nav_report: 'Annual report', nav_agenda: 'Calendar',
    role_admin: 'administrator', role_regisseur: 'project leader', role_stakeholder: 'stakeholder', role_council: 'council',
    next_election: 'Next municipal elections', trajectory: 'Implementation trajectory', capacity: 'Capacity',
    this_week: 'This week', all_this_week: 'All tasks of this week', position: 'Position in the cycle',
    reports: 'Reporting deadlines', roles: 'Roles and vacancies', state_since: 'started', until: 'to',
    capacity_text: '{total} fte (norm {norm}), project leader {reg} fte', capacity_below: ' – below the norm',
    capacity_unknown: 'no fte recorded', counts: '{rood} overdue · {oranje} soon · {groen} on track',
    none_week: 'Nothing open this week.', none_positions: 'No running trajectories.',
    none_reports: 'No reporting deadline planned.', vacant: 'vacant', holder: 'Who', fte: 'fte', since: 'From',
    tasks_title: 'Tasks', task_views: 'Which tasks', tab_today: 'Today', tab_week: 'This week', tab_overdue: 'Overdue',
    tab_open: 'All open', tab_done: 'Done', search: 'Search', all_roles: 'All roles', filter: 'Show',
    none_today: 'Nothing due today and nothing overdue.', none_overdue: 'Nothing overdue.', none_open: 'No open tasks.',
    none_done: 'Nothing completed yet.', none_found: 'No tasks found with this search or role.', more: 'Show more',
    deadline: 'Deadline', task: 'Task', role: 'Role', status: 'Status', light: 'Traffic light', actions: 'Actions',
    light_rood: 'red', light_oranje: 'orange', light_groen: 'green', light_none: 'none',
    status_open: 'open', status_overdue: 'overdue', status_done: 'done', status_skipped: 'skipped',
    read_only: 'read only', complete: 'Complete', completed: 'Task completed: {title}',
    back_to_tasks: '← Back to the tasks', step: 'Step', note_label: 'Note', what_now: 'What would you like to do?',
    reschedule: 'Reschedule', skip: 'Skip', undo: 'Undo completion', save: 'Save', cancel: 'Cancel',
    note: 'Note (optional)', new_due: 'New deadline', new_time: 'Time', reason: 'Reason',
    reason_help: 'Required; the reason is kept in the task\'s history.',
    skip_help: 'For example: already done before okod was in use.', reason_optional: 'Reason (optional)',
    undo_help: 'The task opens again, as long as the step it belongs to is still running.',
    rescheduled: 'Deadline moved: {title}', skipped: 'Task skipped: {title}', undone: 'Open again: {title}',
    read_only_task: 'You can only view this task.', closed_task: 'This task is closed.',
    stale: 'That was not possible:', history: 'History', history_empty: 'Nothing has happened to this task yet.',
    history_unavailable: 'The history is not available now.', by: 'by',
    ev_task_created: 'Created', ev_task_done: 'Completed', ev_task_skipped: 'Skipped', ev_task_overdue: 'Became overdue',
    ev_task_rescheduled: 'Deadline moved', ev_task_reopened: 'Opened again', ev_task_undone: 'Completion undone',
    ev_reminder: 'Reminder sent', ev_escalation: 'Escalation sent', ev_vacancy: 'Vacancy alert sent',
    municipality_label: 'Municipality',
    process_title: 'Process monitor', workflow: 'Workflow',
    process_summary: '{on_time} on time, {late} completed late, {open} open, {overdue} overdue, {skipped} skipped.',
    process_empty: 'No steps in this workflow yet.', verdict: 'Verdict', verdict_on_time: 'on time',
    verdict_late: 'completed late', verdict_open: 'open', verdict_overdue: 'overdue', verdict_skipped: 'skipped',
    days_late: '({n} day(s) late)',
    plan_title: 'Execution plan', plan_help: 'The actions per recommendation of the Scanner, as in the guide\'s fill-in table.',
    plan_counts: '{total} actions: {groen} green, {oranje} orange, {rood} red.', plan_add: 'Add an action',
    plan_empty: 'No actions in the execution plan yet.', plan_no_actions: 'No actions for this recommendation yet.',
    plan_add_title: 'New action', plan_change_title: 'Change the action', plan_added: 'Action added: {title}',
    plan_changed: 'Action changed: {title}', change: 'Change', intervention: 'Intervention', priority: 'Priority',
    period: 'Period', responsible: 'Responsible', priority_hoog: 'high', priority_middel: 'medium', priority_laag: 'low',
    f_recommendation: 'Recommendation', f_intervention: '1. Suggested intervention', f_relevance: '2. Relevance',
    f_feasibility: '3. Feasibility', f_money_euros: '4. Resources: money (euro)', f_fte: '4. Resources: fte',
    f_other_resources: '4. Resources: other', f_expected_effectiveness: '5. Expected effectiveness',
    f_recognised: '5. Recognised intervention (for example in the Effective youth interventions database)',
    f_obstacles: '6. Obstacles', f_period: '7. Period', f_responsible: '8. Responsible',
    f_considerations: 'Considerations behind the priority', f_priority: 'Priority', f_status: 'Traffic light',
    f_status_remark: 'Remark with the traffic light',
    people_title: 'People and roles', vacancies: 'Vacancies', members: 'People in this municipality', name: 'Name',
    email: 'E-mail address', person_language: 'Language of the e-mails', lang_nl: 'Dutch', lang_en: 'English',
    person_add: 'Add a person', person_added: 'Added: {name}', handover_start: 'Someone leaves: hand-over',
    handover_title: 'Warm hand-over', handover_help: 'Record who leaves and who follows. Preferably let the successor start before the last working day: okod then plans the hand-over in that overlap.',
    handover_step1: 'Step 1: who leaves', handover_who: 'Who and which role', handover_last_day: 'Last working day',
    handover_step2: 'Step 2: who follows', successor: 'Successor', successor_new: 'Someone new',
    successor_missing: 'Enter the successor\'s name.', handover_from: 'Starts on', handover_from_help: 'The first day in the role.',
    handover_save: 'Record the hand-over', handover_done: 'Hand-over recorded for the role {role}.',
    report_title: 'Annual report to the executive and the council', report_help: 'The annual report of the OKO cycle: read it in the browser, or download it to send.',
    year: 'Year', language_of_report: 'Language', report_view: 'View', report_pdf: 'Download as PDF',
    report_html: 'Download as HTML', report_csv: 'Download as CSV (spreadsheet)', report_busy: 'Making the report…',
    report_saved: 'Saved: {file}',
    agenda_title: 'Your calendar', agenda_help: 'Subscribe to your tasks in Outlook, Google or Apple Calendar. The link holds a secret of its own: whoever has it can see your tasks, but change nothing.',
    agenda_none: 'You have no calendar link yet.', agenda_since: 'You have had a calendar link since {when}.',
    agenda_make: 'Make a calendar link', agenda_new: 'Make a new calendar link', agenda_url: 'Your calendar link',
    agenda_once: 'This link is shown only once. Copy it into your calendar now.',
    feed_confirm: 'Make a new calendar link? Your earlier link stops working.', copy: 'Copy', copied: 'Copied.',
  },
};

export function t(key, values) {
  let s = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.nl[key];
  if (s === undefined) return key;
  // A function as replacement: a title with "$&" in it stays as written.
  for (const [k, v] of Object.entries(values || {})) s = s.replace('{' + k + '}', () => String(v));
  return s;
}

// For tests: every key of one language is in the other.
export const LANGUAGES = Object.keys(TEXT);
export function missingKeys() {
  const nl = Object.keys(TEXT.nl), en = Object.keys(TEXT.en);
  return { en: nl.filter(k => !en.includes(k)), nl: en.filter(k => !nl.includes(k)) };
}
