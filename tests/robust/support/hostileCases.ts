import { learningClimateSurvey } from '../../../core/instruments';
import { listStatements } from '../../../core/survey';
import { intBetween, pick, SHRM_STATEMENT_IDS } from './respondents';

/** One request that must be refused with a 4xx and a message, and must change nothing. */
export interface HostileCase {
  category: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer byte for byte (malformed bodies). */
  body?: unknown;
}

export interface HostileContext {
  /** Valid codes of an open round that were never used: every case using one must be invalid otherwise. */
  unusedCodes: string[];
  /** Codes already used for a response. */
  usedCodes: string[];
  /** Unused codes of a closed round. */
  closedCodes: string[];
  openRoundId: string;
  closedRoundId: string;
  /** Authorization header of the organisation owning the rounds. */
  auth: string;
}

type Json = Record<string, unknown>;
type Maker = (random: () => number, ctx: HostileContext) => HostileCase;

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const OTHER_SURVEY_STATEMENTS = listStatements(learningClimateSurvey()).map((s) => s.id);

function answers(random: () => number, count = SHRM_STATEMENT_IDS.length): Json[] {
  return SHRM_STATEMENT_IDS.slice(0, count).map((statementId) => ({
    statementId,
    current: intBetween(random, 1, 5),
    desired: intBetween(random, 1, 5),
  }));
}

function validBody(random: () => number, code: string): Json {
  return {
    code,
    answers: answers(random, intBetween(random, 1, SHRM_STATEMENT_IDS.length)),
    comment: 'Prima school',
    submissionId: `sub-${Math.floor(random() * 1e12)}`,
  };
}

function post(category: string, body: unknown, headers?: Record<string, string>): HostileCase {
  return { category, method: 'POST', path: '/api/responses', body, ...(headers ? { headers } : {}) };
}

function randomCode(random: () => number, length = 10): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += pick(random, CODE_ALPHABET.split(''));
  return code;
}

const wrongValues: unknown[] = ['3', '', 3.5, true, false, [], {}, [3], { value: 3 }, 'drie', -1.25, '١٢'];

const wrongType: Maker = (random, ctx) => {
  const body = validBody(random, pick(random, ctx.unusedCodes));
  const list = body.answers as unknown[];
  const i = intBetween(random, 0, list.length - 1);
  const entry = list[i] as Json;
  switch (intBetween(random, 0, 6)) {
    case 0:
      body.code = pick(random, [12345, true, null, [], {}, 1.5, ['A', 'B'], { code: pick(random, ctx.unusedCodes) }]);
      break;
    case 1:
      body.answers = pick(random, ['alles 5', 5, null, {}, { 0: list[0] }, true, 'W10=']);
      break;
    case 2:
      list[i] = pick(random, ['int-goals', 5, null, [], true, [entry]]);
      break;
    case 3:
      entry.statementId = pick(random, [5, null, [], {}, true, ['int-goals']]);
      break;
    case 4:
      entry[pick(random, ['current', 'desired'])] = pick(random, wrongValues);
      break;
    case 5:
      body.comment = pick(random, [5, [], {}, true, null, ['tekst'], { text: 'x' }]);
      break;
    default:
      body.submissionId = pick(random, [5, 'short', 'x'.repeat(65), null, [], {}]);
  }
  return post('wrong types', body);
};

const missingFields: Maker = (random, ctx) => {
  const body = validBody(random, pick(random, ctx.unusedCodes));
  const list = body.answers as Json[];
  switch (intBetween(random, 0, 3)) {
    case 0:
      delete body.code;
      break;
    case 1:
      if (random() < 0.5) delete body.answers;
      else body.answers = [];
      break;
    case 2:
      delete list[intBetween(random, 0, list.length - 1)]![pick(random, ['statementId', 'current', 'desired'])];
      break;
    default:
      return post('missing fields', random() < 0.5 ? {} : { comment: 'alleen een opmerking' });
  }
  return post('missing fields', body);
};

const extraFields: Maker = (random, ctx) => {
  const body = validBody(random, pick(random, ctx.unusedCodes));
  const key = pick(random, [
    'roundId',
    'group',
    'day',
    'isAdmin',
    'id',
    'Code',
    'codes',
    'status',
    'threshold',
    'answers ',
    `x${Math.floor(random() * 1e6)}`,
  ]);
  if (random() < 0.5) body[key] = pick(random, [ctx.openRoundId, 'directie', '2020-01-01', true, 1, null]);
  else {
    const list = body.answers as Json[];
    list[intBetween(random, 0, list.length - 1)]![pick(random, ['weight', 'comment', 'sectionId', 'group', 'n'])] =
      pick(random, [1, 'x', null, true]);
  }
  return post('extra fields', body);
};

