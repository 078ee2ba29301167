// Print check (issue 16, point 14), in Debian's chromium: a result list prints as a compact list
// (no header, navigation, forms, chips or facets; each record with its organization and its
// address or phone), and a record page prints on one A4 page.
// Usage: node print.js BASE_URL   (SHOTS=dir also saves each page's PDF there)
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('./browser');

const [base] = process.argv.slice(2);
if (!base) {
  console.error('usage: node print.js BASE_URL');
  process.exit(2);
}

async function firstId(kind) {
  const r = await fetch(`${base}/api/v1/${kind}?per_page=100`);
  const items = (await r.json()).contents;
  return items;
}

// What must not be on paper, and what each card must carry there.
const inspect = `
  const shown = e => e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const banned = ['header.site', 'footer.site', 'main form', '.tags', '.facets', '.pager', '.crumbs'];
  const visible = banned.filter(s => [...document.querySelectorAll(s)].some(shown));
  const cards = [...document.querySelectorAll('main .card')];
  const bare = cards.filter(c => {
    const facts = c.querySelector('.print-facts');
    return !c.querySelector('.meta') || !shown(facts);
  }).map(c => c.querySelector('a') && c.querySelector('a').getAttribute('href'));
  return { visible, cards: cards.length, bare };
`;

async function pdfPages(driver) {
  const r = await driver.sendAndGetDevToolsCommand('Page.printToPDF', {
    preferCSSPageSize: true,
    printBackground: false,
    displayHeaderFooter: false,
  });
  const pdf = Buffer.from(r.data, 'base64');
  return { pdf, pages: (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length };
}

(async () => {
  const opps = await firstId('opportunities');
  const services = await firstId('services');
  const orgs = await firstId('organizations');
  // The longest texts are the hardest to fit on a page.
  const longest = items =>
    items.slice().sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0].id;
  const lists = [];
  const records = [];
  for (const lang of ['fi', 'sv', 'en']) {
    lists.push(`${base}/${lang}/search?q=ty%C3%B6kokeilu&municipality=398`);
    lists.push(`${base}/${lang}/opportunities?open=1`);
    lists.push(`${base}/${lang}/organizations?municipality=398`);
    lists.push(`${base}/${lang}/municipalities/398`);
    records.push(`${base}/${lang}/opportunities/${longest(opps)}`);
    records.push(`${base}/${lang}/services/${longest(services)}`);
    records.push(`${base}/${lang}/organizations/${orgs[0].id}`);
  }
  const driver = await chromium('1280,900');
  let failures = 0;
  const fail = msg => {
    failures += 1;
    console.log(`FAIL ${msg}`);
  };
  try {
    await driver.sendDevToolsCommand('Emulation.setEmulatedMedia', { media: 'print' });
    let n = 0;
    for (const url of [...lists, ...records]) {
      n += 1;
      await driver.get(url);
      const r = await driver.executeScript(inspect);
      const { pdf, pages } = await pdfPages(driver);
      if (process.env.SHOTS) fs.writeFileSync(path.join(process.env.SHOTS, `print-${n}.pdf`), pdf);
      if (r.visible.length > 0) fail(`${url}: on paper: ${r.visible.join(', ')}`);
      if (lists.includes(url)) {
        if (r.cards === 0) fail(`${url}: no results to print`);
        if (r.bare.length > 0) fail(`${url}: cards without organization and address or phone: ${r.bare.join(', ')}`);
        console.log(`ok   list ${url}: ${r.cards} records on ${pages} A4 pages`);
      } else {
        if (pages !== 1) fail(`${url}: ${pages} A4 pages, not one`);
        else console.log(`ok   record ${url}: 1 A4 page`);
      }
    }
  } finally {
    await driver.quit();
  }
  if (failures > 0) {
    console.log(`print: ${failures} failures`);
    process.exit(1);
  }
  console.log(`print: ${lists.length} lists and ${records.length} record pages checked`);
})().catch(e => {
  console.error(e);
  process.exit(1);
});
