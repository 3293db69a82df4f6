/**
 * Every tuned rule, pattern family and threshold of the clean stages as a switch the site-fold
 * harness can set: a name, the values it may take (the shipped one first) and how it changes a
 * CleanOptions. Rules are on/off; thresholds get a small grid around their shipped value.
 */
import type { CleanOptions } from '../../src/pipeline.js';
import { MAIN_TEXT_RULES, type MainTextOptions } from '../../src/clean/html/main-text.js';
import type { HtmlPatternFamilies } from '../../src/clean/html/html-patterns.js';
import { BOILERPLATE_RULES } from '../../src/clean/plain-text/boilerplate.js';

export type SwitchValue = boolean | number;

export interface CleanSwitch {
  /** "main-text/join-ledes", "family/furnitureBlocks.ads", "threshold/maxLinkDensity", "boilerplate/link-card". */
  readonly id: string;
  readonly kind: 'rule' | 'threshold';
  /** The shipped value first. */
  readonly values: readonly SwitchValue[];
  apply(options: CleanOptions, value: SwitchValue): CleanOptions;
}

const withMainText = (options: CleanOptions, change: (m: MainTextOptions) => MainTextOptions): CleanOptions => ({
  ...options,
  htmlPage: { ...options.htmlPage, mainText: change(options.htmlPage.mainText) },
});

function mainTextRuleSwitches(): CleanSwitch[] {
  return MAIN_TEXT_RULES.map((rule) => ({
    id: `main-text/${rule}`,
    kind: 'rule',
    values: [true, false],
    apply: (o, v) => withMainText(o, (m) => ({ ...m, rules: { ...m.rules, [rule]: v as boolean } })),
  }));
}

function familySwitches(defaults: HtmlPatternFamilies): CleanSwitch[] {
  return (Object.keys(defaults) as (keyof HtmlPatternFamilies)[]).flatMap((group) =>
    Object.keys(defaults[group]).map((family): CleanSwitch => ({
      id: `family/${group}.${family}`,
      kind: 'rule',
      values: [true, false],
      apply: (o, v) =>
        withMainText(o, (m) => ({ ...m, families: { ...m.families, [group]: { ...m.families[group], [family]: v as boolean } } })),
    })),
  );
}

/** Grids around each shipped threshold: about half and one and a half times, where that makes sense. */
const THRESHOLD_GRIDS: Partial<Record<keyof MainTextOptions, readonly number[]>> = {
  minBlockChars: [15, 40],
  minMainTextChars: [150, 400],
  maxLinkDensity: [0.33, 0.67],
  siblingScoreRatio: [0.1, 0.3],
  wrapperTextShare: [0.35, 0.65],
  maxSideTextChars: [200, 450],
  clueWeight: [15, 35],
  articleBodyWeight: [25, 100],
  minCharsPerComma: [15, 60],
  ledeMinChars: [50, 120],
  ledeMaxShare: [0.3, 0.8],
  maxFurnitureLineChars: [40, 90],
  maxDateLineChars: [70, 140],
};

function thresholdSwitches(defaults: MainTextOptions): CleanSwitch[] {
  return (Object.keys(THRESHOLD_GRIDS) as (keyof MainTextOptions)[]).map((key) => ({
    id: `threshold/${key}`,
    kind: 'threshold',
    values: [defaults[key] as number, ...THRESHOLD_GRIDS[key]!],
    apply: (o, v) => withMainText(o, (m) => ({ ...m, [key]: v })),
  }));
}

function boilerplateSwitches(): CleanSwitch[] {
  return BOILERPLATE_RULES.map((rule) => ({
    id: `boilerplate/${rule}`,
    kind: 'rule',
    values: [true, false],
    apply: (o, v) => ({ ...o, boilerplate: { ...o.boilerplate, rules: { ...o.boilerplate.rules, [rule]: v as boolean } } }),
  }));
}

/** The switches of the extraction-de task (main text and boilerplate). */
export function extractionSwitches(defaults: CleanOptions): CleanSwitch[] {
  const mainText = defaults.htmlPage.mainText;
  return [...mainTextRuleSwitches(), ...familySwitches(mainText.families), ...thresholdSwitches(mainText), ...boilerplateSwitches()];
}
