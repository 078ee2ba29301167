// Accessibility of the pages behind forms, which the axe CLI cannot reach: it signs in as a
// real browser does (the sign-in form, the session cookie) and runs axe-core on each state.
// Usage: node forms.js BASE_URL EMAIL PASSWORD   (chromium and chromedriver from Debian)
'use strict';
const fs = require('fs');
const path = require('path');
const { By, until } = require('selenium-webdriver');
const { chromium } = require('./browser');

// ADMIN_EMAIL (optional): a platform admin with the same password, for the network forms.
const [base, email, password, adminEmail] = process.argv.slice(2);
if (!base || !email || !password) {
  console.error('usage: node forms.js BASE_URL EMAIL PASSWORD');
  process.exit(2);
}
const axeSource = fs.readFileSync(path.join(__dirname, 'node_modules/axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// RFC 6238 (HMAC-SHA1, 30 s, six digits), as an authenticator app computes it.
function totp(secretBase32) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map(b => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const h = require('crypto').createHmac('sha1', key).update(counter).digest();
  const o = h[19] & 15;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1000000).padStart(6, '0');
}

async function check(driver, label, results) {
  await driver.executeScript(axeSource);
  const r = await driver.executeAsyncScript(
    'const done = arguments[arguments.length - 1];' +
      'axe.run(document, { runOnly: { type: "tag", values: arguments[0] } }).then(done, e => done({ error: String(e) }));',
    tags,
  );
  if (r.error) throw new Error(`${label}: ${r.error}`);
  // axe's duplicate-id rules are not in the WCAG 2.1 tags: every id on a page is unique, or
  // a label may tick another box.
  const dup = await driver.executeScript(
    'const seen = new Map(); for (const e of document.querySelectorAll("[id]")) seen.set(e.id, (seen.get(e.id) || 0) + 1);' +
      'return [...seen].filter(([, n]) => n > 1).map(([id]) => id);',
  );
  if (dup.length > 0) {
    r.violations.push({ id: 'unique-id', help: 'every id on the page is unique', nodes: dup.map(id => ({ target: [`#${id}`] })) });
  }
  // Sizes at this phone width (issue 16): a checkbox or radio at least 24 px, a list page's
  // tap targets (facet, desk action and pager links, card buttons) at least 44 px high.
  const small = await driver.executeScript(`
    const out = [];
    const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
    for (const e of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
      const r = e.getBoundingClientRect();
      if (shown(e) && (r.width < 24 || r.height < 24)) out.push('#' + e.id + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
    }
    for (const e of document.querySelectorAll('.facet a, .actions a, .pager a, a.tap, .card-actions button')) {
      const r = e.getBoundingClientRect();
      if (shown(e) && r.height < 44) out.push(e.textContent.trim().slice(0, 40) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
    }
    return out;`);
  if (small.length > 0) {
    r.violations.push({ id: 'target-size', help: 'controls 24 px, tap targets 44 px', nodes: small.map(s => ({ target: [s] })) });
  }
  const url = await driver.getCurrentUrl();
  results.push({ label, url, violations: r.violations });
  if (process.env.SHOTS) {
    // Screenshots to look at: SHOTS=dir node forms.js …
    const png = await driver.takeScreenshot();
    fs.writeFileSync(path.join(process.env.SHOTS, `${label.replace(/\W+/g, '-')}.png`), png, 'base64');
  }
  const n = r.violations.length;
  console.log(`${n === 0 ? 'ok  ' : 'FAIL'} ${label} (${url}): ${n} violations`);
  for (const v of r.violations) {
    console.log(`     ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.map(x => x.target.join(' ')).join(', ')}`);
  }
}

// The page's form whose action's path (its query left aside: a return path may ride on it)
// ends with `formAction`, or none.
async function formTo(driver, formAction) {
  for (const form of await driver.findElements(By.css('main form'))) {
    const action = ((await form.getAttribute('action')) || '').split('#')[0].split('?')[0];
    if (action.endsWith(formAction)) return form;
  }
  return null;
}

async function fillAndSend(driver, formAction, fields) {
  await driver.wait(async () => (await driver.executeScript('return document.readyState')) === 'complete', 10000);
  const form = await formTo(driver, formAction);
  if (!form) throw new Error(`no form to …${formAction} on the page`);
  for (const [name, value] of Object.entries(fields)) {
    const input = await form.findElement(By.name(name));
    if ((await input.getAttribute('type')) !== 'file') await input.clear();
    await input.sendKeys(value);
  }
  const old = await driver.findElement(By.css('html'));
  await form.findElement(By.css('button[type=submit]')).click();
  await driver.wait(until.stalenessOf(old), 10000);
}

// Fills a form and sends it, as a person would. Chromium now and then reports an element as
// belonging to a previous document right after a navigation; then the page is read again.
async function submit(driver, formAction, fields) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fillAndSend(driver, formAction, fields);
    } catch (e) {
      const stale = /does not belong to the document|stale element/i.test(String(e));
      // The click went through and the next page is there (the race hit the wait, not the
      // form): sending the form again would find no form.
      if (stale && !(await formTo(driver, formAction).catch(() => null))) {
        return;
      }
      if (!stale || attempt >= 3) {
        // Say which page it was, so a failure can be understood from the log alone.
        const page = await driver.executeScript(
          'return location.href + " | " + document.title + " | " + (document.querySelector("h1") || {}).textContent'
        ).catch(() => '(unreadable)');
        console.error(`while sending the form to …${formAction}, the page was: ${page}`);
        throw e;
      }
      await driver.sleep(200);
    }
  }
}

