import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOW_ALL, isAllowedByRobots, parseRobotsTxt } from '../../src/monitor/robots-txt.js';

const SITE = `# Kreisbote Online
User-agent: *
Disallow: /intern/
Disallow: /suche?
Allow: /intern/presse/
Crawl-delay: 5

User-agent: Archivbot
User-agent: StoryTrace
Disallow: /archiv/
Disallow: /*.pdf$
Allow: /archiv/heute

User-agent: gierigbot
Disallow: /
`;

test('the group naming our product token is ours, case-insensitively, with its neighbour agent line', () => {
  const policy = parseRobotsTxt(SITE, 'storytrace');
  assert.deepEqual(policy.rules.map((r) => r.pattern), ['/archiv/', '/*.pdf$', '/archiv/heute']);
  assert.equal(policy.crawlDelaySeconds, null, 'the * group\'s delay is not ours when a group names us');
  assert.equal(isAllowedByRobots(policy, '/intern/kasse'), true, 'the * group does not apply once a group names us');
  assert.equal(isAllowedByRobots(policy, '/archiv/2019/wahl'), false);
  assert.equal(isAllowedByRobots(policy, '/archiv/heute/lokales'), true, 'the longer Allow wins');
  assert.equal(isAllowedByRobots(policy, '/download/haushalt.pdf'), false);
  assert.equal(isAllowedByRobots(policy, '/download/haushalt.pdf?v=2'), true, '$ anchors the end');
});

test('without a group for us the * group applies, longest match deciding', () => {
  const policy = parseRobotsTxt(SITE, 'andererbot');
  assert.equal(policy.crawlDelaySeconds, 5);
  assert.equal(isAllowedByRobots(policy, '/intern/'), false);
  assert.equal(isAllowedByRobots(policy, '/intern/presse/mitteilung-3'), true);
  assert.equal(isAllowedByRobots(policy, '/suche?q=rathaus'), false);
  assert.equal(isAllowedByRobots(policy, '/suche'), true, 'the pattern asks for the "?"');
  assert.equal(isAllowedByRobots(policy, '/lokales/brand-in-der-altstadt'), true);
});

test('an empty Disallow allows everything; Allow wins a tie of equal length', () => {
  assert.equal(isAllowedByRobots(parseRobotsTxt('User-agent: *\nDisallow:\n', 'storytrace'), '/alles'), true);
  const tie = parseRobotsTxt('User-agent: *\nDisallow: /seite\nAllow: /seite\n', 'storytrace');
  assert.equal(isAllowedByRobots(tie, '/seite/1'), true);
});

test('Disallow: / forbids everything but robots.txt itself', () => {
  const policy = parseRobotsTxt('User-agent: *\nDisallow: /\n', 'storytrace');
  assert.equal(isAllowedByRobots(policy, '/'), false);
  assert.equal(isAllowedByRobots(policy, '/nachrichten/1'), false);
  assert.equal(isAllowedByRobots(policy, '/robots.txt'), true);
});

test('percent-escapes of unreserved characters match their plain form; comments and rules before any agent line are ignored', () => {
  const policy = parseRobotsTxt('Disallow: /verwaist\nUser-agent: * # alle\nDisallow: /%7eredaktion/ # intern\n', 'storytrace');
  assert.equal(isAllowedByRobots(policy, '/~redaktion/notizen'), false);
  assert.equal(isAllowedByRobots(policy, '/verwaist'), true);
});

test('a * in the middle matches any run of characters', () => {
  const policy = parseRobotsTxt('User-agent: *\nDisallow: /*/drucken\n', 'storytrace');
  assert.equal(isAllowedByRobots(policy, '/politik/2024/drucken'), false);
  assert.equal(isAllowedByRobots(policy, '/politik/2024/lesen'), true);
  assert.equal(isAllowedByRobots(ALLOW_ALL, '/politik/2024/drucken'), true);
});
