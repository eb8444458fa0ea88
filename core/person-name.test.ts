import { describe, expect, it } from 'vitest';
import { nameParts } from './person-name.js';

const parts = (given: string, family: string, particle = '', suffix = '') => ({ given, particle, family, suffix });

describe('nameParts', () => {
  it.each([
    ['Yilun Xu', parts('Yilun', 'Xu')],
    ['Alan D. Baddeley', parts('Alan D.', 'Baddeley')],
    ['  Søren   Østergaard ', parts('Søren', 'Østergaard')],
    ['小明 王', parts('小明', '王')],
    ['OpenAI', parts('', 'OpenAI')],
    // BibTeX's "First von Last": the lower-case words before the family name are its particle.
    ['Ludwig van Beethoven', parts('Ludwig', 'Beethoven', 'van')],
    ['María de la Cruz', parts('María', 'Cruz', 'de la')],
    ['Jean de La Fontaine', parts('Jean', 'La Fontaine', 'de')],
    ['Charles de Gaulle', parts('Charles', 'Gaulle', 'de')],
    ["Jean d'Alembert", parts('Jean', "d'Alembert")],
    // Family name first, as BibTeX and reference managers write it.
    ['Baddeley, Alan D.', parts('Alan D.', 'Baddeley')],
    ['van Beethoven, Ludwig', parts('Ludwig', 'Beethoven', 'van')],
    ["O'Neil, Jr., Tip", parts('Tip', "O'Neil", '', 'Jr.')],
    // A generational suffix is no family name, where BibTeX would take it for one.
    ["Tip O'Neil Jr.", parts('Tip', "O'Neil", '', 'Jr.')],
    ["Tip O'Neil, Jr.", parts('Tip', "O'Neil", '', 'Jr.')],
    ['Martin Luther King III', parts('Martin Luther', 'King', '', 'III')],
  ])('%s', (name, expected) => {
    expect(nameParts(name)).toEqual(expected);
  });

  it('gives nothing for a name with no family name to cite by', () => {
    expect(nameParts('')).toBeNull();
    expect(nameParts(' , ')).toBeNull();
  });
});