(async () => {
  const driver = await chromium('390,844');
  const results = [];
  try {
    for (const lang of ['fi', 'sv', 'en']) {
      await driver.get(`${base}/${lang}/signup`);
      await submit(driver, '/signup', { email: 'not-an-address', password: '123' });
      await check(driver, `${lang} sign-up refused`, results);
      // A network's digest: the subscription form refused (junk kept).
      await driver.get(`${base}/${lang}/networks`);
      await driver.get(await driver.findElement(By.css('main h2 a[href*="/networks/"]')).getAttribute('href'));
      await driver.get(`${await driver.getCurrentUrl()}/subscribe`);
      await submit(driver, '/subscribe', { email: 'ei osoite' });
      await check(driver, `${lang} digest subscription refused`, results);
      await driver.get(`${base}/${lang}/login`);
      await check(driver, `${lang} sign-in form`, results);
      await submit(driver, '/login', { email, password: 'not the password' });
      await check(driver, `${lang} sign-in refused`, results);
      await submit(driver, '/login', { email, password });
      if (!(await driver.getCurrentUrl()).endsWith(`/${lang}/account`)) {
        throw new Error(`${lang}: signing in did not reach the account page`);
      }
      await check(driver, `${lang} account`, results);
      await submit(driver, '/account/password', { current_password: password, new_password: 'short' });
      await check(driver, `${lang} password change refused`, results);
      await submit(driver, '/logout', {});
      await check(driver, `${lang} signed out`, results);
    }
    // A job seeker's own pages: the profile refused and saved, matches with their reasons,
    // "I'm interested", the thread and the audit log, in all three languages.
    await driver.get(`${base}/fi/login`);
    await submit(driver, '/login', { email, password });
    await driver.get(`${base}/fi/me`);
    await check(driver, 'fi profile (empty)', results);
    await submit(driver, '/me', { hours_per_week: '200', available_from: 'huomenna' });
    await check(driver, 'fi profile refused', results);
    {
      const form = await driver.findElement(By.css('main form[action$="/me"]'));
      await form.findElement(By.css('select[name=municipality] option[value="398"]')).click();
      for (const v of ['animals', 'recycling', 'kitchen-cafe', 'crafts-weaving']) {
        await form.findElement(By.css(`input[name=interests][value="${v}"]`)).click();
      }
      await form.findElement(By.css('input[name=kinds][value="work_trial"]')).click();
      await form.findElement(By.css('input[name=visibility][value="organizations"]')).click();
    }
    await submit(driver, '/me', { hours_per_week: '25', available_from: '', introduction: 'Pidän eläimistä ja käsitöistä.' });
    await check(driver, 'fi profile saved', results);
    for (const lang of ['fi', 'sv', 'en']) {
      await driver.get(`${base}/${lang}/me/matches`);
      await check(driver, `${lang} matches`, results);
    }
    const place = await driver.findElement(By.css('main .card h2 a')).getAttribute('href');
    await driver.get(place);
    await check(driver, 'en opportunity with interest form', results);
    await submit(driver, '/interest', { message: 'Voisin aloittaa heti.' });
    await check(driver, 'en thread (person)', results);
    const thread = new URL(await driver.getCurrentUrl()).pathname;
    await submit(driver, thread, { message: '' });
    await check(driver, 'en reply refused', results);
    for (const lang of ['sv', 'en']) {
      await driver.get(`${base}/${lang}/me/messages`);
      await check(driver, `${lang} messages`, results);
      await driver.get(`${base}/${lang}/me`);
      await check(driver, `${lang} profile`, results);
    }
    await driver.get(`${base}/fi/me/audit`);
    await check(driver, 'fi audit', results);
    // The portfolio: a file refused by its bytes, then a real image; the profile made
    // public and seen as others see it.
    const png = path.join(require('os').tmpdir(), 'kolmonen-axe.png');
    fs.writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    const fake = path.join(require('os').tmpdir(), 'kolmonen-axe.txt');
    fs.writeFileSync(fake, 'not an image');
    await driver.get(`${base}/fi/me`);
    await submit(driver, '/me/portfolio', { caption: 'Kudottu matto', file: fake });
    await check(driver, 'fi portfolio refused', results);
    await submit(driver, '/me/portfolio', { caption: 'Kudottu matto', file: png });
    await check(driver, 'fi portfolio saved', results);
    {
      const form = await driver.findElement(By.css('main form[action$="/me"]'));
      await form.findElement(By.css('input[name=visibility][value="public"]')).click();
    }
    await submit(driver, '/me', {});
    await driver.get(await driver.findElement(By.css('a[href*="/people/"]')).getAttribute('href'));
    await check(driver, 'fi public person page', results);
    await driver.get(`${base}/sv/me/searches`);
    await check(driver, 'sv saved searches (none)', results);
    await driver.get(`${base}/fi/search?q=kudonta`);
    await submit(driver, '/me/searches', {});
    await check(driver, 'fi saved searches', results);
    await driver.get(`${base}/en/unsubscribe?token=0`);
    await check(driver, 'en unsubscribe', results);
    // Warm hand-over as the person: a referral for themself from a place's page, refused and
    // sent, its page, the path, the consents and the claim form.
    await driver.get(place);
    await driver.get(await driver.findElement(By.css('a[href*="/referrals/new"]')).getAttribute('href'));
    await check(driver, 'en referral form (person)', results);
    await submit(driver, '/referrals/new', { wants: '' });
    await check(driver, 'en referral refused', results);
    {
      const form = await formTo(driver, '/referrals/new');
      for (const c of ['referral', 'share_summary', 'statistics']) {
        const box = await form.findElement(By.css(`input[name=consent][value="${c}"]`));
        if (!(await box.isSelected())) await box.click();
      }
    }
    await submit(driver, '/referrals/new', { wants: 'Haluan kokeilla eläintenhoitoa.', helps: 'Rauhallinen aamu.' });
    await check(driver, 'en referral sent (person)', results);
    const referral = new URL(await driver.getCurrentUrl()).pathname;
    for (const lang of ['fi', 'sv']) {
      await driver.get(`${base}${referral.replace('/en/', `/${lang}/`)}`);
      await check(driver, `${lang} referral (person)`, results);
    }
    await driver.get(`${base}/fi/referrals`);
    await check(driver, 'fi referrals (person)', results);
    await driver.get(`${base}/sv/me/path`);
    await check(driver, 'sv path', results);
    await driver.get(`${base}/fi/me/consents`);
    await check(driver, 'fi consents', results);
    await driver.get(`${base}/en/claim`);
    await submit(driver, '/claim', { code: 'WRONG-CODE' });
    await check(driver, 'en claim refused', results);
    // Registering an organization and editing its profile (the account becomes its admin).
    await driver.get(`${base}/fi/account`);
    await driver.get(`${base}/fi/organizations/register`);
    await check(driver, 'fi register form', results);
    await submit(driver, '/organizations/register', { name: 'Axe Testaajat ry', business_id: '123' });
    await check(driver, 'fi register refused', results);
    const form = await driver.findElement(By.css('main form'));
    await form.findElement(By.css('select[name=legal_form] option[value=association]')).click();
    await form.findElement(By.css('select[name=municipality] option[value="398"]')).click();
    await submit(driver, '/organizations/register', {
      business_id: '',
      contact_name: 'Testi',
      description: 'Tarkistamme saavutettavuutta jokaisella muutoksella.',
    });
    // An admin now: the authenticator app is set up, as a person would with the key shown.
    if (!(await driver.getCurrentUrl()).includes('/login/second-factor')) throw new Error('no second factor after registering');
    await check(driver, 'fi second factor set-up', results);
    const secret = (await driver.findElement(By.css('p.secret code')).getText()).replace(/\s+/g, '');
    await submit(driver, '/login/second-factor', { code: '000000' });
    await check(driver, 'fi second factor refused', results);
    await submit(driver, '/login/second-factor', { code: totp(secret) });
    await check(driver, 'fi recovery codes', results);
    await driver.get(`${base}/fi/account`);
    const manage = await driver.findElement(By.css('a[href$="/manage"]')).getAttribute('href');
    const edit = manage.replace(/\/manage$/, '/edit');
    await driver.get(edit);
    await check(driver, 'fi profile form', results);
    for (const lang of ['sv', 'en']) {
      await driver.get(edit.replace('/fi/', `/${lang}/`).replace(/\?.*$/, ''));
      await submit(driver, '/edit', { website: 'nope', phone: 'x' });
      await check(driver, `${lang} profile refused`, results);
    }
    // The desk, and a service and an open place added through their forms.
    const desk = manage;
    await driver.get(desk);
    await check(driver, 'fi desk (empty)', results);
    await driver.get(desk.replace('/manage', '/services/new'));
    await check(driver, 'fi new service form', results);
    await submit(driver, '/services/new', { name_fi: 'x' });
    await check(driver, 'fi new service refused', results);
    await submit(driver, '/services/new', { name_fi: 'Saavutettavuuspaja', description_fi: 'Tarkistamme sivuja yhdessä.' });
    await driver.findElement(By.css('select[name=kind] option[value=activity]')).click();
    await submit(driver, '/services/new', {});
    await check(driver, 'fi service saved', results);
    await driver.get(desk.replace('/fi/', '/sv/').replace('/manage', '/opportunities/new'));
    await submit(driver, '/opportunities/new', { title_fi: 'Työkokeilu', places_total: '1', places_free: '5', starts_on: 'huomenna' });
    await check(driver, 'sv new place refused', results);
    await driver.get(desk.replace('/fi/', '/en/'));
    await check(driver, 'en desk', results);
    // An event through its form: refused (junk kept), then saved; its participants and the
    // calendar page. The date inputs get their value as a date picker would give it.
    await driver.get(desk.replace('/manage', '/events/new'));
    await check(driver, 'fi new event form', results);
    await submit(driver, '/events/new', { title: '', start: '25:00', end: 'iltapäivä', capacity: 'paljon' });
    await check(driver, 'fi new event refused', results);
    const day = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);
    await driver.executeScript("document.querySelector('main form input[name=date]').value = arguments[0]", day);
    await driver.executeScript("document.querySelector('main form input[name=signup]').checked = true");
    await driver.findElement(By.css('main form select[name=kind] option[value=workshop]')).click();
    await submit(driver, '/events/new', { title: 'Saavutettavuuden avoimet ovet', place: 'Harjulankatu 7, Lahti', start: '10:00', end: '12:00', capacity: '10' });
    await check(driver, 'fi event saved (organizer view)', results);
    const eventPage = new URL(await driver.getCurrentUrl()).pathname;
    await submit(driver, '/signup', { name: '' });
    await check(driver, 'fi event sign-up refused', results);
    await submit(driver, '/signup', { name: 'Axe' });
    await check(driver, 'fi event signed up', results);
    await driver.get(`${base}${eventPage.replace('/fi/', '/sv/')}/participants`);
    await check(driver, 'sv participants', results);
    await driver.get(`${base}${eventPage.replace('/fi/', '/en/')}/edit`);
    await check(driver, 'en event edit form', results);
    await driver.get(`${base}/en/me/calendar`);
    await check(driver, 'en my calendar', results);
    // A project through its form: refused (junk kept), then saved; its edit form in Swedish.
    await driver.get(desk.replace('/manage', '/projects/new'));
    await check(driver, 'fi new project form', results);
    await submit(driver, '/projects/new', { name_fi: '', budget_eur: 'paljon' });
    await check(driver, 'fi new project refused', results);
    await driver.executeScript("document.querySelector('main form input[name=funders][value=stea]').checked = true");
    await submit(driver, '/projects/new', { name_fi: 'Saavutettavuushanke', budget_eur: '120000', starts_on: '1.1.2026', partners: 'Lahden Diakonialaitos (Dila)' });
    await check(driver, 'fi project saved', results);
    const projectPage = new URL(await driver.getCurrentUrl()).pathname;
    // Its attachments: a page that calls itself a PDF refused (the title kept), then a PDF.
    const report = path.join(require('os').tmpdir(), 'kolmonen-axe-raportti.pdf');
    fs.writeFileSync(report, '<html>not a pdf</html>');
    await submit(driver, '/attachments', { title: 'Loppuraportti', file: report });
    await check(driver, 'fi attachment refused', results);
    fs.writeFileSync(report, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await submit(driver, '/attachments', { title: 'Loppuraportti', file: report });
    await check(driver, 'fi attachment added', results);
    await driver.get(`${base}${projectPage.replace('/fi/', '/sv/')}/edit`);
    await check(driver, 'sv project edit form', results);
    // The register's spreadsheet through the browser: bad cells in a table, a preview, loaded.
    const orgId = desk.split('/organizations/')[1].split('/')[0];
    await driver.get(`${base}/fi/projects/import`);
    await check(driver, 'fi project import form', results);
    const sheet = path.join(require('os').tmpdir(), 'kolmonen-axe-hankkeet.csv');
    fs.writeFileSync(sheet, `key;name_fi;lead;funders;starts_on\naxe-1;;${orgId};eu;31.2.2026\n`);
    await submit(driver, '/projects/import', { file: sheet });
    await check(driver, 'fi project import refused (cells by line)', results);
    fs.writeFileSync(sheet, `key;name_fi;lead;funders;starts_on\naxe-1;Saavutettava hanke;${orgId};stea;1.3.2026\n`);
    await driver.get(`${base}/sv/projects/import`);
    await check(driver, 'sv project import form', results);
    await submit(driver, '/projects/import', { file: sheet });
    await check(driver, 'sv project import preview', results);
    await submit(driver, '/projects/import', {});
    await check(driver, 'sv project import loaded', results);
    // An article for the knowledge bank: refused (junk kept), written, changed; its history.
    await driver.get(desk.replace('/manage', '/articles/new'));
    await check(driver, 'fi new article form', results);
    await submit(driver, '/articles/new', { title: '', body: '<b>kept</b>' });
    await check(driver, 'fi new article refused', results);
    await driver.findElement(By.css('main form select[name=kind] option[value=good_practice]')).click();
    await submit(driver, '/articles/new', { title: 'Aamupalaveri pajalla', body: '## Miksi\n\nAamupalaveri kokoaa pajan.\n\n- kesto 15 min\n- kaikki äänessä' });
    await check(driver, 'fi article saved', results);
    const articlePage = new URL(await driver.getCurrentUrl()).pathname;
    await driver.get(`${base}${articlePage.replace('/fi/', '/en/')}/edit`);
    await check(driver, 'en article edit form', results);
    await submit(driver, '/edit', { body: '## Why\n\nThe morning meeting brings the workshop together.', note: 'In English' });
    await driver.get(`${base}${articlePage.replace('/fi/', '/sv/')}/history`);
    await check(driver, 'sv article history with a diff', results);
    await driver.get(desk.replace('/manage', '/interests'));
    await check(driver, 'fi interested people', results);
    await driver.get(`${base}/fi/talent`);
    await check(driver, 'fi talent refused (not verified yet)', results);
    // The organization's admin asks to join the demo network.
    await driver.get(`${base}/sv/networks`);
    await driver.get(await driver.findElement(By.css('main h2 a[href*="/networks/"]')).getAttribute('href'));
    await check(driver, 'sv network (admin may ask to join)', results);
    await submit(driver, '/join', {});
    await check(driver, 'sv network (asked to join)', results);
    // A coach: clients (refused and added with a claim code), a referral for a client.
    await driver.get(`${base}/fi/clients`);
    await check(driver, 'fi clients (empty)', results);
    await submit(driver, '/clients', { display_name: '', birth_year: '18' });
    await check(driver, 'fi client refused', results);
    await submit(driver, '/clients', { display_name: 'M. K.', birth_year: '1988' });
    await check(driver, 'fi client added', results);
    await submit(driver, '/claim-code', {});
    await check(driver, 'fi client with claim code', results);
    await driver.get(place.replace('/en/', '/sv/'));
    await driver.get(await driver.findElement(By.css('a[href*="/referrals/new"]')).getAttribute('href'));
    await submit(driver, '/referrals/new', { wants: 'x' });
    await check(driver, 'sv referral refused (coach)', results);
    await driver.get(`${base}/en/referrals`);
    await check(driver, 'en referrals (coach)', results);
    if (adminEmail) {
      // A platform admin: founds a network (refused, then saved) and answers the requests of
      // the demo network (the one this walk's organization just sent among them).
      await driver.get(`${base}/fi/account`);
      await submit(driver, '/logout', {});
      await driver.get(`${base}/fi/login`);
      await submit(driver, '/login', { email: adminEmail, password });
      const secret = (await driver.findElement(By.css('p.secret code')).getText()).replace(/\s+/g, '');
      await submit(driver, '/login/second-factor', { code: totp(secret) });
      await driver.get(`${base}/fi/networks/new`);
      await check(driver, 'fi new network form', results);
      await submit(driver, '/networks/new', { name: '', municipalities: 'Atlantis', coordinators: 'nobody@example.fi' });
      await check(driver, 'fi new network refused', results);
      await driver.get(`${base}/en/networks/new`);
      await submit(driver, '/networks/new', { name: 'Axe network', description: 'Checked on every change.', municipalities: 'Lahti, Hollola', coordinators: '' });
      await check(driver, 'en network saved (coordinator view)', results);
      await driver.get(`${base}/sv/networks`);
      await check(driver, 'sv networks (platform admin)', results);
      const demo = await driver.findElement(By.xpath('//main//h2/a[contains(@href, "/networks/") and not(contains(., "Axe"))]')).getAttribute('href');
      await driver.get(demo);
      await check(driver, 'sv network requests (coordinator view)', results);
      await driver.get(demo.replace('/sv/', '/fi/') + '/edit');
      await check(driver, 'fi network edit form', results);
    }
  } finally {
    await driver.quit();
  }
  const bad = results.filter(r => r.violations.length > 0);
  console.log(`axe forms: ${results.length} page states checked, ${bad.length} with violations`);
  process.exit(bad.length === 0 ? 0 : 1);
})().catch(e => {
  console.error(e);
  process.exit(1);
});
