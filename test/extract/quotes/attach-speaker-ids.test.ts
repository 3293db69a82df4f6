import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachSpeakerIds } from '../../../src/extract/quotes/attach-speaker-ids.js';
import type { EntityMention, Quote } from '../../../src/article.js';

function mention(text: string, surface: string, canonical: string, from = 0): EntityMention {
  const start = text.indexOf(surface, from);
  return { text: surface, start, end: start + surface.length, type: 'person', canonical };
}

function quote(text: string, speakerSurface: string, from = 0): Quote {
  const start = text.indexOf(speakerSurface, from);
  return { text: 'x', start: 0, end: 1, kind: 'direct', partial: false, cue: 'sagte', speaker: speakerSurface, speakerStart: start, speakerEnd: start + speakerSurface.length, relayedBy: null };
}

test('the head of the speaker phrase gives the identity and the fullest name', () => {
  const text = 'Nach Angaben von Putins Berater Juri Uschakow … Später sagte Uschakow mehr.';
  const entities = [mention(text, 'Putins', 'person:wladimir-putin'), mention(text, 'Juri Uschakow', 'person:juri-uschakow'), mention(text, 'Uschakow', 'person:juri-uschakow', 50)];
  const [first, second] = attachSpeakerIds([quote(text, 'Putins Berater Juri Uschakow'), quote(text, 'Uschakow', 50)], entities, text);
  assert.equal(first!.speakerId, 'person:juri-uschakow');
  assert.equal(second!.speakerId, 'person:juri-uschakow');
  assert.equal(second!.speaker, 'Juri Uschakow');
});

test('a singular pronoun takes the nearest person before it; a plural one does not', () => {
  const text = 'Mara Lindqvist kam. Er sagte etwas. Sie riefen alle auf.';
  const entities = [mention(text, 'Mara Lindqvist', 'person:mara-lindqvist')];
  const [singular, plural] = attachSpeakerIds([quote(text, 'Er'), quote(text, 'Sie')], entities, text);
  assert.equal(singular!.speakerId, 'person:mara-lindqvist');
  assert.equal(plural!.speakerId, null);
});

test('a role noun used before a name earlier stands for that person', () => {
  const text = 'Der Berater Tomas Berg erklärte das. Die Lage sei ernst, so der Berater.';
  const entities = [mention(text, 'Tomas Berg', 'person:tomas-berg')];
  const [q] = attachSpeakerIds([quote(text, 'der Berater', 40)], entities, text);
  assert.equal(q!.speakerId, 'person:tomas-berg');
});

test('a possessive pronoun ("nach ihren Worten") takes the nearest person before it', () => {
  const text = 'Carla Wendt besuchte das Werk. Nach ihren Worten ist es unverzichtbar.';
  const [q] = attachSpeakerIds([quote(text, 'ihren')], [mention(text, 'Carla Wendt', 'person:carla-wendt')], text);
  assert.equal(q!.speakerId, 'person:carla-wendt');
  assert.equal(q!.speaker, 'Carla Wendt');
});