const hugeBodies: Maker = (random, ctx) => {
  const code = pick(random, ctx.unusedCodes);
  switch (intBetween(random, 0, 5)) {
    case 0:
      return post('huge bodies', { ...validBody(random, code), comment: 'x'.repeat(intBetween(random, 2001, 20_000)) });
    case 1: {
      const many = Array.from({ length: intBetween(random, 1001, 3000) }, (_, i) => ({
        statementId: `s-${i}`,
        current: 1,
        desired: 1,
      }));
      return post('huge bodies', { code, answers: many });
    }
    case 2:
      return post('huge bodies', { ...validBody(random, randomCode(random, intBetween(random, 65, 5000))) });
    case 3: {
      const body = validBody(random, code);
      for (let i = 0; i < 5000; i += 1) body[`k${i}`] = i;
      return post('huge bodies', body);
    }
    case 4:
      // Over the 1 MB body limit: refused before it is parsed.
      if (random() < 0.15)
        return post('huge bodies', {
          ...validBody(random, code),
          comment: 'é'.repeat(intBetween(random, 600_000, 900_000)),
        });
      return post('huge bodies', {
        ...validBody(random, code),
        comment: 'y'.repeat(intBetween(random, 2001, 100_000)),
      });
    default:
      return post('huge bodies', {
        ...validBody(random, code),
        submissionId: 'z'.repeat(intBetween(random, 65, 50_000)),
      });
  }
};

/** Built as text: JSON.stringify of such values would overflow this process's own stack. */
function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}
function deepObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const deepNesting: Maker = (random, ctx) => {
  const depth = pick(random, [100, 1000, 10_000, 50_000, intBetween(random, 2, 100_000)]);
  const deep = random() < 0.5 ? deepArray(depth) : deepObject(depth);
  const code = JSON.stringify(pick(random, ctx.unusedCodes));
  const answersText = JSON.stringify(answers(random, 3));
  const raw = pick(random, [
    deep,
    `{"code":${code},"answers":${deep}}`,
    `{"code":${code},"answers":${answersText},"comment":${deep}}`,
    `{"code":${code},"answers":${answersText},"extra":${deep}}`,
    `{"code":${code},"answers":[{"statementId":"int-goals","current":${deep},"desired":3}]}`,
    `{"code":${deep},"answers":${answersText}}`,
  ]);
  return post('deep nesting', raw, { 'content-type': 'application/json' });
};

const prototypeKeys: Maker = (random, ctx) => {
  const code = JSON.stringify(pick(random, ctx.unusedCodes));
  const answersText = JSON.stringify(answers(random, 5));
  const key = pick(random, [
    '__proto__',
    'constructor',
    'prototype',
    '__defineGetter__',
    'hasOwnProperty',
    'toString',
    'valueOf',
  ]);
  const raw = pick(random, [
    `{"code":${code},"answers":${answersText},"${key}":{"comment":"injected","isAdmin":true}}`,
    `{"${key}":{"code":${code}},"answers":${answersText}}`,
    `{"code":${code},"answers":[{"statementId":"int-goals","current":3,"desired":4,"${key}":{"current":1}}]}`,
    `{"code":${code},"answers":[{"statementId":"${key}","current":3,"desired":4}]}`,
    `{"code":${code},"answers":${answersText},"comment":{"${key}":"x"}}`,
    `{"code":${code},"answers":{"${key}":[1,2],"length":1}}`,
    `{"code":"${key}","answers":${answersText}}`,
  ]);
  return post('__proto__ / constructor keys', raw, { 'content-type': 'application/json' });
};

