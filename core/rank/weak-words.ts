/**
 * Words of scientific prose that are terms (the model may learn from them) but say nothing of a paper's subject when
 * given as a reason: "systems", "performance", "framework", "extensive experiments". A reason whose every word is one
 * of these is passed over; a phrase with one word that says something ("language models") is not. Connectives
 * ("lastly", "moreover") and the prefixes a hyphen leaves alone ("sub", "multi") are among them. Singular forms
 * only: a plural is read as its singular ("focuses", "studies"). Pure.
 */

const WEAK_WORDS: ReadonlySet<string> = new Set(
  `ability able accuracy accurate achieving across action additionally addressing advance advanced advancement
advancing aim allow allowing alternative analysis analyze approach art aspect assess available aware baseline basic
behavior benchmark benefit better broad capability capable case challenge challenging change choice claim code com
common compare compared comparison complex component comprehensive concept condition consider consideration
consistent consistently construct content context contribution convenient core cost critical crucial current
currently data dataset deal demonstrating depend design designed despite detail determine develop developed
developing development different difficult directly discuss diverse domain easy effect effective effectively
effectiveness efficiency efficient efficiently element employ enable enabled enables enabling end enhance enhanced
enhancing ensure entire environment especially essential establish et al evaluate evaluated evaluating evaluation
evidence example exhibit experiment experimental explore extend extensive extensively extract fact factor fail
feature field finally finding focus following form framework full fully function future gain general generally
github good great greater ground growing help high higher highly http https hypothesis idea impact important
improve improved improvement improving include including increase information increasing increasingly input insight inside
instead issue key knowledge lack large larger leading learn learning level leverage leveraging like limitation
limited low lower main mainly maintain major make making manner maximizing measure mechanism minimal model modern
multiple natural nature need notably number objective observe obtain offer open operation order org original
outcome outperform outperforming output overall particular particularly people perform performance pipeline play
point popular possible potential powerful practical practice prior problem process produce promising property
provide providing quality range rate real recent recently reduce reducing related relevant remain remains
require requiring research researcher respectively result robust scale scenario scheme science set setting shaped
show significant similar simple single small solution solve source specific specifically standard state step
strategy strong structure studied study subtly success successfully suggest superior support system task technique
technology term test the time tool total traditional train trained training type typical typically understand
understanding unique usage useful utilize validate validation value variety various version way wide widely world www
lastly firstly secondly thirdly moreover furthermore however therefore thus hence also besides meanwhile nevertheless
nonetheless whereas size observation sub non pre semi multi anti co inter intra`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** The forms a word's singular may have: itself, less a plural's "s" or "es", or "-ies" as "-y". */
export function singularForms(word: string): string[] {
  if (word.length < 4 || !word.endsWith('s') || /(ss|us|is)$/.test(word)) return [word];
  const forms = [word, word.slice(0, -1)];
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}

/** Whether every word of `label` (a word, a phrase; lower case) is one that says nothing as a reason. */
export function saysNothing(label: string): boolean {
  return label.split(' ').every((word) => singularForms(word).some((form) => WEAK_WORDS.has(form)));
}
