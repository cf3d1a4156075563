// Writes Matchmaker.postman_collection.json (Postman v2.1). Edit the journeys here, then run
// `node postman/build-collection.mjs`; the JSON is committed so Postman users need nothing else.
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const stableId = (name) => {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const lines = (s) => s.trim().split('\n').map((l) => l.replace(/^ {6}/, ''));

function request(name, method, path, { token, body, headers = {}, pre, tests } = {}) {
  const header = Object.entries(headers).map(([key, value]) => ({ key, value }));
  if (token) header.unshift({ key: 'Authorization', value: `Bearer {{${token}}}` });
  if (body !== undefined) header.push({ key: 'Content-Type', value: 'application/json' });
  const [pathPart, query] = path.split('?');
  const item = {
    id: stableId(name),
    name,
    request: {
      method,
      header,
      url: {
        raw: `{{baseUrl}}${path}`,
        host: ['{{baseUrl}}'],
        path: pathPart.split('/').filter(Boolean),
        ...(query ? { query: query.split('&').map((q) => { const [key, value = ''] = q.split('='); return { key, value }; }) } : {}),
      },
    },
    event: [],
  };
  if (body !== undefined)
    item.request.body = { mode: 'raw', raw: typeof body === 'string' ? body : JSON.stringify(body, null, 2), options: { raw: { language: 'json' } } };
  if (pre) item.event.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: lines(pre) } });
  if (tests) item.event.push({ listen: 'test', script: { type: 'text/javascript', exec: lines(tests) } });
  return item;
}

const folder = (name, description, item) => ({ id: stableId(`folder ${name}`), name, description, item });

// ---- shared test snippets -------------------------------------------------------------------
const status = (code) => `
      pm.test('status ${code}', () => pm.response.to.have.status(${code}));`;
const problem = (code) => `${status(code)}
      pm.test('problem details with status ${code}', () => {
        pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json');
        pm.expect(pm.response.json().status).to.eql(${code});
      });`;
const created = (variable) => `${status(201)}
      pm.test('Location and ETag headers', () => {
        pm.expect(pm.response.headers.get('Location')).to.match(/\\/api\\/v1\\/.+\\/[0-9a-f-]{36}$/);
        pm.expect(pm.response.headers.get('ETag')).to.match(/^"\\d+"$/);
      });
      pm.collectionVariables.set('${variable}', pm.response.json().id);`;
const etag = (variable) => `
      pm.test('ETag header', () => pm.expect(pm.response.headers.get('ETag')).to.match(/^"\\d+"$/));
      pm.collectionVariables.set('${variable}', pm.response.headers.get('ETag'));`;
const signIn = (variable) => `${status(200)}
      const token = pm.response.json();
      pm.test('bearer token', () => {
        pm.expect(token.tokenType).to.eql('Bearer');
        pm.expect(token.expiresIn).to.be.above(0);
      });
      pm.collectionVariables.set('${variable}', token.accessToken);`;

// ---- bodies (SCORING.md's worked example) -------------------------------------------------
const smeBody = {
  name: 'Ала-Тоо Машзавод {{run}}',
  nameEn: 'Ala-Too Mashzavod {{run}}',
  inn: '{{smeInn}}',
  region: 'KG-C',
  sectors: ['C28'],
  employees: 40,
  foundedYear: 2015,
  exportOriented: true,
  languages: ['ru', 'en'],
  certifications: [],
  description: 'Machine-building workshop near Bishkek.',
  contact: { person: 'Aibek Asanov', email: '{{smeContactEmail}}', phone: '+996 555 123 456' },
};
const needBody = {
  title: 'CNC machining line {{run}}',
  description: 'Two CNC lathes and training for the operators.',
  needTypes: ['equipment_supply', 'joint_venture'],
  amount: { amount: 500000, currency: 'USD' },
  jobsToCreate: 40,
  exportMarkets: ['KZ', 'UZ'],
  horizonMonths: 24,
};
const partnerBody = {
  name: 'Qingdao Machinery {{run}}',
  nameZh: '青岛机械',
  nameRu: 'Циндао Машинери {{run}}',
  uscc: '{{partnerUscc}}',
  city: 'qingdao',
  kind: 'manufacturer',
  sectors: ['C28', 'C29'],
  offerings: ['equipment_supply'],
  ticket: { minUsd: 100000, maxUsd: 2000000 },
  targetRegions: ['KG-C', 'KG-Y'],
  languages: ['zh', 'en'],
  seeksExportOriented: true,
  requiredCertifications: ['ISO 9001'],
  description: 'CNC machine tools.',
  contact: { person: 'Li Wei', email: '{{partnerContactEmail}}', phone: '+86 532 1234 5678' },
};

// GB 32100-2015: 17 characters from the alphabet, then the check character.
const usccScript = `
      const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
      const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      const check = (first17) => {
        const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
        const c = 31 - (sum % 31);
        return alphabet[c === 31 ? 0 : c];
      };
      let body = '91370200';
      for (let i = 0; i < 9; i++) body += alphabet[Math.floor(Math.random() * alphabet.length)];
      pm.collectionVariables.set('partnerUscc', body + check(body));
      const wrong = alphabet[(alphabet.indexOf(check(body)) + 1) % alphabet.length];
      pm.collectionVariables.set('badUscc', body + wrong);`;

// ---- the journeys ---------------------------------------------------------------------------
const setup = folder('0 Setup', 'Health, reference data, the run\'s unique names, and the admin creating the agency account that vets profiles.', [
  request('Liveness', 'GET', '/health/live', {
    pre: `
      const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      pm.collectionVariables.set('run', run);
      pm.collectionVariables.set('password', 'e2e-password-' + run);
      pm.collectionVariables.set('smeEmail', 'sme-' + run + '@e2e.matchmaker.test');
      pm.collectionVariables.set('partnerEmail', 'partner-' + run + '@e2e.matchmaker.test');
      pm.collectionVariables.set('agencyEmail', 'agency-' + run + '@e2e.matchmaker.test');
      pm.collectionVariables.set('smeContactEmail', 'aibek-' + run + '@alatoo.example');
      pm.collectionVariables.set('partnerContactEmail', 'li.wei-' + run + '@qdm.example');
      const digits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
      pm.collectionVariables.set('smeInn', digits(14));
      pm.collectionVariables.set('idempotencyKey', pm.variables.replaceIn('{{$guid}}'));
      pm.collectionVariables.set('missingId', pm.variables.replaceIn('{{$guid}}'));`,
    tests: `${status(200)}
      pm.test('body Healthy', () => pm.expect(pm.response.text()).to.eql('Healthy'));`,
  }),
  request('Readiness', 'GET', '/health/ready', { tests: `${status(200)}` }),
  request('Currencies (anonymous)', 'GET', '/api/v1/reference/currencies', {
    tests: `${status(200)}
      pm.test('USD, CNY and KGS', () => pm.expect(pm.response.json().items.map((c) => c.code)).to.include.members(['USD', 'CNY', 'KGS']));`,
  }),
  request('Admin signs in', 'POST', '/api/v1/auth/token', {
    body: { email: '{{adminEmail}}', password: '{{adminPassword}}' },
    tests: signIn('adminToken'),
  }),
  request('Admin creates an agency account', 'POST', '/api/v1/admin/users', {
    token: 'adminToken',
    body: { email: '{{agencyEmail}}', password: '{{password}}', role: 'agency' },
    tests: `${created('agencyUserId')}
      pm.test('role agency', () => pm.expect(pm.response.json().role).to.eql('agency'));`,
  }),
  request('Sign in as the agency', 'POST', '/api/v1/auth/token', {
    body: { email: '{{agencyEmail}}', password: '{{password}}' },
    tests: signIn('agencyToken'),
  }),
]);