const oddUnicode: Maker = (random, ctx) => {
  const odd = pick(random, [
    '\u202eevil',
    '\u200b',
    '\u0000',
    '\ud800',
    '\udfff',
    '😀',
    'ÄÖÜ',
    '\uFEFF',
    'ＡＢＣＤＥＦＧＨＪＫ',
    'e\u0301',
    '\u2028\u2029',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  ]);
  const code = pick(random, ctx.unusedCodes);
  switch (intBetween(random, 0, 4)) {
    case 0: {
      // Whitespace inside a real code is forgiven on purpose (codes are retyped from paper), so only
      // characters that are not whitespace make a code wrong.
      const inside = /\s/.test(odd) ? '\u200b' : odd;
      const at = intBetween(random, 1, code.length - 1);
      return post('odd unicode', validBody(random, code.slice(0, at) + inside + code.slice(at)));
    }
    case 1: {
      const body = validBody(random, code);
      (body.answers as Json[])[0]!.statementId = `int-goals${odd}`;
      return post('odd unicode', body);
    }
    case 2:
      return post('odd unicode', {
        ...validBody(random, pick(random, ctx.usedCodes)),
        comment: `${odd} opmerking ${odd}`,
      });
    case 3: {
      // Bytes that are not UTF-8 at all, inside a body that is refused anyway (used code).
      const text = JSON.stringify({ ...validBody(random, pick(random, ctx.usedCodes)), comment: 'XX' });
      const bytes = Buffer.from(text, 'utf8');
      const at = bytes.indexOf('XX');
      bytes[at] = pick(random, [0xff, 0xc0, 0x80, 0xfe]);
      bytes[at + 1] = pick(random, [0xfe, 0xaf, 0x00, 0xc3]);
      return post('odd unicode', bytes, { 'content-type': 'application/json' });
    }
    default: {
      const path = encodePathPart(code.slice(0, 5) + odd + code.slice(5));
      // Not valid percent-encoding at all (a lone surrogate): every route with a parameter must refuse it.
      if (path.includes('%ED%A0%80')) {
        const prefix = pick(random, ['/api/form/', '/r/', '/s/', '/api/scoring/', '/api/levers/', '/api/surveys/']);
        return {
          category: 'odd unicode',
          method: 'GET',
          path: `${prefix}${path}`,
          headers: { authorization: ctx.auth },
        };
      }
      return { category: 'odd unicode', method: 'GET', path: `/api/form/${path}` };
    }
  }
};

