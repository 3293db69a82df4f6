import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stylesAllowed } from '../../src/cli/terminal.js';

test('terminal: styles only on a terminal, never with NO_COLOR or a dumb terminal', () => {
  assert.equal(stylesAllowed({ isTTY: true }, {}), true);
  assert.equal(stylesAllowed({ isTTY: false }, {}), false);
  assert.equal(stylesAllowed({}, {}), false);
  assert.equal(stylesAllowed({ isTTY: true }, { NO_COLOR: '1' }), false);
  // the convention: an empty NO_COLOR does not count
  assert.equal(stylesAllowed({ isTTY: true }, { NO_COLOR: '' }), true);
  assert.equal(stylesAllowed({ isTTY: true }, { TERM: 'dumb' }), false);
});
