/**
 * The reporting-verb lexicon (reporting-verbs.de.tsv) as a lookup from a word form to its verb:
 * "sagte" → sagen, "teilte" → teilen + particle "mit", "mitgeteilt" / "mitteilte" → teilen (particle joined).
 */
import { readFileSync } from 'node:fs';

export interface CueVerb {
  readonly lemma: string;
  /** Separable particle that must follow later in the clause ("teilte … mit"), or null. */
  readonly particle: string | null;
  /** A past participle ("gesagt", "mitgeteilt"): the finite verb of the clause is an auxiliary. */
  readonly participle: boolean;
}

export type ReportingVerbLexicon = ReadonlyMap<string, readonly CueVerb[]>;

/** Prefixes that take no "ge-" in the participle ("erklärt", "versichert", "bestätigt"). */
const INSEPARABLE_PREFIX = /^(be|ge|er|ver|zer|ent|emp|miss|wider|hinter|unter|über)/;

export function loadReportingVerbs(): ReportingVerbLexicon {
  const text = readFileSync(new URL('./reporting-verbs.de.tsv', import.meta.url), 'utf8');
  const lexicon = new Map<string, CueVerb[]>();
  const add = (form: string, verb: CueVerb) => {
    const entries = lexicon.get(form) ?? [];
    entries.push(verb);
    lexicon.set(form, entries);
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [lemma, particleField, formsField] = line.split('\t');
    if (!lemma || !particleField || !formsField) continue;
    const particle = particleField === '-' ? null : particleField;
    const { finite, participles } = formsField === '*' ? weakVerbForms(lemma, particle !== null) : listedForms(formsField);
    for (const form of finite) {
      add(form, { lemma, particle, participle: false });
      // in a subordinate clause the particle is joined: "als sie ihre Pläne ankündigten"
      if (particle) add(particle + form, { lemma, particle: null, participle: false });
    }
    for (const form of participles) add(particle ? particle + form : form, { lemma, particle: null, participle: true });
  }
  return lexicon;
}

function listedForms(field: string): { finite: string[]; participles: string[] } {
  const forms = field.split(',').map((f) => f.trim()).filter(Boolean);
  return {
    finite: forms.filter((f) => !/^ge/.test(f) || /^(geben|gebe|gibt)$/.test(f)),
    participles: forms.filter((f) => /^ge/.test(f) && !/^(geben|gebe|gibt)$/.test(f)),
  };
}

/** Present, past and subjunctive forms of a regular weak verb, and its participle. */
function weakVerbForms(lemma: string, separable: boolean): { finite: string[]; participles: string[] } {
  const stem = /e[lr]n$/.test(lemma) ? lemma.slice(0, -1) : lemma.slice(0, -2);
  // "berichten" → "berichtet", "bezeichnen" → "bezeichnet": an e keeps the t audible
  const joint = /([td]|[^aeiouäöülr]n)$/.test(stem) ? `${stem}e` : stem;
  const finite = [`${stem}e`, `${joint}t`, `${joint}te`, `${joint}ten`, lemma, `${joint}st`];
  const noGe = !separable && (INSEPARABLE_PREFIX.test(lemma) || /ieren$/.test(lemma));
  return { finite, participles: [`${(noGe ? '' : 'ge') + joint}t`] };
}