/** encodeURIComponent, except that lone surrogates become the bytes a sloppy client would send. */
function encodePathPart(text: string): string {
  return text
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

const markupInComments: Maker = (random, ctx) => {
  const payload = pick(random, [
    '<script>alert(document.cookie)</script>',
    '"><img src=x onerror=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '=HYPERLINK("http://evil.example","klik")',
    "=cmd|' /C calc'!A0",
    '+SUM(1,2)',
    '@SUM(A1)',
    '-2+3',
    '<svg/onload=alert(1)>',
    "'; DROP TABLE responses; --",
    '{{constructor.constructor("alert(1)")()}}',
    '${process.exit()}',
  ]);
  const code = pick(random, [pick(random, ctx.usedCodes), pick(random, ctx.closedCodes), randomCode(random)]);
  return post('markup and script in comments', { ...validBody(random, code), comment: payload });
};

const outOfRange: Maker = (random, ctx) => {
  const body = validBody(random, pick(random, ctx.unusedCodes));
  const list = body.answers as Json[];
  const bad = pick(random, [0, 6, -1, 100, 99_999_999_999, -5, 7, 10, 2 ** 53]);
  list[intBetween(random, 0, list.length - 1)]![pick(random, ['current', 'desired'])] = bad;
  if (random() < 0.2) {
    // Not even a finite number: 1e400 parses to Infinity.
    const text = JSON.stringify(body).replace(/"current":\d+/, '"current":1e400');
    return post('scores out of range', text, { 'content-type': 'application/json' });
  }
  return post('scores out of range', body);
};

const unknownStatements: Maker = (random, ctx) => {
  const body = validBody(random, pick(random, ctx.unusedCodes));
  const list = body.answers as Json[];
  const i = intBetween(random, 0, list.length - 1);
  switch (intBetween(random, 0, 2)) {
    case 0:
      list[i]!.statementId = pick(random, [
        'no-such-statement',
        'int-goals-2',
        'x',
        `s${intBetween(random, 0, 1e6)}`,
        'internal',
      ]);
      break;
    case 1:
      list[i]!.statementId = pick(
        random,
        OTHER_SURVEY_STATEMENTS.filter((id) => !SHRM_STATEMENT_IDS.includes(id)),
      );
      break;
    default:
      list.push({ ...list[i]! });
  }
  return post('unknown statements', body);
};

const wrongCodes: Maker = (random) => {
  const code = pick(random, [
    randomCode(random),
    randomCode(random, 4),
    randomCode(random, 64),
    'ABC',
    '',
    '   ',
    "' OR 1=1 --",
    '../../koers.json',
    'null',
    '%00',
    'ABCDEFGHJK\n',
  ]);
  return random() < 0.7
    ? post('wrong codes', validBody(random, code))
    : { category: 'wrong codes', method: 'GET', path: `/api/form/${encodeURIComponent(code) || 'x'}` };
};

const reusedCodes: Maker = (random, ctx) => post('reused codes', validBody(random, pick(random, ctx.usedCodes)));

const closedRounds: Maker = (random, ctx) => {
  if (random() < 0.2) {
    return {
      category: 'closed rounds',
      method: 'POST',
      path: `/api/rounds/${ctx.closedRoundId}/invitations`,
      headers: { authorization: ctx.auth },
      body: { group: 'leraren', count: intBetween(random, 1, 10) },
    };
  }
  return post('closed rounds', validBody(random, pick(random, ctx.closedCodes)));
};

const malformedJson: Maker = (random, ctx) => {
  const code = JSON.stringify(pick(random, ctx.unusedCodes));
  const raw = pick(random, [
    '{',
    `{"code":${code},`,
    `{'code':${code}}`,
    `{"code":${code},"answers":[],}`,
    'NaN',
    'null',
    '[]',
    '"string"',
    '123',
    'true',
    `{"code":${code}}{"code":${code}}`,
    '\u0000',
    `\uFEFF{"code":${code},"answers":"x"}`,
    `{"code":${code},"answers":[{"statementId":"int-goals","current":03,"desired":4}]}`,
    `{"code":${code},"answers":[{"statementId":"int-goals","current":+3,"desired":4}]}`,
    '{"code":"\\uD800"}',
    `{"code":${code} "answers":[]}`,
    '/* comment */ {}',
  ]);
  return post('malformed JSON', raw, { 'content-type': 'application/json' });
};

const wrongContentType: Maker = (random, ctx) => {
  const body = JSON.stringify(validBody(random, pick(random, ctx.unusedCodes)));
  const type = pick(random, [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/html',
    'application/xml',
    'application/jsonp',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
  ]);
  if (type.endsWith('utf-16')) {
    // Declared UTF-16 but sent as UTF-8 bytes: not decodable as the JSON it claims to be.
    return post('wrong content types', JSON.stringify({ code: 'x', answers: 'y' }), { 'content-type': type });
  }
  return post('wrong content types', body, { 'content-type': type });
};

const badAdmin: Maker = (random, ctx) => {
  const auth = { authorization: ctx.auth };
  switch (intBetween(random, 0, 7)) {
    case 0: {
      const body: Json = { surveyId: 'shrm', name: 'Ronde', groups: ['leraren'] };
      const mutation = intBetween(random, 0, 8);
      if (mutation === 0) delete body.surveyId;
      if (mutation === 1) body.surveyId = pick(random, ['nope', 'learning-climate-x', '', '__proto__']);
      if (mutation === 2) body.groups = pick(random, [[], ['Leraren'], ['ouders'], 'leraren', [1]]);
      if (mutation === 3) body.anonymityThreshold = pick(random, [1, 0, 101, '5', 2.5, null]);
      if (mutation === 4) body.actionGap = pick(random, [-1, 11, 'x', null]);
      if (mutation === 5)
        body.period = pick(random, [
          { start: '2026-02-01', end: '2026-01-01' },
          { start: '1-1-2026', end: '2026-12-31' },
          'heel jaar',
        ]);
      if (mutation === 6) body.name = pick(random, ['', '   ', 'x'.repeat(201), 5]);
      if (mutation === 7) body.organisationId = 'org-other';
      if (mutation === 8) body.status = 'closed';
      return { category: 'admin: bad rounds', method: 'POST', path: '/api/rounds', headers: auth, body };
    }
    case 1: {
      const survey: Json = {
        title: { nl: 'Peiling', en: 'Poll' },
        sections: [
          {
            id: 'werk',
            title: { nl: 'Werk', en: 'Work' },
            statements: [{ id: 'werkdruk', text: { nl: 'Werkdruk', en: 'Workload' } }],
          },
        ],
        groups: [{ id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } }],
      };
      const mutation = intBetween(random, 0, 6);
      if (mutation === 0) survey.sections = [];
      // Dutch alone is valid (English falls back to Dutch); English alone is not.
      if (mutation === 1) survey.title = { en: 'Only English' };
      if (mutation === 2)
        survey.scale = pick(random, [
          { min: 5, max: 1 },
          { min: 1, max: 5, labels: [] },
          { min: 0, max: 99 },
        ]);
      if (mutation === 3)
        survey.groups = [
          { id: 'a', name: { nl: 'A', en: 'A' } },
          { id: 'a', name: { nl: 'B', en: 'B' } },
        ];
      if (mutation === 4)
        survey.sections = Array.from({ length: 51 }, (_, i) => ({
          id: `s${i}`,
          title: { nl: 'x', en: 'x' },
          statements: [{ id: `st${i}`, text: { nl: 'x', en: 'x' } }],
        }));
      if (mutation === 5) survey.builtIn = true;
      if (mutation === 6) survey.id = 'shrm';
      return { category: 'admin: bad surveys', method: 'POST', path: '/api/surveys', headers: auth, body: survey };
    }
    case 2: {
      const body = pick(random, [
        { group: 'leraren', count: 0 },
        { group: 'leraren', count: 5001 },
        { group: 'leraren', count: -3 },
        { group: 'leraren', count: '5' },
        { group: 'leraren', count: 2.5 },
        { group: 'directie', count: 2 },
        { group: 'Leraren', count: 2 },
        { group: 'leraren' },
        { count: 2 },
        { group: 'leraren', count: 2, codes: ['ABC'] },
      ]);
      return {
        category: 'admin: bad invitations',
        method: 'POST',
        path: `/api/rounds/${ctx.openRoundId}/invitations`,
        headers: auth,
        body,
      };
    }
    case 3: {
      // The last three are not valid percent-encoding at all.
      const id = pick(random, [
        'round-doesnotexist00',
        'x'.repeat(65),
        '..',
        '%2e%2e%2fkoers.json',
        'round%00',
        '__proto__',
        'constructor',
        '%ED%A0%80',
        'round%',
        '%E0%A4%A',
      ]);
      const suffix = pick(random, [
        '',
        '/results',
        '/comments',
        '/responses',
        '/responses?format=csv',
        '/suggestions',
        '/scoring',
        '/close',
        '/invitations',
      ]);
      const method = suffix === '/close' || suffix === '/invitations' ? 'POST' : 'GET';
      return {
        category: 'admin: unknown ids',
        method,
        path: `/api/rounds/${id}${suffix}`,
        headers: auth,
        ...(method === 'POST' ? { body: { group: 'leraren', count: 1 } } : {}),
      };
    }
    case 4: {
      const query = pick(random, [
        'format=xml',
        'separator=tab',
        'decimal=none',
        'lang=de',
        'format=csv&separator=',
        'format=csv&format=json',
        'decimal=comma&decimal=point',
      ]);
      return {
        category: 'admin: bad query',
        method: 'GET',
        path: `/api/rounds/${ctx.openRoundId}/responses?${query}`,
        headers: auth,
      };
    }
    case 5: {
      const header = pick(random, [
        '',
        'Bearer',
        'Bearer ',
        'Bearer koers_wrong',
        'Basic dXNlcjpwYXNz',
        `Bearer ${'k'.repeat(300)}`,
        ctx.auth.replace('Bearer ', 'Token '),
        `${ctx.auth}x`,
        `${ctx.auth} extra`,
      ]);
      const path = pick(random, [
        '/api/rounds',
        `/api/rounds/${ctx.openRoundId}/results`,
        '/api/surveys',
        `/api/rounds/${ctx.openRoundId}/close`,
      ]);
      const method = path.endsWith('/close') ? 'POST' : 'GET';
      return { category: 'admin: bad keys', method, path, headers: header === '' ? {} : { authorization: header } };
    }
    case 6: {
      const id = pick(random, ['nope', 'x'.repeat(65), '..%2f..%2fetc', 'survey-aaaaaaaaaaaaaaaa', '__proto__']);
      return { category: 'admin: unknown ids', method: 'GET', path: `/api/surveys/${id}`, headers: auth };
    }
    default: {
      const method = pick(random, ['PUT', 'PATCH', 'DELETE', 'GET']);
      const path = pick(random, [
        '/api/responses',
        `/api/rounds/${ctx.openRoundId}`,
        '/api/surveys/shrm',
        '/api/nothing',
        '/api',
      ]);
      const isRoundGet = method === 'GET' && path !== '/api/responses' && path !== '/api/nothing' && path !== '/api';
      // A GET of an existing resource is legitimate, so it goes without a key here.
      return {
        category: 'wrong methods and paths',
        method,
        path,
        headers: isRoundGet ? {} : auth,
        ...(method === 'GET' ? {} : { body: { x: 1 } }),
      };
    }
  }
};