const sme = folder('1 SME journey', 'A Kyrgyz SME registers, creates its profile, which the agency verifies, and posts the worked-example need.', [
  request('Register an SME account', 'POST', '/api/v1/auth/register', {
    body: { email: '{{smeEmail}}', password: '{{password}}', role: 'sme' },
    headers: { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' },
    tests: `${created('smeUserId')}
      pm.test('role sme', () => pm.expect(pm.response.json().role).to.eql('sme'));`,
  }),
  request('Sign in as the SME', 'POST', '/api/v1/auth/token', {
    body: { email: '{{smeEmail}}', password: '{{password}}' },
    tests: signIn('smeToken'),
  }),
  request('Notification preferences start at the defaults, in the registration\'s language', 'GET', '/api/v1/me/notifications', {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('immediate, ru, 70', () => pm.expect(pm.response.json()).to.eql({ email: 'immediate', language: 'ru', minScore: 70 }));`,
  }),
  request('Replace the notification preferences (no If-Match)', 'PUT', '/api/v1/me/notifications', {
    token: 'smeToken',
    body: { email: 'daily', language: 'zh', minScore: 80 },
    tests: `${status(200)}
      pm.test('answers with the whole object', () => pm.expect(pm.response.json()).to.eql({ email: 'daily', language: 'zh', minScore: 80 }));`,
  }),
  request('Read the notification preferences back', 'GET', '/api/v1/me/notifications', {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('daily, zh, 80', () => pm.expect(pm.response.json()).to.eql({ email: 'daily', language: 'zh', minScore: 80 }));`,
  }),
  request('Who am I, before the profile', 'GET', '/api/v1/auth/me', {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('no SME profile yet', () => pm.expect(pm.response.json().smeId).to.eql(null));`,
  }),
  request('Create the SME profile', 'POST', '/api/v1/smes', {
    token: 'smeToken',
    body: smeBody,
    tests: `${created('smeId')}
      pm.test('the owner sees its contact', () => pm.expect(pm.response.json().contact.person).to.eql('Aibek Asanov'));`,
  }),
  request('Who am I, with the profile', 'GET', '/api/v1/auth/me', {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('smeId is the new profile', () => pm.expect(pm.response.json().smeId).to.eql(pm.collectionVariables.get('smeId')));`,
  }),
  request('The new profile waits for an agency', 'GET', '/api/v1/smes/{{smeId}}', {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('verification pending', () => pm.expect(pm.response.json().verification).to.eql('pending'));`,
  }),
  request('Agency finds the SME in the verification queue', 'GET', '/api/v1/verification-queue?kind=sme&limit=100', {
    token: 'agencyToken',
    tests: `${status(200)}
      pm.test('the new SME is queued', () => pm.expect(pm.response.json().items.map((i) => i.id)).to.include(pm.collectionVariables.get('smeId')));`,
  }),
  request('Agency verifies the SME profile', 'POST', '/api/v1/smes/{{smeId}}/verification', {
    token: 'agencyToken',
    body: { decision: 'verified' },
    tests: `${status(200)}
      pm.test('verified', () => pm.expect(pm.response.json().verification).to.eql('verified'));`,
  }),
  request('Post the worked-example need', 'POST', '/api/v1/smes/{{smeId}}/needs', {
    token: 'smeToken',
    headers: { 'Idempotency-Key': '{{idempotencyKey}}' },
    body: needBody,
    tests: `${created('needId')}
      const need = pm.response.json();
      pm.test('open, 500,000 USD', () => {
        pm.expect(need.status).to.eql('open');
        pm.expect(need.amountUsd).to.eql(500000);
      });`,
  }),
  request('Retry the same POST with the same Idempotency-Key', 'POST', '/api/v1/smes/{{smeId}}/needs', {
    token: 'smeToken',
    headers: { 'Idempotency-Key': '{{idempotencyKey}}' },
    body: needBody,
    tests: `${status(201)}
      pm.test('the first answer again, nothing new', () => pm.expect(pm.response.json().id).to.eql(pm.collectionVariables.get('needId')));`,
  }),
  request('Read the need', 'GET', '/api/v1/needs/{{needId}}', {
    token: 'smeToken',
    tests: `${status(200)}${etag('needETag')}
      pm.test('effective sectors are the SME\\'s', () => pm.expect(pm.response.json().effectiveSectors).to.eql(['C28']));`,
  }),
  request('List the SME\'s needs', 'GET', '/api/v1/smes/{{smeId}}/needs', {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('exactly the one need', () => {
        const page = pm.response.json();
        pm.expect(page.items.map((n) => n.id)).to.eql([pm.collectionVariables.get('needId')]);
        pm.expect(page.nextCursor).to.eql(null);
      });`,
  }),
  request('Post a second, alike need', 'POST', '/api/v1/smes/{{smeId}}/needs', {
    token: 'smeToken',
    body: { ...needBody, title: 'Second CNC machining line {{run}}' },
    tests: created('secondNeedId'),
  }),
]);

const partner = folder('2 Shandong firm journey', 'A Shandong manufacturer registers, creates its profile (valid USCC), waits for the agency to verify it, searches needs and sees the SME\'s public view.', [
  request('Register a partner account', 'POST', '/api/v1/auth/register', {
    body: { email: '{{partnerEmail}}', password: '{{password}}', role: 'partner' },
    tests: created('partnerUserId'),
  }),
  request('Sign in as the partner', 'POST', '/api/v1/auth/token', {
    body: { email: '{{partnerEmail}}', password: '{{password}}' },
    tests: signIn('partnerToken'),
  }),
  request('Create the partner profile', 'POST', '/api/v1/partners', {
    token: 'partnerToken',
    pre: usccScript,
    body: partnerBody,
    tests: `${created('partnerId')}
      pm.test('USCC accepted as sent', () => pm.expect(pm.response.json().uscc).to.eql(pm.collectionVariables.get('partnerUscc')));`,
  }),
  request('Before an agency verifies it, the partner sees no need → 403', 'GET', '/api/v1/needs?limit=5', {
    token: 'partnerToken',
    tests: problem(403),
  }),
  request('A rejection without a note → 400', 'POST', '/api/v1/partners/{{partnerId}}/verification', {
    token: 'agencyToken',
    body: { decision: 'rejected' },
    tests: `${problem(400)}
      pm.test('errors.note', () => pm.expect(pm.response.json().errors).to.have.property('note'));`,
  }),
  request('Agency verifies the partner profile', 'POST', '/api/v1/partners/{{partnerId}}/verification', {
    token: 'agencyToken',
    body: { decision: 'verified' },
    tests: `${status(200)}
      pm.test('verified', () => pm.expect(pm.response.json().verification).to.eql('verified'));`,
  }),
  request('Search open needs in machinery', 'GET', '/api/v1/needs?sector=C28&needType=equipment_supply&q={{run}}&limit=100', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('finds the SME\\'s need', () => pm.expect(pm.response.json().items.map((n) => n.id)).to.include(pm.collectionVariables.get('needId')));
      pm.test('rate-limit headers of the search policy', () => {
        pm.expect(pm.response.headers.get('RateLimit-Policy')).to.match(/^"search";q=\\d+;w=\\d+$/);
        pm.expect(pm.response.headers.get('RateLimit')).to.match(/^"search";r=\\d+;t=\\d+$/);
      });`,
  }),
  request('Search needs by the SME\'s name, in another letter case', 'GET', `/api/v1/needs?q=${encodeURIComponent('АЛА-ТОО МАШЗАВОД')}%20{{run}}`, {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('finds the SME\\'s need', () => pm.expect(pm.response.json().items.map((n) => n.id)).to.include(pm.collectionVariables.get('needId')));`,
  }),
  request('Search partners by Russian name, offering, ticket size and target region', 'GET',
    `/api/v1/partners?q=${encodeURIComponent('циндао машинери')}%20{{run}}&offering=equipment_supply&ticketUsd=500000&targetRegion=KG-C`, {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('finds the partner, with its Russian name', () => {
        const partner = pm.response.json().items.find((p) => p.id === pm.collectionVariables.get('partnerId'));
        pm.expect(partner.nameRu).to.include('Циндао Машинери');
      });`,
  }),
  request('Search one need per page: page 1', 'GET', '/api/v1/needs?sector=C28&q={{run}}&limit=1', {
    token: 'partnerToken',
    tests: `${status(200)}
      const page = pm.response.json();
      pm.test('newest first: the second need, and a cursor to the next page', () => {
        pm.expect(page.items.map((n) => n.id)).to.eql([pm.collectionVariables.get('secondNeedId')]);
        pm.expect(page.nextCursor).to.be.a('string');
      });
      pm.collectionVariables.set('searchCursor', page.nextCursor);`,
  }),
  request('Search one need per page: page 2 from nextCursor', 'GET', '/api/v1/needs?sector=C28&q={{run}}&limit=1&cursor={{searchCursor}}', {
    token: 'partnerToken',
    tests: `${status(200)}
      const page = pm.response.json();
      pm.test('then the first need, and no further page', () => {
        pm.expect(page.items.map((n) => n.id)).to.eql([pm.collectionVariables.get('needId')]);
        pm.expect(page.nextCursor).to.eql(null);
      });`,
  }),
  request('Partner\'s matches one per page: page 1', 'GET', '/api/v1/partners/{{partnerId}}/matches?limit=1', {
    token: 'partnerToken',
    tests: `${status(200)}
      const page = pm.response.json();
      pm.test('one match and a cursor to the next page', () => {
        pm.expect(page.items).to.have.lengthOf(1);
        pm.expect(page.nextCursor).to.be.a('string');
      });
      pm.collectionVariables.set('matchCursor', page.nextCursor);
      pm.collectionVariables.set('firstPageMatchId', page.items[0].id);
      pm.collectionVariables.set('firstPageScore', page.items[0].score);`,
  }),
  request('Partner\'s matches one per page: page 2 from nextCursor', 'GET', '/api/v1/partners/{{partnerId}}/matches?limit=1&cursor={{matchCursor}}', {
    token: 'partnerToken',
    tests: `${status(200)}
      const page = pm.response.json();
      pm.test('the next match, no better than the first', () => {
        pm.expect(page.items).to.have.lengthOf(1);
        pm.expect(page.items[0].id).to.not.eql(pm.collectionVariables.get('firstPageMatchId'));
        pm.expect(page.items[0].score).to.be.at.most(Number(pm.collectionVariables.get('firstPageScore')));
      });`,
  }),
  request('Read the SME (public view)', 'GET', '/api/v1/smes/{{smeId}}', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('no contact before a mutual match', () => pm.expect(pm.response.json().contact).to.be.oneOf([undefined, null]));`,
  }),
  request('Partner\'s matches include the need', 'GET', '/api/v1/partners/{{partnerId}}/matches?limit=100', {
    token: 'partnerToken',
    tests: `${status(200)}
      const match = pm.response.json().items.find((m) => m.needId === pm.collectionVariables.get('needId'));
      pm.test('the worked example is matched', () => pm.expect(match).to.be.an('object'));
      pm.test('score 87.0, suggested', () => {
        pm.expect(match.score).to.eql(87);
        pm.expect(match.status).to.eql('suggested');
      });
      pm.collectionVariables.set('matchId', match.id);`,
  }),
]);

const explained = folder('3 SME reads its explained matches', 'SCORING.md\'s worked example: 87.0 with eight breakdown rows adding up to the score.', [
  request('Matches of the need', 'GET', '/api/v1/needs/{{needId}}/matches?limit=100', {
    token: 'smeToken',
    tests: `${status(200)}
      const match = pm.response.json().items.find((m) => m.partnerId === pm.collectionVariables.get('partnerId'));
      pm.test('the partner is among the matches', () => pm.expect(match).to.be.an('object'));
      pm.test('score 87.0', () => pm.expect(match.score).to.eql(87));
      pm.test('eight criteria in order', () => pm.expect(match.breakdown.map((b) => b.criterion))
        .to.eql(['sector', 'ticket', 'need_type', 'region', 'export', 'jobs', 'language', 'certification']));
      pm.test('contributions add up to the score', () =>
        pm.expect(match.breakdown.reduce((s, b) => s + b.contribution, 0)).to.be.closeTo(87.0, 0.05));
      pm.test('need_type counts half, certification nothing', () => {
        pm.expect(match.breakdown.find((b) => b.criterion === 'need_type').score).to.eql(0.5);
        pm.expect(match.breakdown.find((b) => b.criterion === 'certification').score).to.eql(0);
      });
      pm.test('every row says why', () => match.breakdown.forEach((b) => pm.expect(b.reason).to.be.a('string').and.not.empty));
      pm.test('rows below 1 advise, with the points, in the reader\\'s language (the SME chose zh)', () => {
        const certification = match.breakdown.find((b) => b.criterion === 'certification');
        pm.expect(certification.advice).to.eql('certification: 若中小企业持有 ISO 9001 认证，得分将增加 2.0 分');
        pm.expect(certification.advicePoints).to.eql(2);
        pm.expect(match.breakdown.find((b) => b.criterion === 'sector').advice).to.eql(null);
      });
      pm.collectionVariables.set('matchId', match.id);
      pm.collectionVariables.set('criteriaVersionBefore', match.criteriaVersion);`,
  }),
  request('Near misses of the need', 'GET', '/api/v1/needs/{{needId}}/near-misses?limit=20', {
    token: 'smeToken',
    tests: `${status(200)}
      const items = pm.response.json().items;
      pm.test('a page of near misses', () => pm.expect(items).to.be.an('array'));
      pm.test('the matched partner is no near miss', () =>
        pm.expect(items.map((i) => i.partnerId)).to.not.include(pm.collectionVariables.get('partnerId')));
      pm.test('each names at most one missing criterion and explains itself', () => items.forEach((i) => {
        pm.expect(i.missing.length).to.be.at.most(1);
        pm.expect(i.breakdown.length).to.be.above(0);
      }));`,
  }),
  request('A partner may not list a need\'s near misses → 403', 'GET', '/api/v1/needs/{{needId}}/near-misses', {
    token: 'partnerToken',
    tests: status(403),
  }),
  request('Read the match', 'GET', '/api/v1/matches/{{matchId}}', {
    token: 'smeToken',
    tests: `${status(200)}${etag('matchETag')}
      pm.test('no partner contact yet', () => pm.expect(pm.response.json().partner.contact).to.be.oneOf([undefined, null]));
      pm.test('no events yet', () => pm.expect(pm.response.json().events).to.eql([]));`,
  }),
]);

const optIn = folder('4 Double opt-in', 'Contacts move only once both sides said yes.', [
  request('Partner says yes first', 'POST', '/api/v1/matches/{{matchId}}/interest', {
    token: 'partnerToken',
    tests: `${status(200)}
      const match = pm.response.json();
      pm.test('partner_interested', () => pm.expect(match.status).to.eql('partner_interested'));
      pm.test('still no SME contact for the partner', () => pm.expect(match.need.contact).to.be.oneOf([undefined, null]));`,
  }),
  request('The SME\'s matches awaiting its answer', 'GET', '/api/v1/needs/{{needId}}/matches?awaitingMe=true&limit=100', {
    token: 'smeToken',
    tests: `${status(200)}
      const items = pm.response.json().items;
      pm.test('the match the partner said yes to', () => pm.expect(items.map((m) => m.id)).to.include(pm.collectionVariables.get('matchId')));
      pm.test('only partner_interested', () => items.forEach((m) => pm.expect(m.status).to.eql('partner_interested')));`,
  }),
  request('Nothing awaits the admin', 'GET', '/api/v1/needs/{{needId}}/matches?awaitingMe=true', {
    token: 'adminToken',
    tests: `${status(200)}
      pm.test('an empty list', () => pm.expect(pm.response.json()).to.eql({ items: [], nextCursor: null }));`,
  }),
  request('Partner repeats its interest', 'POST', '/api/v1/matches/{{matchId}}/interest', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('nothing changes', () => pm.expect(pm.response.json().status).to.eql('partner_interested'));`,
  }),
  request('SME profile still hides its contact', 'GET', '/api/v1/smes/{{smeId}}', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('no contact before mutual', () => pm.expect(pm.response.json().contact).to.be.oneOf([undefined, null]));`,
  }),
  request('SME says yes: mutual', 'POST', '/api/v1/matches/{{matchId}}/interest', {
    token: 'smeToken',
    tests: `${status(200)}
      const match = pm.response.json();
      pm.test('mutual', () => {
        pm.expect(match.status).to.eql('mutual');
        pm.expect(match.mutualAt).to.be.a('string');
      });
      pm.test('the SME now sees the partner\\'s contact', () => pm.expect(match.partner.contact.email).to.eql(pm.collectionVariables.get('partnerContactEmail')));`,
  }),
  request('Partner lists its deals in progress by status', 'GET', '/api/v1/partners/{{partnerId}}/matches?status=mutual,meeting,negotiation&minScore=50&limit=100', {
    token: 'partnerToken',
    tests: `${status(200)}
      const items = pm.response.json().items;
      pm.test('the mutual match is there', () => pm.expect(items.map((m) => m.id)).to.include(pm.collectionVariables.get('matchId')));
      pm.test('only the statuses asked for', () => items.forEach((m) => pm.expect(m.status).to.be.oneOf(['mutual', 'meeting', 'negotiation'])));`,
  }),
  request('Partner reads the mutual match', 'GET', '/api/v1/matches/{{matchId}}', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('the partner now sees the SME\\'s contact', () => pm.expect(pm.response.json().need.contact.email).to.eql(pm.collectionVariables.get('smeContactEmail')));`,
  }),
  request('SME profile shows its contact to the partner', 'GET', '/api/v1/smes/{{smeId}}', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('contact after mutual', () => pm.expect(pm.response.json().contact.person).to.eql('Aibek Asanov'));`,
  }),
]);

const stages = folder('5 Deal stages', 'meeting → agreement (skipping ahead is allowed, going back is not).', [
  request('SME records the meeting', 'POST', '/api/v1/matches/{{matchId}}/stage', {
    token: 'smeToken',
    body: { stage: 'meeting', note: 'Met in Bishkek' },
    tests: `${status(200)}
      pm.test('meeting', () => pm.expect(pm.response.json().status).to.eql('meeting'));`,
  }),
  request('Partner records the agreement', 'POST', '/api/v1/matches/{{matchId}}/stage', {
    token: 'partnerToken',
    body: { stage: 'agreement', note: 'Signed the supply contract' },
    tests: `${status(200)}
      pm.test('agreement', () => pm.expect(pm.response.json().status).to.eql('agreement'));`,
  }),
  request('Going back to meeting → 409', 'POST', '/api/v1/matches/{{matchId}}/stage', {
    token: 'smeToken',
    body: { stage: 'meeting' },
    tests: problem(409),
  }),
  request('The deal history', 'GET', '/api/v1/matches/{{matchId}}', {
    token: 'smeToken',
    tests: `${status(200)}
      const events = pm.response.json().events;
      pm.test('every transition kept, oldest first', () =>
        pm.expect(events.map((e) => e.to)).to.eql(['partner_interested', 'mutual', 'meeting', 'agreement']));
      pm.test('notes kept', () => pm.expect(events[3].note).to.eql('Signed the supply contract'));`,
  }),
  request('Partner records what the deal produced', 'POST', '/api/v1/matches/{{matchId}}/outcomes', {
    token: 'partnerToken',
    body: { investment: { amount: 3200000, currency: 'CNY' }, jobsCreated: 35, youthJobs: 21, productionStartedOn: '2026-09-01', exportMarkets: ['KZ', 'UZ'], note: 'Line installed' },
    tests: `${status(201)}
      const outcome = pm.response.json();
      pm.test('Location points at the outcome', () =>
        pm.expect(pm.response.headers.get('Location')).to.match(new RegExp('/api/v1/matches/' + pm.collectionVariables.get('matchId') + '/outcomes/' + outcome.id + '$')));
      pm.test('converted to USD, recorded by the partner', () => {
        pm.expect(outcome.investmentUsd).to.be.above(0);
        pm.expect(outcome.recordedByRole).to.eql('partner');
      });
      pm.collectionVariables.set('outcomeId', outcome.id);`,
  }),
  request('More youth jobs than jobs → 400', 'POST', '/api/v1/matches/{{matchId}}/outcomes', {
    token: 'smeToken',
    body: { investment: { amount: 500000, currency: 'USD' }, jobsCreated: 2, youthJobs: 3 },
    tests: `${problem(400)}
      pm.test('names youthJobs', () => pm.expect(pm.response.json().errors).to.have.property('youthJobs'));`,
  }),
  request('SME records a follow-up', 'POST', '/api/v1/matches/{{matchId}}/outcomes', {
    token: 'smeToken',
    body: { investment: { amount: 500000, currency: 'USD' }, jobsCreated: 48, youthJobs: 30 },
    tests: status(201),
  }),
  request('The outcomes, oldest first', 'GET', '/api/v1/matches/{{matchId}}/outcomes', {
    token: 'smeToken',
    tests: `${status(200)}
      const items = pm.response.json().items;
      pm.test('the record and its follow-up', () => {
        pm.expect(items.map((o) => o.jobsCreated)).to.eql([35, 48]);
        pm.expect(items[0].id).to.eql(pm.collectionVariables.get('outcomeId'));
      });`,
  }),
  request('One outcome at its Location', 'GET', '/api/v1/matches/{{matchId}}/outcomes/{{outcomeId}}', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('the CNY record', () => pm.expect(pm.response.json().investment.currency).to.eql('CNY'));`,
  }),
]);

const agency = folder('6 Agency changes the criteria', 'The agency changes the scoring profile and follows the re-score job.', [
  request('Read the criteria', 'GET', '/api/v1/criteria', {
    token: 'agencyToken',
    tests: `${status(200)}${etag('criteriaETag')}
      const profile = pm.response.json();
      pm.test('eight criteria, active', () => {
        pm.expect(profile.criteria).to.have.length(8);
        pm.expect(profile.status).to.eql('active');
      });
      // Toggle minScore between 40 and 41: the worked example keeps its 87.0 on every run.
      const body = {
        version: profile.version,
        minScore: profile.minScore === 40 ? 41 : 40,
        maxPerNeed: profile.maxPerNeed,
        maxPerPartner: profile.maxPerPartner,
        criteria: profile.criteria.map(({ key, weight, required, enabled }) => ({ key, weight, required, enabled })),
      };
      pm.collectionVariables.set('criteriaBody', JSON.stringify(body));
      pm.collectionVariables.set('criteriaVersion', profile.version);`,
  }),
  request('Change without If-Match → 428', 'PUT', '/api/v1/criteria', {
    token: 'agencyToken',
    body: '{{criteriaBody}}',
    tests: problem(428),
  }),
  request('Change with a stale If-Match → 412', 'PUT', '/api/v1/criteria', {
    token: 'agencyToken',
    headers: { 'If-Match': '"999999"' },
    body: '{{criteriaBody}}',
    tests: problem(412),
  }),
  request('Change the criteria', 'PUT', '/api/v1/criteria', {
    token: 'agencyToken',
    headers: { 'If-Match': '{{criteriaETag}}' },
    body: '{{criteriaBody}}',
    tests: `${status(202)}
      const job = pm.response.json();
      pm.test('Location of the job', () => pm.expect(pm.response.headers.get('Location')).to.match(new RegExp('/api/v1/jobs/' + job.id + '$')));
      pm.test('ETag of the new version', () => pm.expect(pm.response.headers.get('ETag')).to.eql('"' + (Number(pm.collectionVariables.get('criteriaVersion')) + 1) + '"'));
      pm.test('a re-score job for the new version', () => {
        pm.expect(job.kind).to.eql('rescore');
        pm.expect(job.criteriaVersion).to.eql(Number(pm.collectionVariables.get('criteriaVersion')) + 1);
      });
      pm.collectionVariables.set('jobId', job.id);
      pm.collectionVariables.set('newCriteriaVersion', job.criteriaVersion);
      pm.collectionVariables.set('jobPolls', 0);`,
  }),
  request('Poll the re-score job', 'GET', '/api/v1/jobs/{{jobId}}', {
    token: 'agencyToken',
    tests: `${status(200)}
      const job = pm.response.json();
      pm.test('a known job status', () => pm.expect(job.status).to.be.oneOf(['queued', 'running', 'succeeded']));
      const polls = Number(pm.collectionVariables.get('jobPolls')) + 1;
      pm.collectionVariables.set('jobPolls', polls);
      if (job.status !== 'succeeded' && polls < 60) {
        pm.execution.setNextRequest('Poll the re-score job');
        setTimeout(() => {}, 500);
      }`,
  }),
  request('The job succeeded', 'GET', '/api/v1/jobs/{{jobId}}', {
    token: 'agencyToken',
    tests: `${status(200)}
      const job = pm.response.json();
      pm.test('succeeded, every item processed', () => {
        pm.expect(job.status).to.eql('succeeded');
        pm.expect(job.processed).to.eql(job.total);
        pm.expect(job.finishedAt).to.be.a('string');
      });`,
  }),
  request('The new version is active', 'GET', '/api/v1/criteria', {
    token: 'agencyToken',
    tests: `${status(200)}
      pm.test('active at the new version', () => {
        const profile = pm.response.json();
        pm.expect(profile.version).to.eql(Number(pm.collectionVariables.get('newCriteriaVersion')));
        pm.expect(profile.activeVersion).to.eql(profile.version);
        pm.expect(profile.status).to.eql('active');
      });`,
  }),
  request('Agency reads the need\'s matches', 'GET', '/api/v1/needs/{{needId}}/matches?limit=100', {
    token: 'agencyToken',
    tests: `${status(200)}
      const match = pm.response.json().items.find((m) => m.id === pm.collectionVariables.get('matchId'));
      pm.test('scored under the new criteria version', () => pm.expect(match.criteriaVersion).to.eql(Number(pm.collectionVariables.get('newCriteriaVersion'))));
      pm.test('still 87.0 and the deal state kept', () => {
        pm.expect(match.score).to.eql(87);
        pm.expect(match.status).to.eql('agreement');
      });`,
  }),
  request('Agency does not act on matches → 403', 'POST', '/api/v1/matches/{{matchId}}/interest', {
    token: 'agencyToken',
    tests: problem(403),
  }),
]);

const errors = folder('8 Errors a client meets', '401, 403, 404, 409, 412, 422, 428, 429 and 400 with field errors, all as problem details.', [
  request('Invalid token → 401', 'GET', '/api/v1/needs', {
    headers: { Authorization: 'Bearer not-a-valid-token' },
    tests: `${problem(401)}
      pm.test('WWW-Authenticate: Bearer', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.include('Bearer'));`,
  }),
  request('Wrong password → 401', 'POST', '/api/v1/auth/token', {
    body: { email: '{{smeEmail}}', password: 'not-the-password' },
    tests: problem(401),
  }),
  request('Sign-in attempts over the limit → 429 with Retry-After', 'POST', '/api/v1/auth/token', {
    // A client address of its own (the API trusts X-Forwarded-For from Prism, a known proxy), so the
    // journeys' sign-ins do not share its per-IP limit. The first attempt tells how many are allowed.
    pre: `
      const ip = \`203.0.113.\${1 + Math.floor(Math.random() * 254)}\`;
      pm.collectionVariables.set('limitedIp', ip);
      const attempt = (callback) => pm.sendRequest({
        url: pm.variables.replaceIn('{{baseUrl}}/api/v1/auth/token'),
        method: 'POST',
        header: [{ key: 'Content-Type', value: 'application/json' }, { key: 'X-Forwarded-For', value: ip }],
        body: { mode: 'raw', raw: JSON.stringify({ email: pm.variables.replaceIn('limited-{{run}}@e2e.matchmaker.test'), password: 'not-the-password' }) },
      }, (error, response) => callback(response));
      attempt((first) => {
        const allowed = Number(/"signin";q=(\\d+)/.exec(first.headers.get('RateLimit-Policy'))[1]);
        const next = (left) => { if (left > 0) attempt(() => next(left - 1)); };
        next(allowed - 1);
      });`,
    headers: { 'X-Forwarded-For': '{{limitedIp}}' },
    body: { email: 'limited-{{run}}@e2e.matchmaker.test', password: 'not-the-password' },
    tests: `${problem(429)}
      pm.test('Retry-After and the exhausted signin policy', () => {
        pm.expect(Number(pm.response.headers.get('Retry-After'))).to.be.above(0);
        pm.expect(pm.response.headers.get('RateLimit')).to.match(/"signin";r=0;t=\\d+/);
      });`,
  }),
  request('SME searching needs → 403', 'GET', '/api/v1/needs', { token: 'smeToken', tests: problem(403) }),
  request('Partner creating an SME profile → 403', 'POST', '/api/v1/smes', { token: 'partnerToken', body: smeBody, tests: problem(403) }),
  request('Unknown need → 404', 'GET', '/api/v1/needs/{{missingId}}', { token: 'partnerToken', tests: problem(404) }),
  request('Unknown match → 404', 'GET', '/api/v1/matches/{{missingId}}', { token: 'smeToken', tests: problem(404) }),
  request('E-mail already registered → 409', 'POST', '/api/v1/auth/register', {
    body: { email: '{{smeEmail}}', password: '{{password}}', role: 'sme' },
    tests: problem(409),
  }),
  request('Second SME profile → 409', 'POST', '/api/v1/smes', { token: 'smeToken', body: smeBody, tests: problem(409) }),
  request('Update without If-Match → 428', 'PUT', '/api/v1/needs/{{needId}}', { token: 'smeToken', body: needBody, tests: problem(428) }),
  request('Update with a stale If-Match → 412', 'PUT', '/api/v1/needs/{{needId}}', {
    token: 'smeToken',
    headers: { 'If-Match': '"999999"' },
    body: needBody,
    tests: problem(412),
  }),
  request('Update with the current ETag → 200', 'PUT', '/api/v1/needs/{{needId}}', {
    token: 'smeToken',
    headers: { 'If-Match': '{{needETag}}' },
    body: { ...needBody, horizonMonths: 36 },
    tests: `${status(200)}
      pm.test('new ETag', () => pm.expect(pm.response.headers.get('ETag')).to.not.eql(pm.collectionVariables.get('needETag')));
      pm.test('saved', () => pm.expect(pm.response.json().horizonMonths).to.eql(36));`,
  }),
  request('Same Idempotency-Key, other body → 422', 'POST', '/api/v1/smes/{{smeId}}/needs', {
    token: 'smeToken',
    headers: { 'Idempotency-Key': '{{idempotencyKey}}' },
    body: { ...needBody, title: 'Another need' },
    tests: problem(422),
  }),
  request('Self-registering as agency → 400 with field errors', 'POST', '/api/v1/auth/register', {
    body: { email: 'agency-{{run}}@e2e.matchmaker.test', password: '{{password}}', role: 'agency' },
    tests: `${problem(400)}
      pm.test('errors.role', () => pm.expect(pm.response.json().errors.role).to.be.an('array').that.is.not.empty);`,
  }),
  request('Invalid partner profile → 400 with field errors', 'POST', '/api/v1/partners', {
    token: 'partnerToken',
    body: { ...partnerBody, uscc: '{{badUscc}}', ticket: { minUsd: 2000000, maxUsd: 100000 }, sectors: ['C28', 'C28'] },
    tests: `${problem(400)}
      const errors = pm.response.json().errors;
      pm.test('camelCase field paths', () => pm.expect(errors).to.include.keys('uscc', 'ticket.maxUsd', 'sectors'));
      pm.test('the check character is named', () => pm.expect(errors.uscc.join(' ')).to.include('check character'));`,
  }),
  request('Notification minScore with two decimals → 400', 'PUT', '/api/v1/me/notifications', {
    token: 'smeToken',
    body: { email: 'off', language: 'en', minScore: 70.25 },
    tests: `${problem(400)}
      pm.test('errors.minScore', () => pm.expect(pm.response.json().errors.minScore).to.be.an('array').that.is.not.empty);`,
  }),
  request('Renewing the open need extends it', 'POST', '/api/v1/needs/{{needId}}/renew', {
    token: 'smeToken',
    tests: `${status(200)}
      const need = pm.response.json();
      pm.test('open', () => pm.expect(need.status).to.eql('open'));
      pm.test('expires Needs:Validity (180 days) from now', () => {
        const days = (Date.parse(need.expiresAt) - Date.now()) / 86400000;
        pm.expect(days).to.be.within(179, 181);
      });`,
  }),
  request('Closing the need', 'POST', '/api/v1/needs/{{needId}}/close', {
    token: 'smeToken',
    body: { reason: 'funded' },
    tests: `${status(200)}
      pm.test('closed', () => pm.expect(pm.response.json().status).to.eql('closed'));`,
  }),
  request('Closing it again → 409', 'POST', '/api/v1/needs/{{needId}}/close', {
    token: 'smeToken',
    body: {},
    tests: problem(409),
  }),
  request('Renewing the closed need → 409', 'POST', '/api/v1/needs/{{needId}}/renew', { token: 'smeToken', tests: problem(409) }),
]);

const reports = folder('7 Reports', 'What government agencies read: the figures agree with each other and count the run\'s deal.', [
  request('Summary', 'GET', '/api/v1/reports/summary', {
    token: 'agencyToken',
    tests: `${status(200)}
      const summary = pm.response.json();
      pm.test('counts the run\\'s SME, need and partner', () => {
        pm.expect(summary.smes).to.be.at.least(1);
        pm.expect(summary.openNeeds).to.be.at.least(1);
        pm.expect(summary.partners).to.be.at.least(1);
      });
      pm.test('matchesTotal is the sum over statuses, the agreement included', () => {
        pm.expect(Object.values(summary.matches).reduce((a, b) => a + b, 0)).to.eql(summary.matchesTotal);
        pm.expect(summary.matches.agreement).to.be.at.least(1);
      });
      pm.test('the deal\\'s 500,000 USD and 40 jobs are in mutual-or-later', () => {
        pm.expect(summary.investmentInMutualOrLaterUsd).to.be.at.least(500000);
        pm.expect(summary.jobsInMutualOrLater).to.be.at.least(40);
      });
      pm.test('the deal\\'s agreement and its latest outcome are counted', () => {
        pm.expect(summary.agreements).to.be.at.least(1);
        pm.expect(summary.medianDaysToAgreement).to.be.at.least(0);
        pm.expect(summary.realisedInvestmentUsd).to.be.at.least(500000);
        pm.expect(summary.jobsCreated).to.be.at.least(48);
        pm.expect(summary.youthJobsCreated).to.be.at.least(30);
      });
      pm.collectionVariables.set('summarySmes', summary.smes);
      pm.collectionVariables.set('summaryMatches', summary.matchesTotal);`,
  }),
  request('By region', 'GET', '/api/v1/reports/by-region', {
    token: 'agencyToken',
    tests: `${status(200)}
      const rows = pm.response.json().items;
      pm.test('KG-C holds the run\\'s SME', () => pm.expect(rows.find((r) => r.region === 'KG-C').smes).to.be.at.least(1));
      pm.test('regions add up to the summary', () => {
        pm.expect(rows.reduce((s, r) => s + r.smes, 0)).to.eql(Number(pm.collectionVariables.get('summarySmes')));
        pm.expect(rows.reduce((s, r) => s + r.matchesTotal, 0)).to.eql(Number(pm.collectionVariables.get('summaryMatches')));
      });`,
  }),
  request('By city, Qingdao only', 'GET', '/api/v1/reports/by-city?city=qingdao', {
    token: 'agencyToken',
    tests: `${status(200)}
      const rows = pm.response.json().items;
      pm.test('one row, Qingdao', () => pm.expect(rows.map((r) => r.city)).to.eql(['qingdao']));
      pm.test('the run\\'s partner and its agreement are counted', () => {
        pm.expect(rows[0].partners).to.be.at.least(1);
        pm.expect(rows[0].matches.agreement).to.be.at.least(1);
      });`,
  }),
  request('By sector, division C28', 'GET', '/api/v1/reports/by-sector?sector=C28', {
    token: 'agencyToken',
    tests: `${status(200)}
      const rows = pm.response.json().items;
      pm.test('one row, C28', () => pm.expect(rows.map((r) => r.sector)).to.eql(['C28']));
      pm.test('C28 counts the run\\'s SME, partner and agreement', () => {
        pm.expect(rows[0].smes).to.be.at.least(1);
        pm.expect(rows[0].partners).to.be.at.least(1);
        pm.expect(rows[0].matches.agreement).to.be.at.least(1);
      });`,
  }),
  request('Decline reasons', 'GET', '/api/v1/reports/decline-reasons', {
    token: 'agencyToken',
    tests: `${status(200)}
      const rows = pm.response.json().items;
      pm.test('every code and side, unspecified included', () => {
        pm.expect(rows.length).to.eql(20);
        pm.expect(rows.map((r) => r.side)).to.include.members(['sme', 'partner']);
        pm.expect(rows.map((r) => r.reasonCode)).to.include('unspecified');
      });`,
  }),
  request('Pipeline', 'GET', '/api/v1/reports/pipeline', {
    token: 'agencyToken',
    tests: `${status(200)}
      const pipeline = pm.response.json();
      pm.test('statuses in stage order, adding up to matchesTotal', () => {
        pm.expect(pipeline.statuses.map((s) => s.status)).to.eql(['suggested', 'sme_interested', 'partner_interested', 'mutual',
          'meeting', 'negotiation', 'agreement', 'closed', 'declined']);
        pm.expect(pipeline.statuses.reduce((s, r) => s + r.matches, 0)).to.eql(pipeline.matchesTotal);
      });
      pm.test('the funnel never widens and the agreement stage is reached', () => {
        const reached = pipeline.stages.map((s) => s.reached);
        reached.slice(1).forEach((r, i) => pm.expect(r).to.be.at.most(reached[i]));
        pm.expect(pipeline.stages.find((s) => s.stage === 'agreement').reached).to.be.at.least(1);
        pm.expect(pipeline.stages[0].conversionFromPrevious).to.eql(null);
      });`,
  }),
  request('Timeseries by quarter, this quarter on', 'GET', '/api/v1/reports/timeseries?interval=quarter&from={{quarterStart}}', {
    token: 'agencyToken',
    pre: `
      const now = new Date();
      const month = Math.floor(now.getUTCMonth() / 3) * 3 + 1;
      pm.collectionVariables.set('quarterStart', now.getUTCFullYear() + '-' + String(month).padStart(2, '0') + '-01');
      pm.collectionVariables.set('quarterPeriod', now.getUTCFullYear() + '-Q' + ((month - 1) / 3 + 1));`,
    tests: `${status(200)}
      const series = pm.response.json();
      pm.test('one bucket: this quarter', () => {
        pm.expect(series.interval).to.eql('quarter');
        pm.expect(series.items.map((b) => b.period)).to.eql([pm.collectionVariables.get('quarterPeriod')]);
      });
      pm.test('the run\\'s SME, need, partner and match are new this quarter', () => {
        const bucket = series.items[0];
        ['newSmes', 'newNeeds', 'newPartners', 'newMatches'].forEach((k) => pm.expect(bucket[k]).to.be.at.least(1));
        pm.expect(bucket.requestedInvestmentUsd).to.be.at.least(500000);
      });`,
  }),
  request('Matches as CSV', 'GET', '/api/v1/reports/matches?city=qingdao', {
    token: 'agencyToken',
    headers: { Accept: 'text/csv' },
    tests: `${status(200)}
      pm.test('text/csv with a header row', () => {
        pm.expect(pm.response.headers.get('Content-Type')).to.include('text/csv');
        pm.expect(pm.response.text().split('\\n')[0]).to.include(',');
      });
      pm.test('the need columns', () => {
        const header = pm.response.text().split('\\n')[0];
        ['needStatus', 'needSectors', 'needAmount', 'needCurrency'].forEach((c) => pm.expect(header).to.include(c));
      });
      pm.test('the run\\'s match is a row', () => pm.expect(pm.response.text()).to.include(pm.collectionVariables.get('matchId')));`,
  }),
  request('Matches in a deal only, as CSV', 'GET', '/api/v1/reports/matches?status=mutual,meeting,negotiation,agreement,closed&format=csv', {
    token: 'agencyToken',
    tests: `${status(200)}
      pm.test('no row is a suggestion or a one-sided interest', () => {
        const lines = pm.response.text().trim().split('\\n').slice(1);
        lines.forEach((line) => pm.expect(['mutual', 'meeting', 'negotiation', 'agreement', 'closed']).to.include(line.split(',')[1]));
      });`,
  }),
  request('Report with a bad date → 400 with field errors', 'GET', '/api/v1/reports/summary?from=2025-13-45', {
    token: 'agencyToken',
    tests: `${problem(400)}
      pm.test('errors.from', () => pm.expect(pm.response.json().errors.from).to.be.an('array').that.is.not.empty);`,
  }),
  request('SME reading reports → 403', 'GET', '/api/v1/reports/summary', { token: 'smeToken', tests: problem(403) }),
  request('Partner reading reports → 403', 'GET', '/api/v1/reports/pipeline', { token: 'partnerToken', tests: problem(403) }),
]);

const accounts = folder('9 Accounts and audit', 'The agency changes its password (every earlier token ends); the admin finds the change, and the agency\'s verification of the SME, in the append-only audit log; password reset answers every address alike and refuses a made-up token, as e-mail verification does.', [
  request('Password change with a wrong current password → 400', 'POST', '/api/v1/auth/password', {
    token: 'agencyToken',
    body: { currentPassword: 'not-the-password-at-all', newPassword: '{{password}}-renewed' },
    tests: `${problem(400)}
      pm.test('errors.currentPassword', () => pm.expect(pm.response.json().errors.currentPassword).to.be.an('array').that.is.not.empty);`,
  }),
  request('Agency changes its password → 204', 'POST', '/api/v1/auth/password', {
    token: 'agencyToken',
    body: { currentPassword: '{{password}}', newPassword: '{{password}}-renewed' },
    tests: status(204),
  }),
  request('The token issued before the change → 401', 'GET', '/api/v1/auth/me', { token: 'agencyToken', tests: problem(401) }),
  request('Sign in with the new password', 'POST', '/api/v1/auth/token', {
    body: { email: '{{agencyEmail}}', password: '{{password}}-renewed' },
    tests: signIn('agencyToken'),
  }),
  request('Agency reading the audit log → 403', 'GET', '/api/v1/audit', { token: 'agencyToken', tests: problem(403) }),
  request('Admin finds the password change in the audit log', 'GET', '/api/v1/audit?actor={{agencyUserId}}&action=user.password_changed&limit=5', {
    token: 'adminToken',
    tests: `${status(200)}
      const entries = pm.response.json().items;
      pm.test('one entry: the agency changed its own password', () => {
        pm.expect(entries).to.have.length(1);
        pm.expect(entries[0].actorRole).to.eql('agency');
        pm.expect(entries[0].targetType).to.eql('user');
        pm.expect(entries[0].targetId).to.eql(pm.collectionVariables.get('agencyUserId'));
      });`,
  }),
  request('Admin finds the agency\'s verification of the SME', 'GET', '/api/v1/audit?action=profile.verified&targetType=sme&limit=100', {
    token: 'adminToken',
    tests: `${status(200)}
      pm.test('the SME\\'s profile.verified entry, by the agency', () => {
        const entry = pm.response.json().items.find((e) => e.targetId === pm.collectionVariables.get('smeId'));
        pm.expect(entry.actorRole).to.eql('agency');
      });`,
  }),
  request('Password reset for an address nobody registered → 202, as for any address', 'POST', '/api/v1/auth/password-reset', {
    body: { email: 'nobody-{{run}}@e2e.matchmaker.test' },
    tests: status(202),
  }),
  request('Password reset for the SME\'s address → the same 202', 'POST', '/api/v1/auth/password-reset', {
    body: { email: '{{smeEmail}}' },
    tests: status(202),
  }),
  request('A made-up reset token → 400 on token', 'POST', '/api/v1/auth/password-reset/confirm', {
    body: { token: 'bgONqFz2kHyxm3Z-F_eh6WA9JvHo5snY5eo9uVyd5o0', newPassword: '{{password}}-reset' },
    tests: `${problem(400)}
      pm.test('errors.token', () => pm.expect(pm.response.json().errors).to.have.property('token'));`,
  }),
  request('A made-up e-mail verification token → 400 on token', 'POST', '/api/v1/auth/verify-email', {
    body: { token: 'bgONqFz2kHyxm3Z-F_eh6WA9JvHo5snY5eo9uVyd5o0' },
    tests: `${problem(400)}
      pm.test('errors.token', () => pm.expect(pm.response.json().errors).to.have.property('token'));`,
  }),
]);

const inbox = folder('10 Inbox', 'The SME finds the partner\'s interest and the mutual match in its inbox and marks everything read.', [
  request('SME reads its unread inbox', 'GET', '/api/v1/inbox?unread=true&limit=50', {
    token: 'smeToken',
    tests: `${status(200)}
      const items = pm.response.json().items;
      const ofMatch = items.filter((i) => i.matchId === pm.collectionVariables.get('matchId'));
      pm.test("the partner's interest and the mutual match, newest first", () => {
        pm.expect(ofMatch.map((i) => i.kind)).to.include.members(['interest_received', 'mutual']);
        pm.expect(ofMatch.findIndex((i) => i.kind === 'mutual')).to.be.below(ofMatch.findIndex((i) => i.kind === 'interest_received'));
      });
      pm.test('every item unread, with a title and a text', () => items.forEach((i) => {
        pm.expect(i.read).to.eql(false);
        pm.expect(i.title).to.be.a('string').that.is.not.empty;
        pm.expect(i.text).to.be.a('string').that.is.not.empty;
      }));
      pm.collectionVariables.set('inboxNewestId', items[0].id);`,
  }),
  request('SME marks everything up to the newest item read → 204', 'POST', '/api/v1/inbox/read', {
    token: 'smeToken',
    body: { upTo: '{{inboxNewestId}}' },
    tests: status(204),
  }),
  request('Nothing is unread any more', 'GET', '/api/v1/inbox?unread=true', {
    token: 'smeToken',
    tests: `${status(200)}
      pm.test('no unread item', () => pm.expect(pm.response.json().items).to.have.length(0));`,
  }),
  request('Marking read with both ids and upTo → 400', 'POST', '/api/v1/inbox/read', {
    token: 'smeToken',
    body: { ids: ['{{inboxNewestId}}'], upTo: '{{inboxNewestId}}' },
    tests: `${problem(400)}
      pm.test('errors.ids', () => pm.expect(pm.response.json().errors.ids).to.be.an('array').that.is.not.empty);`,
  }),
  request('Agency has no inbox → 403', 'GET', '/api/v1/inbox', { token: 'agencyToken', tests: problem(403) }),
]);

const webhooks = folder('11 Webhooks', 'The partner subscribes a URL to its match events, reads its subscriptions (never the secret), rotates the signing secret, reads the delivery log and deletes the subscription. The URL is a public address written as a literal, so no DNS is needed; nothing happens to the partner’s matches after it subscribes, so the log holds nothing to retry. Run against a server with `Webhooks:AllowPrivateNetworks` off (as run.sh starts it), a cloud-metadata address is refused.', [
  request('Partner subscribes to match events → 201 with a secret', 'POST', '/api/v1/webhooks', {
    token: 'partnerToken',
    body: { url: 'https://93.184.215.14/hooks/matchmaker-{{run}}', events: ['match.interest', 'match.mutual'], description: 'CRM intake' },
    tests: `${created('webhookId')}
      pm.test('the secret, shown once, in the Standard Webhooks form', () => pm.expect(pm.response.json().secret).to.match(/^whsec_[A-Za-z0-9+/]{43}=$/));
      pm.collectionVariables.set('webhookSecret', pm.response.json().secret);`,
  }),
  request('Partner lists its subscriptions, without secrets', 'GET', '/api/v1/webhooks', {
    token: 'partnerToken',
    tests: `${status(200)}
      const items = pm.response.json().items;
      pm.test('the new subscription is listed', () => pm.expect(items.map((w) => w.id)).to.include(pm.collectionVariables.get('webhookId')));
      pm.test('no secret in the list', () => items.forEach((w) => pm.expect(w).to.not.have.property('secret')));`,
  }),
  request('The admin does not see it → 404', 'GET', '/api/v1/webhooks/{{webhookId}}', { token: 'adminToken', tests: problem(404) }),
  request('Partner rotates the secret → 200 with a new one', 'POST', '/api/v1/webhooks/{{webhookId}}/rotate-secret', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('a different secret', () => {
        pm.expect(pm.response.json().secret).to.match(/^whsec_/);
        pm.expect(pm.response.json().secret).to.not.eql(pm.collectionVariables.get('webhookSecret'));
      });`,
  }),
  request('Partner reads the delivery log, retrying and failed ones only', 'GET', '/api/v1/webhooks/{{webhookId}}/deliveries?status=retrying,failed', {
    token: 'partnerToken',
    tests: `${status(200)}
      pm.test('a page of deliveries, none delivered', () => pm.response.json().items.forEach((d) => pm.expect(d.status).to.be.oneOf(['retrying', 'failed'])));`,
  }),
  request('Retrying a delivery the subscription never had → 404', 'POST', '/api/v1/webhooks/{{webhookId}}/deliveries/{{missingId}}/retry', { token: 'partnerToken', tests: problem(404) }),
  request('The SME cannot read the partner\'s delivery log → 404', 'GET', '/api/v1/webhooks/{{webhookId}}/deliveries', { token: 'smeToken', tests: problem(404) }),
  request('Partner deletes the subscription → 204', 'DELETE', '/api/v1/webhooks/{{webhookId}}', { token: 'partnerToken', tests: status(204) }),
  request('Subscribing the cloud-metadata address → 400', 'POST', '/api/v1/webhooks', {
    token: 'partnerToken',
    body: { url: 'https://169.254.169.254/latest/meta-data', events: ['match.mutual'] },
    tests: `${problem(400)}
      pm.test('errors.url', () => pm.expect(pm.response.json().errors.url).to.be.an('array').that.is.not.empty);`,
  }),
  request('A partner subscribing to need events → 400', 'POST', '/api/v1/webhooks', {
    token: 'partnerToken',
    body: { url: 'https://93.184.215.14/hooks/matchmaker-{{run}}', events: ['need.expiring'] },
    tests: `${problem(400)}
      pm.test('errors.events', () => pm.expect(pm.response.json().errors.events).to.be.an('array').that.is.not.empty);`,
  }),
]);

const variables = ['run', 'limitedIp', 'password', 'smeEmail', 'partnerEmail', 'agencyEmail', 'smeContactEmail', 'partnerContactEmail', 'smeInn',
  'partnerUscc', 'badUscc', 'idempotencyKey', 'missingId', 'adminToken', 'smeToken', 'partnerToken', 'agencyToken', 'smeUserId',
  'partnerUserId', 'agencyUserId', 'smeId', 'needId', 'secondNeedId', 'searchCursor', 'matchCursor', 'firstPageMatchId', 'firstPageScore', 'needETag', 'partnerId', 'matchId', 'matchETag', 'criteriaVersionBefore',
  'criteriaETag', 'criteriaBody', 'criteriaVersion', 'newCriteriaVersion', 'jobId', 'jobPolls', 'summarySmes', 'summaryMatches',
  'quarterStart', 'quarterPeriod', 'inboxNewestId', 'webhookId', 'webhookSecret', 'outcomeId'];

const collection = {
  info: {
    _postman_id: '3b0c8f7e-6d0f-4f39-9a53-1c2f0b8e5a11',
    name: 'Matchmaker API',
    description: 'Journeys of the three kinds of user (SME, Shandong firm, agency) and the errors a client meets. Self-contained: needs only `baseUrl`, `adminEmail` and `adminPassword`; creates its own users on every run. Generated by `node postman/build-collection.mjs`.',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: [setup, sme, partner, explained, optIn, stages, agency, reports, errors, accounts, inbox, webhooks],
  variable: variables.map((key) => ({ key, value: '' })),
};

// A script that does not compile fails only when Newman reaches it; refuse to write such a collection.
const broken = [];
(function compile(items) {
  for (const item of items) {
    if (item.item) compile(item.item);
    for (const event of item.event ?? []) {
      try {
        new Function(event.script.exec.join('\n'));
      } catch (e) {
        broken.push(`${item.name}: ${e.message}`);
      }
    }
  }
})(collection.item);
if (broken.length > 0) {
  console.error(`scripts that do not compile:\n${broken.join('\n')}`);
  process.exit(1);
}

const out = new URL('./Matchmaker.postman_collection.json', import.meta.url);
writeFileSync(out, JSON.stringify(collection, null, 2) + '\n');
const requests = JSON.stringify(collection).match(/"request":/g).length;
const tests = JSON.stringify(collection).match(/pm\.test\(/g).length;
console.log(`${out.pathname}: ${requests} requests, ${tests} pm.test calls`);
