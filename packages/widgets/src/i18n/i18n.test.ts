import { expect } from '@open-wc/testing';
import { formatDate, formatMoney, formatMonthYear } from './format.ts';
import { interpolate, resolveLocale } from './localize-controller.ts';
import { cy } from './cy.ts';
import { enGB } from './en-GB.ts';

describe('i18n', () => {
  it('formats integer pence as GBP without floating-point drift', () => {
    expect(formatMoney(195239, 'en-GB')).to.equal('£1,952.39');
    expect(formatMoney(0, 'en-GB')).to.equal('£0.00');
    expect(formatMoney(5, 'en-GB')).to.equal('£0.05');
    expect(formatMoney(-12345, 'en-GB')).to.equal('-£123.45');
    // 0.1 + 0.2 territory: 1.15 * 100 is 114.99999999999999 as a float
    expect(formatMoney(115, 'en-GB')).to.equal('£1.15');
    expect(formatMoney(900719925474099, 'en-GB')).to.equal('£9,007,199,254,740.99');
    expect(formatMoney(195239, 'cy')).to.equal('£1,952.39');
  });

  it('formats ISO dates in UTC, in English and Welsh', () => {
    expect(formatDate('2026-10-30', 'en-GB')).to.equal('30 October 2026');
    expect(formatMonthYear('2026-10-30', 'en-GB')).to.equal('October 2026');
    expect(formatMonthYear('2026-10-30', 'cy')).to.equal('Hydref 2026');
    expect(formatDate('2026-04-01', 'cy')).to.equal('1 Ebrill 2026');
  });

  it('resolves locales: cy and cy-GB are Welsh, anything else is en-GB', () => {
    expect(resolveLocale('cy')).to.equal('cy');
    expect(resolveLocale('CY-gb')).to.equal('cy');
    expect(resolveLocale('en')).to.equal('en-GB');
    expect(resolveLocale('fr-FR')).to.equal('en-GB');
    expect(resolveLocale('')).to.equal('en-GB');
    expect(resolveLocale(undefined)).to.equal('en-GB');
  });

  it('interpolates %{placeholders} and leaves unknown ones visible', () => {
    expect(interpolate('Reference: %{requestId}', { requestId: 'req_1' })).to.equal('Reference: req_1');
    expect(interpolate('%{a} and %{b}', { a: 1 })).to.equal('1 and %{b}');
  });

  it('has a Welsh string for every English key', () => {
    const keys = Object.keys(enGB).sort();
    expect(Object.keys(cy).sort()).to.deep.equal(keys);
    for (const key of keys) {
      if (key === 'lineCodes') continue;
      expect((cy as unknown as Record<string, string>)[key], key).to.be.a('string').and.not.equal('');
    }
    expect(cy.netPay).to.equal('Cyflog net');
    expect(cy.retry).to.equal('Ceisio eto');
  });
});