/** Admin writes, for headers that must be refused before (keyless) or while (keyed) the body is read. */
function adminWritePaths(ctx: HostileContext): string[] {
  return [
    '/api/surveys',
    '/api/rounds',
    `/api/rounds/${ctx.openRoundId}/close`,
    `/api/rounds/${ctx.openRoundId}/invitations`,
    `/api/rounds/${ctx.openRoundId}/scoring`,
    `/api/rounds/${ctx.openRoundId}/scoring/adviser`,
    `/api/levers`,
    '/api/levers/intervisie/retire',
  ];
}

/**
 * Client-controlled headers (issue 8 item 5): a Content-Encoding the body does not have, on the public
 * submission and on every admin write (mostly without a key), and Range / If-Match /
 * If-Unmodified-Since on the public pages and static files. Every one must be a 4xx with a message.
 */
export const hostileHeaders: Maker = (random, ctx) => {
  const encoding = pick(random, [
    'gzip',
    'deflate',
    'br',
    'GZIP',
    'gzip, deflate',
    'x-gzip',
    'compress',
    'identity, br',
  ]);
  const asJson = { 'content-type': 'application/json', 'content-encoding': encoding };
  switch (intBetween(random, 0, 3)) {
    case 0:
      // A valid submission for an unused code: if it were read as plain JSON it would be stored.
      return post('hostile headers', JSON.stringify(validBody(random, pick(random, ctx.unusedCodes))), asJson);
    case 1: {
      const withKey = random() < 0.25;
      return {
        category: 'hostile headers',
        method: 'POST',
        path: pick(random, adminWritePaths(ctx)),
        headers: withKey ? { ...asJson, authorization: ctx.auth } : asJson,
        body: JSON.stringify({ surveyId: 'shrm', name: 'Ronde', groups: ['leraren'], group: 'leraren', count: 1 }),
      };
    }
    default: {
      const page = pick(random, [
        `/r/${pick(random, ctx.unusedCodes)}`,
        `/r/${pick(random, ctx.usedCodes)}`,
        `/s/${randomCode(random, 24)}`,
        '/form/index.html',
        '/addin/taskpane.html',
        '/favicon.ico',
      ]);
      const header = pick<Record<string, string>>(random, [
        { range: 'bytes=999999-' },
        { range: `bytes=${intBetween(random, 100_000, 10_000_000)}-` },
        { range: 'bytes=5-1' },
        { 'if-match': '"not-this-one"' },
        { 'if-match': 'W/"weak"' },
        { 'if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' },
        { 'if-unmodified-since': 'Thu, 01 Jan 1970 00:00:00 GMT', range: 'bytes=999999-' },
        { 'if-none-match': '*', 'if-match': '"x"' },
      ]);
      // GET: a HEAD answer has no body to carry the message the bad-input suite checks for.
      return { category: 'hostile headers', method: 'GET', path: page, headers: header };
    }
  }
};

