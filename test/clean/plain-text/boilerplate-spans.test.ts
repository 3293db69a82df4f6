import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutBoilerplateSpans, findBoilerplateSpans } from '../../../src/clean/plain-text/boilerplate-spans.js';

/** The rules that cut something from a paragraph, and what they cut. */
const cutsIn = (text: string) => findBoilerplateSpans(text).map(({ rule, start, end }) => [rule, text.slice(start, end).trim()]);

test('comment-form cuts the labels of a comment form glued into the text', () => {
  const text =
    'Der Rat stimmte zu. Anmeldung Noch nicht beim Beispielboten? Kommentar-Profil anlegen Ich habe die Netiquette und die Datenschutzerklärung gelesen und akzeptiere diese.* * Pflichtfelder Die Sitzung endete um 20 Uhr.';
  assert.equal(cutBoilerplateSpans(text).text, 'Der Rat stimmte zu. Die Sitzung endete um 20 Uhr.');
  assert.equal(cutBoilerplateSpans('Der Rat stimmte zu. Anmeldung Noch nicht beim Beispielboten?').text, 'Der Rat stimmte zu.');
  assert.deepEqual(cutsIn('Wer war noch nicht beim Beispielfest?'), []);
  assert.deepEqual(cutsIn('Leave a comment. Your email address will not be published. Required fields are marked *'), [
    ['comment-form', 'Your email address will not be published. Required fields are marked *'],
  ]);
});

test('press-release-disclaimer cuts the distributor disclaimers of ad-hoc news', () => {
  const text =
    'Die Beispiel AG senkt ihre Prognose. Ende der Ad-hoc-Mitteilung Die EQS Distributionsservices umfassen gesetzliche Meldepflichten, Corporate News und Pressemitteilungen. Medienarchiv unter www.beispiel-archiv.de';
  assert.equal(cutBoilerplateSpans(text).text, 'Die Beispiel AG senkt ihre Prognose.');
  assert.equal(cutBoilerplateSpans('The issuer is solely responsible for the content of this announcement.').text, '');
  const header =
    'Beispiel AG senkt Prognose 12.03.2021 / 08:00 CET/CEST Veröffentlichung einer Insiderinformation nach Artikel 17 der Verordnung (EU) Nr. 596/2014, übermittelt durch DGAP - ein Service der EQS Group AG. Für den Inhalt der Mitteilung ist der Emittent / Herausgeber verantwortlich. Die Beispiel AG erwartet weniger Umsatz.';
  assert.equal(cutBoilerplateSpans(header).text, 'Beispiel AG senkt Prognose 12.03.2021 / 08:00 CET/CEST Die Beispiel AG erwartet weniger Umsatz.');
});

test('press-release-footer cuts the contact block and news-aktuell line, also when cut off', () => {
  const text =
    'Der Fahrer blieb unverletzt. Rückfragen bitte an: Polizei Beispielstadt Pressestelle Telefon: 0123 4567-890 E-Mail: presse@polizei.example Original-Content von: Polizei Beispielstadt, übermittelt durch news aktuell';
  assert.equal(cutBoilerplateSpans(text).text, 'Der Fahrer blieb unverletzt.');
  const phoneFirst = 'Zeugen melden sich unter 0123 4567-890 E-Mail: presse@polizei.example Original-Content von: Polizei Beispielstadt, übermittelt durch news akt';
  assert.equal(cutBoilerplateSpans(phoneFirst).text, 'Zeugen melden sich unter');
});

test('consent-notice cuts the sentences of a cookie notice, grown over neighbours about data processing', () => {
  const text =
    'Stadt plant neuen Radweg Um unsere Website zu verbessern, sammeln wir Informationen über Sie. Mit „Zustimmen“ erklären Sie sich mit dem Einsatz von Cookies einverstanden. Persönliche Daten können an Drittanbieter übermittelt werden. Der Radweg soll 2025 fertig sein.';
  assert.equal(cutBoilerplateSpans(text).text, 'Stadt plant neuen Radweg Der Radweg soll 2025 fertig sein.');
  assert.deepEqual(cutsIn('We use cookies to improve your experience. By clicking accept you consent to this.').map(([rule]) => rule), ['consent-notice']);
});

test('network-footer cuts the line naming the publishing network a site belongs to', () => {
  assert.equal(
    cutBoilerplateSpans('Der Pegel steigt weiter. kat *beispielbote.de ist Teil des bundesweiten Beispiel-Digital-Redaktionsnetzwerks.').text,
    'Der Pegel steigt weiter. kat',
  );
  assert.deepEqual(cutsIn('Die Klinik ist Teil des Netzwerks der Universität.'), []);
});

test('newsletter-signup and widget-instructions cut sentences that address the reader', () => {
  assert.deepEqual(cutsIn('Der Pegel steigt. Hier können Sie sich für unseren Hochwasser-Newsletter anmelden.'), [
    ['newsletter-signup', 'Hier können Sie sich für unseren Hochwasser-Newsletter anmelden.'],
  ]);
  assert.deepEqual(cutsIn('Die interaktive Karte zeigt die Pegelstände. Wenn Sie hineinzoomen, sehen Sie einzelne Messstellen. Der Pegel steigt.'), [
    ['widget-instructions', 'Die interaktive Karte zeigt die Pegelstände. Wenn Sie hineinzoomen, sehen Sie einzelne Messstellen.'],
  ]);
  assert.equal(cutBoilerplateSpans('Klicken Sie auf einen Punkt der Karte. Außerdem finden Sie hier die Badestellen. Der Pegel steigt.').text, 'Der Pegel steigt.');
});

test('article sentences about data protection, newsletters and comments are kept', () => {
  const KEPT = [
    'Die Datenschutzbeauftragten der Länder verhängten 2019 Bußgelder wegen Verstößen gegen die Datenschutzgrundverordnung.',
    'Sie kritisierten, dass viele Websites Cookies ohne Einwilligung setzen.',
    '„Wir geben keine persönlichen Daten an Drittanbieter weiter“, sagte der Sprecher des Unternehmens.',
    'Der Verein informiert seine Mitglieder per Newsletter über die neuen Öffnungszeiten.',
    'Die Netiquette im Internet sei verroht, klagt die Medienwissenschaftlerin.',
    'Die Polizei bittet um Hinweise unter der Telefonnummer 0123 4567-890.',
    'Das Unternehmen veröffentlichte am Montag eine Ad-hoc-Mitteilung zur Prognose.',
    'Regulators said the company had shared personal data with third parties.',
    'Wir müssen den Datenschutz im Internet stärken, Herr Präsident.',
    'Ich möchte Ihnen vorschlagen, dass wir mit weniger Geld einverstanden sind.',
    'Hier sehen Sie die Stelle, an der die Brücke einstürzte, sagte der Bürgermeister.',
    'Die Polizei klickte die Handschellen.',
  ];
  for (const sentence of KEPT) assert.deepEqual(cutsIn(sentence), [], sentence);
});

test('a paragraph without boilerplate comes back unchanged, spaces and all', () => {
  const text = 'Der Rat  tagte am Montag.  Er beschloss den Haushalt.';
  assert.deepEqual(cutBoilerplateSpans(text), { text, removed: [] });
});
