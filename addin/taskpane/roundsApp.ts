import { toCsv } from '../../core/csv';
import { groupIdFromName } from '../../core/roundGroups';
import {
  parseQuestionnaire,
  problemFromServer,
  questionnaireTemplate,
  questionnaireTexts,
} from '../../core/sheets/questionnaireSheet';
import {
  describeRate,
  roundSheetTexts,
  type InvitationRow,
  type ParticipationView,
} from '../../core/sheets/roundSheets';
import { formatCoarseCount } from '../../core/coarseCount';
import { listStatements } from '../../core/survey';
import type { Language } from '../../core/text';
import { KoersApiError, type KoersClient } from '../api/client';
import { roundsApi, type NewRound, type SurveyItem, type ThemeItem } from '../api/roundsApi';
import type { CardGroup } from '../cards/invitationCards';
import type { RoundWorkbook } from '../excel/roundSheets';
import { roundText, type RoundTextKey } from '../text/rounds';
import { describeError } from './errorText';
import { element, MessageArea } from './messageArea';
import { lazyPart } from './lazyPart';
import { PaneError, type TaskpaneSession } from './session';
import type { PaneView } from './view';

export interface RoundsAppDeps {
  language: Language;
  session: TaskpaneSession;
  paneView: PaneView;
  /** Undefined outside Excel: then the sheets are skipped and the pane says so. */
  workbook?: RoundWorkbook;
  /** Called after a round was created or changed: the main list shows it, chosen. */
  roundsUpdated: () => void;
  /** The calendar day (YYYY-MM-DD) the defaults start from. */
  today?: () => string;
  /** Saves a file for the adviser (CSV, printable cards); a test may catch it. */
  saveFile?: (name: string, type: string, content: string) => void;
}

export interface RoundsApp {
  /** Told when the connection or the chosen round changes. */
  roundChanged(roundId: string | undefined): void;
}

type Attrs = Record<string, string | number | boolean | undefined>;

/** The printable cards with their QR codes (the qrcode library), fetched the first time they are made. */
const loadInvitationCards = lazyPart(
  () => import(/* webpackChunkName: "cards" */ '../cards/invitationCards'),
  'errorCardsNotLoaded',
);

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'className') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function isoDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(date);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function longDay(day: string, language: Language): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'ronde'
  );
}

/** A Blob download: the content never goes into a URL other than a local blob: one. */
export function downloadFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: name, className: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Only the newest version of each own survey is offered for a new round. */
export function latestOwnSurveys(surveys: readonly SurveyItem[]): SurveyItem[] {
  const latest = new Map<string, SurveyItem>();
  for (const survey of surveys) {
    if (survey.builtIn) continue;
    const family = survey.versionOf ?? survey.id;
    const known = latest.get(family);
    if (!known || (survey.version ?? 1) > (known.version ?? 1)) latest.set(family, survey);
  }
  return [...latest.values()];
}

/**
 * The round sections of the task pane: a new round (instrument, theme, name, period, groups,
 * threshold, action gap), then for the chosen round its invitations (sheet, CSV, printable cards),
 * response, end date and closing, and an own survey written in the Vragenlijst sheet.
 */