export const MAKERS: Array<[string, Maker]> = [
  ['wrong types', wrongType],
  ['missing fields', missingFields],
  ['extra fields', extraFields],
  ['huge bodies', hugeBodies],
  ['deep nesting', deepNesting],
  ['__proto__ / constructor keys', prototypeKeys],
  ['odd unicode', oddUnicode],
  ['markup and script in comments', markupInComments],
  ['scores out of range', outOfRange],
  ['unknown statements', unknownStatements],
  ['wrong codes', wrongCodes],
  ['reused codes', reusedCodes],
  ['closed rounds', closedRounds],
  ['malformed JSON', malformedJson],
  ['wrong content types', wrongContentType],
  ['admin endpoints', badAdmin],
  ['hostile headers', hostileHeaders],
];

/** `count` cases, cycling through the categories, each drawn from the seeded generator. */
export function* hostileCases(random: () => number, ctx: HostileContext, count: number): Generator<HostileCase> {
  for (let i = 0; i < count; i += 1) {
    const [, make] = MAKERS[i % MAKERS.length]!;
    const hostile = make(random, ctx);
    if (random() < 0.3) {
      hostile.headers = {
        ...hostile.headers,
        'accept-language': pick(random, ['en-GB,en;q=0.9', 'nl-NL', 'de', '*', 'xx;q=abc']),
      };
    }
    yield hostile;
  }
}