export function startRoundsApp(deps: RoundsAppDeps): RoundsApp {
  const { language, session, paneView, workbook } = deps;
  const t = (key: RoundTextKey, params?: Record<string, string | number>) => roundText(language, key, params);
  const today = deps.today ?? (() => isoDay(new Date()));
  const saveFile = deps.saveFile ?? downloadFile;
  const root = element<HTMLElement>('rounds-flow');
  const messages = new MessageArea(element('rounds-message'), element('rounds-status'));

  let themes: ThemeItem[] = [];
  let surveys: SurveyItem[] = [];
  let currentRound: string | undefined;
  /** The codes just issued, for CSV and cards; kept in memory only, never stored or logged. */
  let issued: { roundId: string; rows: InvitationRow[]; groups: CardGroup[] } | undefined;

  const client = (): KoersClient => session.requireClient();

  /** One action at a time, with the pane busy and its own button saying what happens. */
  async function act(button: HTMLButtonElement, busy: RoundTextKey | undefined, action: () => Promise<void>) {
    const label = button.textContent ?? '';
    paneView.setBusy(true);
    if (busy) button.textContent = t(busy);
    messages.clearMessages();
    try {
      await action();
    } catch (error) {
      messages.showError(
        error instanceof KoersApiError || error instanceof PaneError || !(error instanceof Error)
          ? describeError(error, language)
          : error.message,
      );
    } finally {
      paneView.setBusy(false);
      button.textContent = label;
    }
  }

  // ---------- new round ----------
  const newSection = h('section', { id: 'new-round-section', 'aria-labelledby': 'new-round-heading' });
  const instrument = h('select', { id: 'nr-instrument', name: 'instrument' });
  const theme = h('select', { id: 'nr-theme', name: 'theme' });
  const themeField = h(
    'div',
    { className: 'field' },
    h('label', { for: 'nr-theme', className: 'ms-font-m' }, t('themeLabel')),
    theme,
  );
  const name = h('input', { id: 'nr-name', name: 'name', type: 'text', maxlength: 200, autocomplete: 'off' });
  const start = h('input', { id: 'nr-start', name: 'start', type: 'date' });
  const end = h('input', { id: 'nr-end', name: 'end', type: 'date' });
  const groupList = h('ul', { className: 'group-list', id: 'nr-groups' });
  const addGroupName = h('input', { id: 'nr-add-group', type: 'text', maxlength: 100, autocomplete: 'off' });
  const addGroupButton = h(
    'button',
    { type: 'button', className: 'button', id: 'nr-add-group-button' },
    t('addGroupButton'),
  );
  const threshold = h('input', {
    id: 'nr-threshold',
    type: 'number',
    min: 2,
    max: 100,
    step: 1,
    value: 5,
    inputmode: 'numeric',
  });
  const actionGap = h('input', {
    id: 'nr-action-gap',
    type: 'number',
    min: 0,
    max: 10,
    step: 0.1,
    value: 1,
    inputmode: 'decimal',
  });
  const createButton = h(
    'button',
    { type: 'submit', className: 'button button-primary', id: 'nr-create' },
    t('createButton'),
  );
  const field = (id: string, label: string, control: HTMLElement) =>
    h('div', { className: 'field' }, h('label', { for: id, className: 'ms-font-m' }, label), control);
  const form = h(
    'form',
    { id: 'new-round-form', novalidate: true },
    field('nr-instrument', t('instrumentLabel'), instrument),
    themeField,
    field('nr-name', t('roundNameLabel'), name),
    h(
      'div',
      { className: 'field-row' },
      field('nr-start', t('startLabel'), start),
      field('nr-end', t('endLabel'), end),
    ),
    h(
      'fieldset',
      { className: 'groups' },
      h('legend', { className: 'ms-font-m' }, t('groupsLegend')),
      groupList,
      h(
        'div',
        { className: 'field' },
        h('label', { for: 'nr-add-group', className: 'ms-font-s' }, t('addGroupLabel')),
        addGroupName,
      ),
      addGroupButton,
    ),
    h(
      'div',
      { className: 'field-row' },
      field('nr-threshold', t('thresholdLabel'), threshold),
      field('nr-action-gap', t('actionGapLabel'), actionGap),
    ),
    h('div', { className: 'actions' }, createButton),
  );
  newSection.append(
    h('h2', { id: 'new-round-heading', className: 'ms-font-l' }, t('newRoundHeading')),
    h('p', { className: 'help ms-font-s' }, t('newRoundIntro')),
    form,
  );

  let nameEdited = false;
  name.addEventListener('input', () => (nameEdited = true));

  function chosenSurvey(): SurveyItem | undefined {
    const value = instrument.value;
    if (value === 'shrm')
      return surveys.find((s) => s.id === `shrm-${theme.value}`) ?? surveys.find((s) => s.id === 'shrm');
    return surveys.find((s) => s.id === value);
  }

  function renderGroups(): void {
    const survey = chosenSurvey();
    groupList.replaceChildren();
    for (const group of survey?.groups ?? []) addGroupRow(group.id, group.name[language], group.name.nl, false);
  }

  function addGroupRow(id: string, shown: string, original: string, own: boolean): void {
    const number = groupList.children.length + 1;
    const box = h('input', { type: 'checkbox', id: `nr-group-${number}`, checked: true, 'data-group': id });
    box.checked = true;
    const input = h('input', {
      type: 'text',
      id: `nr-group-name-${number}`,
      value: shown,
      'data-original': original,
      'data-own': own ? 'yes' : undefined,
      'aria-label': t('groupNameLabel', { number }),
    });
    groupList.append(
      h(
        'li',
        { className: 'group-row' },
        box,
        h('label', { for: `nr-group-${number}`, className: 'visually-hidden' }, `${t('groupIncluded')}: ${shown}`),
        input,
      ),
    );
  }

  function defaultName(): void {
    if (nameEdited) return;
    const survey = chosenSurvey();
    const themeName = themes.find((x) => x.id === theme.value)?.name[language];
    const label = instrument.value === 'shrm' && themeName ? themeName : (survey?.title[language] ?? '');
    name.value = t('defaultName', { instrument: label, year: today().slice(0, 4) });
  }

  function renderInstruments(): void {
    const previous = instrument.value;
    instrument.replaceChildren(
      h('option', { value: 'shrm' }, t('instrumentShrm')),
      h('option', { value: 'learning-climate' }, t('instrumentClimate')),
      ...latestOwnSurveys(surveys).map((s) =>
        h('option', { value: s.id }, t('instrumentOwn', { title: s.title[language] })),
      ),
    );
    if ([...instrument.options].some((o) => o.value === previous)) instrument.value = previous;
    theme.replaceChildren(...themes.map((x) => h('option', { value: x.id }, x.name[language])));
    themeField.hidden = instrument.value !== 'shrm';
    renderGroups();
    defaultName();
  }

  instrument.addEventListener('change', () => {
    themeField.hidden = instrument.value !== 'shrm';
    renderGroups();
    defaultName();
  });
  theme.addEventListener('change', defaultName);

  addGroupButton.addEventListener('click', () => {
    const groupName = addGroupName.value.trim();
    if (!groupName) return void addGroupName.focus();
    addGroupRow('', groupName, groupName, true);
    addGroupName.value = '';
    addGroupName.focus();
  });

  /** The POST /api/rounds body from the form, or a message for what is missing. */
  function newRoundBody(): NewRound {
    const groups: string[] = [];
    const groupNames: Record<string, { nl: string }> = {};
    [...groupList.querySelectorAll<HTMLLIElement>('li')].forEach((row, index) => {
      const box = row.querySelector<HTMLInputElement>('input[type=checkbox]')!;
      const input = row.querySelector<HTMLInputElement>('input[type=text]')!;
      if (!box.checked) return;
      const typed = input.value.trim();
      if (!typed) throw new Error(t('groupNameEmpty', { number: index + 1 }));
      let id = box.dataset.group || groupIdFromName(typed);
      if (!box.dataset.group) {
        const base = id;
        for (let n = 2; groups.includes(id); n += 1) id = `${base}-${n}`;
        box.dataset.group = id;
      }
      groups.push(id);
      if (input.dataset.own || typed !== input.dataset.original) groupNames[id] = { nl: typed };
    });
    if (groups.length === 0) throw new Error(t('noGroups'));
    const survey = chosenSurvey();
    return {
      surveyId: instrument.value === 'shrm' ? 'shrm' : (survey?.id ?? instrument.value),
      ...(instrument.value === 'shrm' && theme.value ? { theme: theme.value } : {}),
      name: name.value.trim(),
      groups,
      ...(Object.keys(groupNames).length > 0 ? { groupNames } : {}),
      period: { start: start.value, end: end.value },
      anonymityThreshold: Number(threshold.value),
      actionGap: Number(actionGap.value),
    };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(createButton, 'creating', async () => {
      const round = await roundsApi.createRound(client(), newRoundBody());
      await session.refreshRounds();
      session.select(round.id);
      deps.roundsUpdated();
      messages.showStatus(t('created', { name: round.name }));
      nameEdited = false;
      defaultName();
      element<HTMLElement>('run-round-heading').focus();
    });
  });

  // ---------- the chosen round ----------
  const runSection = h('section', { id: 'run-round-section', 'aria-labelledby': 'run-round-heading' });
  const runHeading = h('h2', { id: 'run-round-heading', className: 'ms-font-l', tabindex: -1 });
  const periodLine = h('p', { className: 'ms-font-s', id: 'run-period' });
  const counts = h('ul', { className: 'count-list', id: 'invite-counts' });
  const inviteButton = h(
    'button',
    { type: 'button', className: 'button button-primary', id: 'invite-button' },
    t('inviteButton'),
  );
  const csvButton = h(
    'button',
    { type: 'button', className: 'button', id: 'csv-button', disabled: true },
    t('csvButton'),
  );
  const cardsButton = h(
    'button',
    { type: 'button', className: 'button', id: 'cards-button', disabled: true },
    t('cardsButton'),
  );
  const responseButton = h(
    'button',
    { type: 'button', className: 'button', id: 'response-button' },
    t('responseButton'),
  );
  const responseTable = h('table', { id: 'response-table', className: 'response-table ms-font-s', hidden: true });
  const responseNote = h('p', { className: 'help ms-font-s', id: 'response-note', hidden: true });
  const extendDate = h('input', { id: 'extend-date', type: 'date' });
  const extendButton = h('button', { type: 'button', className: 'button', id: 'extend-button' }, t('extendButton'));
  const closeButton = h('button', { type: 'button', className: 'button', id: 'close-button' }, t('closeButton'));
  const confirmYes = h(
    'button',
    { type: 'button', className: 'button button-danger', id: 'close-confirm' },
    t('closeConfirmButton'),
  );
  const confirmNo = h('button', { type: 'button', className: 'button', id: 'close-cancel' }, t('closeCancelButton'));
  const confirmBox = h(
    'div',
    {
      id: 'close-confirm-box',
      className: 'message message-warning',
      role: 'group',
      'aria-labelledby': 'close-confirm-text',
      hidden: true,
    },
    h('p', { id: 'close-confirm-text', className: 'ms-font-m' }, t('closeConfirmText')),
    h('div', { className: 'actions' }, confirmYes, confirmNo),
  );
  runSection.append(
    runHeading,
    periodLine,
    h('h3', { className: 'ms-font-m', id: 'invitations-heading' }, t('invitationsHeading')),
    h('p', { className: 'help ms-font-s' }, t('invitationsIntro')),
    counts,
    h('div', { className: 'actions' }, inviteButton, csvButton, cardsButton),
    h('p', { className: 'help ms-font-s', id: 'only-copy' }, t('onlyCopyWarning')),
    h('h3', { className: 'ms-font-m' }, t('responseHeading')),
    h('div', { className: 'actions' }, responseButton),
    h(
      'div',
      { className: 'response-scroll', tabindex: 0, role: 'region', 'aria-label': t('responseHeading') },
      responseTable,
    ),
    responseNote,
    h(
      'div',
      { className: 'field' },
      h('label', { for: 'extend-date', className: 'ms-font-m' }, t('extendLabel')),
      extendDate,
    ),
    h('div', { className: 'actions' }, extendButton, closeButton),
    confirmBox,
  );

  function showRound(): void {
    const round = session.rounds.find((r) => r.id === currentRound);
    runSection.hidden = !round;
    if (!round) return;
    runHeading.textContent = t('manageHeading', { name: round.name });
    const phase =
      round.status === 'closed'
        ? t('phaseClosed')
        : round.period && today() < round.period.start
          ? t('phaseNotYet')
          : t('phaseOpen');
    periodLine.textContent = `${round.period ? t('periodLine', { start: longDay(round.period.start, language), end: longDay(round.period.end, language) }) : t('noPeriod')} ${phase}`;
    const survey = surveys.find((s) => s.id === round.surveyId);
    counts.replaceChildren(
      ...round.groups.map((id, i) => {
        const groupName =
          round.groupNames?.[id]?.[language] ?? survey?.groups.find((g) => g.id === id)?.name[language] ?? id;
        const inputId = `invite-count-${i + 1}`;
        return h(
          'li',
          { className: 'field field-narrow' },
          h('label', { for: inputId, className: 'ms-font-s' }, t('countLabel', { group: groupName })),
          h('input', {
            id: inputId,
            type: 'number',
            min: 0,
            max: 5000,
            step: 1,
            value: 0,
            inputmode: 'numeric',
            'data-group': id,
            'data-name': groupName,
          }),
        );
      }),
    );
    const open = round.status === 'open';
    for (const control of [inviteButton, extendButton, closeButton]) control.hidden = !open;
    extendDate.parentElement!.hidden = !open;
    counts.hidden = !open;
    extendDate.value = round.period?.end ?? '';
    confirmBox.hidden = true;
    const fresh = issued?.roundId === round.id;
    csvButton.disabled = !fresh;
    cardsButton.disabled = !fresh;
    responseTable.hidden = true;
    responseNote.hidden = true;
  }

  inviteButton.addEventListener(
    'click',
    () =>
      void act(inviteButton, 'inviting', async () => {
        const round = session.requireRound();
        const wanted = [...counts.querySelectorAll<HTMLInputElement>('input')]
          .map((input) => ({ group: input.dataset.group!, name: input.dataset.name!, count: Number(input.value) }))
          .filter((w) => Number.isInteger(w.count) && w.count > 0);
        if (wanted.length === 0) throw new Error(t('nothingToInvite'));
        const rows: InvitationRow[] = [];
        const groups: CardGroup[] = [];
        for (const w of wanted) {
          const reply = await roundsApi.invite(client(), round.id, w.group, w.count);
          const groupName = reply.groupName[language];
          const codes = reply.codes.map((code, i) => ({ code, link: reply.links[i]! }));
          rows.push(...codes.map((c) => ({ groupName, ...c })));
          groups.push({ groupName, codes });
        }
        issued = { roundId: round.id, rows, groups };
        csvButton.disabled = false;
        cardsButton.disabled = false;
        for (const input of counts.querySelectorAll<HTMLInputElement>('input')) input.value = '0';
        const sheet = workbook
          ? (await workbook.writeInvitations(rows)).sheetName
          : roundSheetTexts(language).invitationsSheet;
        messages.showStatus(`${t('invited', { count: rows.length, sheet })}${workbook ? '' : ` ${t('needExcel')}`}`);
      }),
  );

  csvButton.addEventListener('click', () => {
    const round = session.rounds.find((r) => r.id === currentRound);
    if (!issued || !round) return messages.showError(t('cardsNone'));
    const st = roundSheetTexts(language);
    const csv = toCsv([[st.group, st.code, st.link], ...issued.rows.map((r) => [r.groupName, r.code, r.link])]);
    const file = `${language === 'nl' ? 'uitnodigingen' : 'invitations'}-${fileNamePart(round.name)}.csv`;
    saveFile(file, 'text/csv;charset=utf-8', csv);
    messages.showStatus(t('downloadReady', { file }));
  });

  cardsButton.addEventListener(
    'click',
    () =>
      void act(cardsButton, undefined, async () => {
        const round = session.rounds.find((r) => r.id === currentRound);
        if (!issued || !round) throw new Error(t('cardsNone'));
        const entryUrl = `${session.serverUrl ?? ''}/r`;
        const { invitationCardsHtml } = await loadInvitationCards();
        const html = await invitationCardsHtml({
          language,
          roundName: round.name,
          entryUrl,
          ...(round.period ? { openUntil: longDay(round.period.end, language) } : {}),
          groups: issued.groups,
        });
        const file = `${language === 'nl' ? 'uitnodigingskaarten' : 'invitation-cards'}-${fileNamePart(round.name)}.html`;
        saveFile(file, 'text/html;charset=utf-8', html);
        messages.showStatus(`${t('cardsReady')} ${t('downloadReady', { file })}`);
      }),
  );

  function renderResponse(view: ParticipationView): void {
    const head = h(
      'tr',
      {},
      ...[t('responseGroup'), t('responseInvited'), t('responseAnswered'), t('responseRate')].map((x) =>
        h('th', { scope: 'col' }, x),
      ),
    );
    const body = view.groups.map((g) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, g.name[language]),
        h('td', {}, String(g.invited)),
        h('td', {}, formatCoarseCount(g.answered, language)),
        h('td', {}, describeRate(g.rate)),
      ),
    );
    const total = h(
      'tr',
      { className: 'total' },
      h('th', { scope: 'row' }, t('responseTotal')),
      h('td', {}, String(view.total.invited)),
      h('td', {}, formatCoarseCount(view.total.answered, language)),
      h('td', {}, describeRate(view.total.rate)),
    );
    responseTable.replaceChildren(h('thead', {}, head), h('tbody', {}, ...body, total));
    responseTable.hidden = false;
    responseNote.textContent = t('responseNote', { threshold: view.anonymityThreshold });
    responseNote.hidden = false;
  }

  responseButton.addEventListener(
    'click',
    () =>
      void act(responseButton, 'responseLoading', async () => {
        const round = session.requireRound();
        const view = await roundsApi.participation(client(), round.id);
        renderResponse(view);
        if (workbook) {
          const { sheetName } = await workbook.writeParticipation(view, longDay(today(), language));
          messages.showStatus(t('responseDone', { sheet: sheetName }));
        } else messages.showStatus(t('needExcel'));
      }),
  );

  extendButton.addEventListener(
    'click',
    () =>
      void act(extendButton, undefined, async () => {
        const round = await roundsApi.extend(client(), session.requireRound().id, extendDate.value);
        await session.refreshRounds();
        deps.roundsUpdated();
        messages.showStatus(t('extended', { end: longDay(round.period!.end, language) }));
      }),
  );

  closeButton.addEventListener('click', () => {
    confirmBox.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener('click', () => {
    confirmBox.hidden = true;
    closeButton.focus();
  });
  confirmYes.addEventListener(
    'click',
    () =>
      void act(confirmYes, undefined, async () => {
        await roundsApi.close(client(), session.requireRound().id);
        await session.refreshRounds();
        deps.roundsUpdated();
        messages.showStatus(t('closed'));
      }),
  );

  // ---------- own survey ----------
  const surveySection = h('section', { id: 'own-survey-section', 'aria-labelledby': 'own-survey-heading' });
  const templateButton = h(
    'button',
    { type: 'button', className: 'button', id: 'template-button' },
    t('templateButton'),
  );
  const publishButton = h(
    'button',
    { type: 'button', className: 'button button-primary', id: 'publish-button' },
    t('publishButton'),
  );
  surveySection.append(
    h('h2', { id: 'own-survey-heading', className: 'ms-font-l' }, t('ownSurveyHeading')),
    h('p', { className: 'help ms-font-s' }, t('ownSurveyIntro')),
    h('div', { className: 'actions' }, templateButton, publishButton),
  );

  const requireWorkbook = (): RoundWorkbook => {
    if (!workbook) throw new Error(t('needExcel'));
    return workbook;
  };

  templateButton.addEventListener(
    'click',
    () =>
      void act(templateButton, undefined, async () => {
        const book = requireWorkbook();
        const levers = (await client().listLevers()).filter((l) => !l.retired);
        const shrm = surveys.find((s) => s.id === 'shrm');
        const layout = questionnaireTemplate({
          language,
          levers,
          builtInStatements: shrm ? listStatements(shrm) : [],
          groups: (shrm?.groups ?? []).map((g) => g.name),
          scaleLabels: shrm?.scale.labels ?? [],
        });
        const { sheetName } = await book.writeQuestionnaireTemplate(layout);
        messages.showStatus(t('templateDone', { sheet: sheetName }));
      }),
  );

  publishButton.addEventListener(
    'click',
    () =>
      void act(publishButton, 'publishing', async () => {
        const book = requireWorkbook();
        const values = await book.readQuestionnaire();
        if (!values) throw new Error(t('noSheet'));
        const levers = await client().listLevers();
        const builtInStatementIds = new Set(
          surveys.filter((s) => s.builtIn).flatMap((s) => listStatements(s).map((x) => x.id)),
        );
        const parsed = parseQuestionnaire(values, {
          language,
          leverIds: new Set(levers.map((l) => l.id)),
          builtInStatementIds,
        });
        const okText = questionnaireTexts(language).ok;
        const base = {
          okRows: parsed.statementRows,
          generatedIds: parsed.generatedIds,
          headerRow: parsed.headerRow,
          okText,
        };
        if (!parsed.body) {
          await book.writeQuestionnaireChecks({ ...base, problems: parsed.problems });
          throw new Error(t('problems', { count: parsed.problems.length }));
        }
        let published;
        try {
          published = await roundsApi.publishSurvey(client(), parsed.body, parsed.publishedId);
        } catch (error) {
          if (error instanceof KoersApiError && error.details.status === 400 && error.details.serverMessage) {
            await book.writeQuestionnaireChecks({
              ...base,
              problems: [problemFromServer(error.details.serverMessage, parsed)],
            });
            throw new Error(t('problems', { count: 1 }));
          }
          throw error;
        }
        await book.writeQuestionnaireChecks({
          ...base,
          problems: [],
          ...(parsed.publishedRow
            ? { published: { row: parsed.publishedRow, id: published.id, version: published.version ?? 1 } }
            : {}),
        });
        surveys = await roundsApi.surveys(client());
        renderInstruments();
        const count = published.sections.reduce((sum, s) => sum + s.statements.length, 0);
        const parts = [t('published', { title: published.title[language], count })];
        if (parsed.publishedId && published.id !== parsed.publishedId)
          parts.push(t('publishedVersion', { version: published.version ?? 2 }));
        messages.showStatus(parts.join(' '));
      }),
  );

  root.append(newSection, runSection, surveySection);
  root.hidden = true;
  runSection.hidden = true;

  let loaded: string | undefined;
  async function loadLists(): Promise<void> {
    const server = session.serverUrl;
    if (!server || loaded === server) return;
    loaded = server;
    try {
      [themes, surveys] = await Promise.all([roundsApi.themes(client()), roundsApi.surveys(client())]);
    } catch (error) {
      loaded = undefined;
      messages.showError(describeError(error, language));
    }
    start.value = today();
    end.value = addDays(today(), 28);
    renderInstruments();
    showRound();
  }

  return {
    roundChanged(roundId) {
      const connected = session.serverUrl !== undefined;
      root.hidden = !connected;
      if (!connected) {
        loaded = undefined;
        issued = undefined;
        currentRound = undefined;
        messages.clearMessages();
        return;
      }
      if (roundId !== currentRound) messages.clearMessages();
      currentRound = roundId;
      void loadLists().then(showRound);
      showRound();
    },
  };
}
